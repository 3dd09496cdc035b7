import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useCodeMirror } from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import { detectLineSeparator } from '../../../shared/text/line-endings';
import { styleNonce } from '../../platform/style-nonce';

const BASIC_SETUP = { foldGutter: false };

interface MarkdownEditorProps {
  path: string;
  /** The text the editor starts with; later changes come from the user, reported by onChange. */
  initialText: string;
  onChange(text: string): void;
}

/**
 * The CodeMirror 6 editor for one post: GFM Markdown with line wrapping. The editor owns the
 * document (no controlled value), so typing never waits for React, and the text it reports is
 * joined with the file's own line separator: CodeMirror would otherwise turn every CRLF into LF.
 */
export function MarkdownEditor({ path, initialText, onChange }: MarkdownEditorProps) {
  // Fixed for the editor's life (it is keyed by post and load), like the document it splits.
  const [initialState] = useState(() => ({ json: { doc: initialText, selection: { ranges: [{ anchor: 0, head: 0 }], main: 0 } } }));
  const [separator] = useState(() => detectLineSeparator(initialText));
  const extensions = useMemo(
    () => [
      markdown({ base: markdownLanguage }),
      EditorState.lineSeparator.of(separator),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(styleNonce()),
      EditorView.contentAttributes.of({ 'aria-label': `Text of ${path}` }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.sliceDoc());
      }),
    ],
    // onChange is stable (useOpenPost's edit); were it not, CodeMirror would only reconfigure.
    [path, separator, onChange],
  );
  // The hook, not the <CodeMirror> component: the component forces a controlled `value` ('' by default).
  const { setContainer } = useCodeMirror({ initialState, extensions, height: '100%', basicSetup: BASIC_SETUP });
  return <div className="editor" ref={setContainer} />;
}
