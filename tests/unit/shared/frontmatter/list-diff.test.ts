import { describe, expect, it } from 'vitest';
import { alignLists, type AlignedItem } from '../../../../shared/frontmatter/list-diff';

const picture = (steps: AlignedItem[]): string =>
  steps.map((step) => (step.kind === 'keep' ? `=${step.from}` : step.kind === 'change' ? `~${step.from}>${step.to}` : `+${step.to}`)).join(' ');

describe('alignLists pairs items so that list edits stay minimal', () => {
  it.each<[string, string[], string[], string]>([
    ['identical lists keep every item', ['a', 'b', 'c'], ['a', 'b', 'c'], '=0 =1 =2'],
    ['a rename is one in-place change', ['OpenAI', 'AI', '샘'], ['OpenAI', 'ai', '샘'], '=0 ~1>1 =2'],
    ['a removal drops the item', ['a', 'b', 'c'], ['a', 'c'], '=0 =2'],
    ['an append inserts at the end', ['a', 'b'], ['a', 'b', 'c'], '=0 =1 +2'],
    ['a prepend inserts at the start', ['a', 'b'], ['x', 'a', 'b'], '+0 =0 =1'],
    ['a move keeps the longest common run', ['a', 'b', 'c'], ['c', 'a', 'b'], '+0 =0 =1'],
    ['two renames in a row pair in order', ['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'd'], '=0 ~1>1 ~2>2 =3'],
    ['more additions than removals', ['a', 'b'], ['x', 'y', 'b'], '~0>0 +1 =1'],
    ['everything new', ['a'], ['x', 'y'], '~0>0 +1'],
    ['everything removed', ['a', 'b'], [], ''],
  ])('%s', (_spec, before, after, expected) => {
    expect(picture(alignLists(before, after, (x, y) => x === y))).toBe(expected);
  });
});
