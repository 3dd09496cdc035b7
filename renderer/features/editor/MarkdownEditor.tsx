import { historyField } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { liquid } from '@codemirror/lang-liquid';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useCodeMirror } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef, useState } from 'react';
import { detectLineSeparator } from '../../../shared/text/line-endings';
import { styleNonce } from '../../platform/style-nonce';
import { cycleHeading, insertLink, toggleBulletList, toggleWrap } from './formatting';
import { imagePaste } from './image-paste';

const BASIC_SETUP = { foldGutter: false };

/** Each post's editor state (with its undo history) while another post is open, for this session. */
const parked = new Map<string, { text: string; json: unknown }>();

interface MarkdownEditorProps {
  path: string;
  /** The text the editor starts with; later changes come from the user, reported by onChange. */
  initialText: string;
  onChange(text: string): void;
  /** The CodeMirror view, for edits made elsewhere (the front-matter form) to go through its history. */
  onView?(view: EditorView | null): void;
  label: string;
  theme: 'light' | 'dark';
  /** Save an image pasted or dropped into the text (bytes as base64); resolves with the URL to link. Without it, images are not taken. */
  onImage?(file: File, base64: string): Promise<string>;
  /** Why a pasted or dropped image was not added. */
  onImageError?(message: string): void;
}

/**
 * The CodeMirror 6 editor for one post: front matter as YAML, Liquid and Markdown (GFM) with
 * line wrapping, search and formatting keys. The editor owns the document (no controlled
 * value), so typing never waits for React, and the text it reports is joined with the file's own
 * line separator: CodeMirror would otherwise turn every CRLF into LF. Its undo history survives
 * switching to another post and back.
 */
export function MarkdownEditor({ path, initialText, onChange, onView, label, theme, onImage, onImageError }: MarkdownEditorProps) {
  // Fixed for the editor's life (it is keyed by post and load), like the document it splits.
  const [initialState] = useState(() => {
    const saved = parked.get(path);
    if (saved && saved.text === initialText) return { json: saved.json, fields: { history: historyField } };
    return { json: { doc: initialText, selection: { ranges: [{ anchor: 0, head: 0 }], main: 0 } } };
  });
  const [separator] = useState(() => detectLineSeparator(initialText));
  // The latest callbacks, read when an image arrives: new closures on each render must not reconfigure the editor.
  const images = useRef({ onImage, onImageError });
  useEffect(() => {
    images.current = { onImage, onImageError };
  });
  const takesImages = onImage !== undefined;
  const extensions = useMemo(
    () => [
      yamlFrontmatter({ content: liquid({ base: markdown({ base: markdownLanguage }) }) }),
      EditorState.lineSeparator.of(separator),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(styleNonce()),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      Prec.high(
        keymap.of([
          { key: 'Mod-b', run: toggleWrap('**') },
          { key: 'Mod-i', run: toggleWrap('_') },
          { key: 'Mod-k', run: insertLink },
          { key: 'Mod-Alt-h', run: cycleHeading },
          { key: 'Mod-Shift-8', run: toggleBulletList },
        ]),
      ),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.sliceDoc());
      }),
      // The ref is read on paste or drop only, never during render; the lint cannot see into the extension.
      takesImages
        ? // eslint-disable-next-line react-hooks/refs
          imagePaste({
            save: (file, base64) => images.current.onImage?.(file, base64) ?? Promise.reject(new Error('This editor does not take images.')),
            onError: (message) => images.current.onImageError?.(message),
          })
        : [],
    ],
    // onChange is stable (useOpenPost's edit); were it not, CodeMirror would only reconfigure.
    [separator, onChange, label, takesImages],
  );
  // The hook, not the <CodeMirror> component: the component forces a controlled `value` ('' by default).
  const { setContainer, view } = useCodeMirror({ initialState, extensions, height: '100%', basicSetup: BASIC_SETUP, theme });
  useEffect(() => {
    if (!view) return;
    onView?.(view);
    return () => {
      onView?.(null);
      parked.set(path, { text: view.state.sliceDoc(), json: view.state.toJSON({ history: historyField }) });
    };
  }, [view, onView, path]);
  return <div className="editor" ref={setContainer} />;
}

/** Replace the editor's text with `next` as one undoable change covering only what differs. */
export function replaceText(view: EditorView, next: string): void {
  const current = view.state.sliceDoc();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  view.dispatch({ changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) }, userEvent: 'input.form' });
}
