import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../../../shared/model/site';
import { applyChanges } from '../../../../../renderer/features/posts/usePostLibrary';

const post = (path: string, date: string, title = path): PostSummary => ({ path, status: 'published', title, date, slug: path, id: path, url: `/${path}/`, tags: [], categories: [], layout: null, problems: [] });

describe('applyChanges (the post library after a postsChanged event)', () => {
  const list = [post('_posts/b.md', '2025-02-01T00:00:00+09:00'), post('_posts/a.md', '2025-01-01T00:00:00+09:00')];

  it('replaces a changed post, adds a new one in date order, and drops a deleted one', () => {
    const next = applyChanges(list, [
      { path: '_posts/a.md', kind: 'changed', hash: null, post: post('_posts/a.md', '2025-03-01T00:00:00+09:00', '새 제목') },
      { path: '_posts/c.md', kind: 'created', hash: null, post: post('_posts/c.md', '2025-01-15T00:00:00+09:00') },
      { path: '_posts/b.md', kind: 'deleted', hash: null, post: null },
    ]);
    expect(next.map((p) => [p.path, p.title])).toEqual([
      ['_posts/a.md', '새 제목'],
      ['_posts/c.md', '_posts/c.md'],
    ]);
  });

  it('orders same-day posts by path, descending, as Jekyll does', () => {
    const sameDay = applyChanges([], [
      { path: '_posts/x-a.md', kind: 'created', hash: null, post: post('_posts/x-a.md', '2025-01-01T00:00:00+09:00') },
      { path: '_posts/x-b.md', kind: 'created', hash: null, post: post('_posts/x-b.md', '2025-01-01T00:00:00+09:00') },
    ]);
    expect(sameDay.map((p) => p.path)).toEqual(['_posts/x-b.md', '_posts/x-a.md']);
  });
});
