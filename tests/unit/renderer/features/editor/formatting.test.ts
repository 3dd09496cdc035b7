import { EditorSelection, EditorState, type StateCommand } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { cycleHeading, insertLink, toggleBulletList, toggleWrap } from '../../../../../renderer/features/editor/formatting';

/** Run `command` on `doc` with the selection from..to; the new text and selection. */
function run(command: StateCommand, doc: string, from: number, to = from): { text: string; selected: string } {
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const main = state.selection.main;
  return { text: state.doc.toString(), selected: state.sliceDoc(main.from, main.to) };
}

describe('formatting commands', () => {
  it('wraps and unwraps the selection in bold markers', () => {
    expect(run(toggleWrap('**'), '한글 단어', 3, 5)).toEqual({ text: '한글 **단어**', selected: '단어' });
    expect(run(toggleWrap('**'), '한글 **단어**', 5, 7)).toEqual({ text: '한글 단어', selected: '단어' });
  });

  it('turns the selection into a link with the URL selected', () => {
    expect(run(insertLink, 'see docs', 4, 8)).toEqual({ text: 'see [docs](url)', selected: 'url' });
  });

  it('cycles a heading through ##, ###, #### and back', () => {
    const once = run(cycleHeading, '제목', 0).text;
    expect(once).toBe('## 제목');
    expect(run(cycleHeading, once, 0).text).toBe('### 제목');
    expect(run(cycleHeading, '#### 제목', 0).text).toBe('제목');
  });

  it('toggles bullets on every selected line', () => {
    expect(run(toggleBulletList, 'a\nb', 0, 3).text).toBe('- a\n- b');
    expect(run(toggleBulletList, '- a\n  - b', 0, 9).text).toBe('a\n  b');
  });
});
