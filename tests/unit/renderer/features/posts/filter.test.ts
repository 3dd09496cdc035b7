import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, namesByUse, viewPosts } from '../../../../../renderer/features/posts/filter';
import type { PostSummary } from '../../../../../shared/model/site';

const post = (path: string, title: string, date: string, tags: PostSummary['tags'], status: PostSummary['status'] = 'published', categories: PostSummary['categories'] = []): PostSummary => ({
  path,
  title,
  date,
  status,
  tags,
  categories,
  slug: '',
  id: '',
  url: '',
  layout: null,
  problems: [],
});

// Newest first, as the engine lists them.
const POSTS = [
  post('_posts/c.md', '샘 올트먼 방한', '2025-03-01T00:00:00+09:00', ['AI', '샘 올트먼'], 'published', ['AI_News']),
  post('_drafts/b.md', 'apple pie', '2025-02-01T00:00:00+09:00', ['food'], 'draft'),
  post('_posts/a.md', 'Banana bread', '2025-01-01T00:00:00+09:00', ['food', 'AI', 2025]),
];

describe('the library view', () => {
  it('matches every query word in the title or tags, ignoring case and NFD/NFC', () => {
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, query: 'BANANA food' }, null).map((p) => p.path)).toEqual(['_posts/a.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, query: '올트먼'.normalize('NFD') }, null).map((p) => p.path)).toEqual(['_posts/c.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, query: 'banana pie' }, null)).toEqual([]);
  });

  it('adds the posts the engine found by their body', () => {
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, query: '빌더랩' }, new Set(['_drafts/b.md'])).map((p) => p.path)).toEqual(['_drafts/b.md']);
  });

  it('filters by tag (any YAML type), category and status, and sorts', () => {
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, tag: '2025' }, null).map((p) => p.path)).toEqual(['_posts/a.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, category: 'AI_News' }, null).map((p) => p.path)).toEqual(['_posts/c.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, status: 'draft' }, null).map((p) => p.path)).toEqual(['_drafts/b.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, sort: 'oldest' }, null).map((p) => p.path)).toEqual(['_posts/a.md', '_drafts/b.md', '_posts/c.md']);
    expect(viewPosts(POSTS, { ...DEFAULT_VIEW, sort: 'title' }, null).map((p) => p.title)).toEqual(['apple pie', 'Banana bread', '샘 올트먼 방한']);
  });

  it('counts each tag once per post, most used first', () => {
    expect(namesByUse([...POSTS, post('_posts/d.md', 'd', '2024-01-01T00:00:00+09:00', ['AI', 'AI'])], 'tags')).toEqual([
      { name: 'AI', count: 3 },
      { name: 'food', count: 2 },
      { name: '2025', count: 1 },
      { name: '샘 올트먼', count: 1 },
    ]);
  });
});
