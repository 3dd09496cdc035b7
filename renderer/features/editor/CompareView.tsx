import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { styleNonce } from '../../platform/style-nonce';

/** Side by side: the editor's text (left) and the file on disk (right), differences marked; read-only. */
export function CompareView({ mine, theirs }: { mine: string; theirs: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const common = [EditorView.lineWrapping, EditorView.cspNonce.of(styleNonce()), EditorState.readOnly.of(true), EditorView.editable.of(false)];
    const view = new MergeView({ a: { doc: mine, extensions: common }, b: { doc: theirs, extensions: common }, parent: ref.current, collapseUnchanged: { margin: 3 } });
    return () => view.destroy();
  }, [mine, theirs]);
  return <div className="compare-view" ref={ref} />;
}
