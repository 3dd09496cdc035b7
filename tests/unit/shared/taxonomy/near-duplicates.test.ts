import { describe, expect, it } from 'vitest';
import { nearDuplicateGroups, nearDuplicateKey } from '../../../../shared/taxonomy/near-duplicates';

const count = (name: string, n: number) => ({ name, count: n, posts: [] });

describe('near-duplicate tags', () => {
  it.each([
    ['AI', 'ai'],
    ['샘 올트먼', '샘올트먼'],
    ['ＡＩ', 'AI'],
    ['AI,', 'AI'],
    ['\u1112\u1161\u11ab', '한'],
  ])('%s and %s look alike', (a, b) => {
    expect(nearDuplicateKey(a)).toBe(nearDuplicateKey(b));
  });

  it('keeps different names apart', () => {
    expect(nearDuplicateKey('AI')).not.toBe(nearDuplicateKey('A.I.'));
  });

  it('groups look-alikes and suggests the most used, tidy name', () => {
    expect(nearDuplicateGroups([count('AI,', 3), count('ai', 1), count('AI', 3), count('LLM', 5)])).toEqual([{ names: [count('AI,', 3), count('ai', 1), count('AI', 3)], suggestion: 'AI' }]);
  });
});
