/**
 * The floor page of the preview benchmark, bundled by preview-latency.ts: a bare CodeMirror
 * editor whose every change re-renders the whole post with markdown-it into a plain element,
 * the simplest live preview there is. It reads the post from `window.benchDoc`.
 */
import { EditorView } from '@codemirror/view';
import markdownIt from 'markdown-it';

interface BenchWindow {
  benchDoc: string;
  benchView: EditorView;
}

const bench = window as unknown as BenchWindow;
const md = markdownIt({ html: true });
const preview = document.getElementById('preview')!;
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/u, '');
preview.innerHTML = md.render(bodyOf(bench.benchDoc));
bench.benchView = new EditorView({
  doc: bench.benchDoc,
  parent: document.getElementById('editor')!,
  extensions: [
    EditorView.updateListener.of((update) => {
      if (update.docChanged) preview.innerHTML = md.render(bodyOf(update.state.doc.toString()));
    }),
  ],
});
