import type { PostStatus, PostSummary, TaxonomyName } from '../../../shared/model/site';

/** How the library is narrowed and ordered. */
export interface LibraryView {
  query: string;
  tag: string | null;
  category: string | null;
  status: PostStatus | null;
  sort: 'newest' | 'oldest' | 'title';
}

export const DEFAULT_VIEW: LibraryView = { query: '', tag: null, category: null, status: null, sort: 'newest' };

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase();
const name = (value: TaxonomyName) => String(value);

/** True when every word of `query` is in the post's title or tags (the engine adds body matches). */
export function matchesLocally(post: PostSummary, query: string): boolean {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([post.title ?? post.path, ...post.tags.map(name), ...post.categories.map(name)].join('\n'));
  return words.every((w) => haystack.includes(w));
}

/**
 * The posts the library shows: filtered by tag, category and status, then by the query (a post
 * matches by title or tags here, or when the engine's body search listed it in `bodyMatches`).
 */
export function viewPosts(posts: readonly PostSummary[], view: LibraryView, bodyMatches: ReadonlySet<string> | null): PostSummary[] {
  const shown = posts.filter(
    (p) =>
      (view.tag === null || p.tags.some((t) => name(t) === view.tag)) &&
      (view.category === null || p.categories.some((c) => name(c) === view.category)) &&
      (view.status === null || p.status === view.status) &&
      (view.query.trim() === '' || matchesLocally(p, view.query) || bodyMatches?.has(p.path) === true),
  );
  if (view.sort === 'oldest') return shown.reverse();
  if (view.sort === 'title') return shown.sort((a, b) => (a.title ?? a.path).localeCompare(b.title ?? b.path, undefined, { sensitivity: 'base', numeric: true }));
  return shown;
}

/** Tag or category names with how many posts use them, most used first. */
export function namesByUse(posts: readonly PostSummary[], field: 'tags' | 'categories'): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const post of posts) for (const value of new Set(post[field].map(name))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([n, count]) => ({ name: n, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
