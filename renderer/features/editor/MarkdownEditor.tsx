import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { styleNonce } from '../../platform/style-nonce';

interface MarkdownEditorProps {
  path: string;
  text: string;
  onChange(text: string): void;
}

/** The CodeMirror 6 editor for one post: GFM Markdown with line wrapping. */
export function MarkdownEditor({ path, text, onChange }: MarkdownEditorProps) {
  const extensions = useMemo(
    () => [
      markdown({ base: markdownLanguage }),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(styleNonce()),
      EditorView.contentAttributes.of({ 'aria-label': `Text of ${path}` }),
    ],
    [path],
  );
  return <CodeMirror className="editor" value={text} onChange={onChange} extensions={extensions} height="100%" basicSetup={{ foldGutter: false }} />;
}
