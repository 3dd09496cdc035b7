import { EditorSelection, type ChangeSpec, type StateCommand } from '@codemirror/state';

/** Wrap each selection in `marker` (bold `**`, italic `_`), or unwrap it when it is wrapped already. */
export function toggleWrap(marker: string): StateCommand {
  return ({ state, dispatch }) => {
    const change = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - marker.length, range.from);
      const after = state.sliceDoc(range.to, range.to + marker.length);
      if (before === marker && after === marker) {
        return {
          changes: [
            { from: range.from - marker.length, to: range.from },
            { from: range.to, to: range.to + marker.length },
          ],
          range: EditorSelection.range(range.from - marker.length, range.to - marker.length),
        };
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + marker.length, range.to + marker.length),
      };
    });
    dispatch(state.update(change, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Turn each selection into `[text](url)` and select `url`, ready to paste over. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const change = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const insert = `[${text}](url)`;
    const urlStart = range.from + text.length + 3;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(urlStart, urlStart + 3) };
  });
  dispatch(state.update(change, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** Apply `edit` to the start of every line the selection touches (once per line). */
function eachLine(edit: (text: string, from: number) => ChangeSpec | null): StateCommand {
  return ({ state, dispatch }) => {
    const changes: ChangeSpec[] = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let pos = range.from; pos <= range.to; ) {
        const line = state.doc.lineAt(pos);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          const change = edit(line.text, line.from);
          if (change) changes.push(change);
        }
        pos = line.to + 1;
      }
    }
    dispatch(state.update({ changes }, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Cycle the line through `## `, `### `, `#### ` and back to a paragraph. */
export const cycleHeading: StateCommand = eachLine((text, from) => {
  const hashes = /^(#{1,6}) /u.exec(text)?.[1]?.length ?? 0;
  const next = hashes === 0 ? 2 : hashes >= 4 ? 0 : hashes + 1;
  return { from, to: from + (hashes === 0 ? 0 : hashes + 1), insert: next === 0 ? '' : `${'#'.repeat(next)} ` };
});

/** Add or remove a `- ` bullet on every selected line. */
export const toggleBulletList: StateCommand = eachLine((text, from) => {
  const bullet = /^(\s*)[-*+] /u.exec(text);
  if (bullet) return { from: from + (bullet[1]?.length ?? 0), to: from + bullet[0].length };
  const indent = /^\s*/u.exec(text)?.[0].length ?? 0;
  return { from: from + indent, insert: '- ' };
});
