/** `site.tags` and `site.categories` as Jekyll builds them (`Site#post_attr_hash`). */
import type { TaxonomyEntry, TaxonomyName } from '../model/site';
import type { PostFacts } from './post-facts';

/** Jekyll's document order: by date, then by path. */
export function compareDocuments(a: Pick<PostFacts, 'dateMs' | 'path'>, b: Pick<PostFacts, 'dateMs' | 'path'>): number {
  return a.dateMs - b.dateMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Group the posts that Jekyll would render by tag or category. Names keep their YAML type and
 * their first-seen order over posts from oldest to newest; a name listed twice in one post lists
 * that post twice, as in Jekyll.
 */
export function siteTaxonomy(posts: readonly PostFacts[], field: 'tags' | 'categories'): TaxonomyEntry[] {
  const byName = new Map<TaxonomyName, PostFacts[]>();
  for (const post of [...posts].sort(compareDocuments)) {
    for (const name of post[field]) {
      const list = byName.get(name) ?? [];
      list.push(post);
      byName.set(name, list);
    }
  }
  return [...byName].map(([name, list]) => ({ name, posts: list.sort(compareDocuments).reverse().map((p) => p.path) }));
}
