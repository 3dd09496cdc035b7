/** Tag and category counts as the panel and `tags list` show them. */
import type { TaxonomyCount, TaxonomyEntry } from '../model/site';

/** `site.tags` / `site.categories` entries as counts; a post listing a name twice counts twice, as in Jekyll. */
export function taxonomyCounts(entries: readonly TaxonomyEntry[]): TaxonomyCount[] {
  return entries.map((e) => ({ name: e.name, count: e.posts.length, posts: e.posts }));
}

/** How a list of names is sorted. */
export type TaxonomySort = 'count' | 'name';

/** Most used first (then by name), or by name in the user's locale. */
export function sortCounts(counts: readonly TaxonomyCount[], by: TaxonomySort): TaxonomyCount[] {
  const byName = (a: TaxonomyCount, b: TaxonomyCount) => String(a.name).localeCompare(String(b.name));
  return [...counts].sort(by === 'count' ? (a, b) => b.count - a.count || byName(a, b) : byName);
}
