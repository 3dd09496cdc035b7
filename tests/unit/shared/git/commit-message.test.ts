import { describe, expect, it } from 'vitest';
import { suggestCommitMessage } from '../../../../shared/git/commit-message';
import type { GitFileChange } from '../../../../shared/model/git';

const TITLES: Record<string, string> = { '_posts/2024-01-01-a.md': '봄 산책', '_posts/2024-01-02-b.md': 'B' };
const titleOf = (path: string) => TITLES[path] ?? null;
const post = (name: string, kind: GitFileChange['kind']): GitFileChange => ({ path: `_posts/${name}`, kind });

describe('suggestCommitMessage', () => {
  it.each<[GitFileChange[], string]>([
    [[post('2024-01-01-a.md', 'new')], 'Add post: 봄 산책'],
    [[post('2024-01-01-a.md', 'modified')], 'Update post: 봄 산책'],
    [[post('2024-01-01-a.md', 'deleted')], 'Remove post: 봄 산책'],
    [[post('2024-01-03-untitled.md', 'new')], 'Add post: 2024-01-03-untitled.md'],
    [[post('2024-01-01-a.md', 'new'), { path: 'assets/images/a/x.png', kind: 'new' }], 'Add post: 봄 산책 and 1 file'],
    [[post('2024-01-01-a.md', 'modified'), post('2024-01-02-b.md', 'new'), post('2024-01-04-c.md', 'modified')], 'Update 3 posts'],
    [[post('2024-01-01-a.md', 'new'), post('2024-01-02-b.md', 'new')], 'Add 2 posts'],
    [[{ path: '_config.yml', kind: 'modified' }], 'Update _config.yml'],
    [[{ path: '_config.yml', kind: 'modified' }, { path: 'about.md', kind: 'new' }], 'Update 2 files'],
    [[], ''],
  ])('%j → %s', (files, message) => {
    expect(suggestCommitMessage(files, titleOf)).toBe(message);
  });
});
