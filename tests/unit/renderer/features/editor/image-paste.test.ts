import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { endPendingImages, imageMarkdown, insertAtPending, pendingImages, startPendingImages } from '../../../../../renderer/features/editor/image-paste';

/** A state of `doc` with the cursor at the `|`. */
function stateOf(doc: string): EditorState {
  const at = doc.indexOf('|');
  return EditorState.create({ doc: doc.replace('|', ''), selection: EditorSelection.cursor(at), extensions: [pendingImages] });
}

/** The document with `|` at the cursor. */
function picture(state: EditorState): string {
  const text = state.doc.toString();
  const head = state.selection.main.head;
  return `${text.slice(0, head)}|${text.slice(head)}`;
}

describe('imageMarkdown', () => {
  it.each([
    ['photo.png', '/blog/assets/images/p/photo.png', '![photo](/blog/assets/images/p/photo.png)'],
    ['봄 산책.jpeg', '/assets/images/p/봄-산책.jpeg', '![봄 산책](/assets/images/p/봄-산책.jpeg)'],
    ['archive.tar.png', '/a/archive.tar.png', '![archive.tar](/a/archive.tar.png)'],
    ['[draft] x].png', '/a/draft-x.png', '![\\[draft\\] x\\]](/a/draft-x.png)'],
    ['', '/a/image-20250115-073000.png', '![image-20250115-073000](/a/image-20250115-073000.png)'],
    ['', '/a/%EC%82%AC%EC%A7%84.png', '![사진](/a/%EC%82%AC%EC%A7%84.png)'],
  ])('links %j saved at %j as %j', (name, url, markdown) => {
    expect(imageMarkdown(name, url)).toBe(markdown);
  });
});

describe('pending image links', () => {
  it('lands where the paste was, after the cursor moved on and text was typed before it', () => {
    let state = stateOf('첫 줄|\n둘째 줄');
    state = state.update({ effects: startPendingImages(1, state.selection.main.head) }).state;
    state = state.update({ changes: { from: 0, insert: '맨 앞 ' } }).state;
    state = state.update({ selection: { anchor: state.doc.length } }).state;
    state = state.update(insertAtPending(state, 1, '![a](/a.png)')!).state;
    expect(picture(state)).toBe('맨 앞 첫 줄![a](/a.png)\n둘째 줄|');
  });

  it('moves a cursor waiting at the point past each link, so several images stay in order', () => {
    let state = stateOf('text |end');
    state = state.update({ effects: startPendingImages(7, state.selection.main.head) }).state;
    state = state.update(insertAtPending(state, 7, '![a](/a.png)')!).state;
    state = state.update(insertAtPending(state, 7, '\n![b](/b.png)')!).state;
    expect(picture(state)).toBe('text ![a](/a.png)\n![b](/b.png)|end');
  });

  it('keeps text typed at the point before the link, as if the link arrived last', () => {
    let state = stateOf('x|');
    state = state.update({ effects: startPendingImages(2, 1) }).state;
    state = state.update({ changes: { from: 1, insert: ' 설명' }, selection: { anchor: 4 } }).state;
    state = state.update(insertAtPending(state, 2, '![a](/a.png)')!).state;
    expect(picture(state)).toBe('x 설명![a](/a.png)|');
  });

  it('inserts nothing for a paste that is no longer pending', () => {
    let state = stateOf('x|');
    state = state.update({ effects: startPendingImages(3, 1) }).state;
    state = state.update({ effects: endPendingImages(3) }).state;
    expect(insertAtPending(state, 3, '![a](/a.png)')).toBeNull();
    expect(insertAtPending(stateOf('x|'), 4, '![a](/a.png)')).toBeNull();
  });
});
