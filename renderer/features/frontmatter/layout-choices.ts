import type { PostSummary } from '../../../shared/model/site';

/**
 * The choices of the form's `layout` select: the layouts posts use, most used first (ties by
 * name), then the site's other layouts (from `_layouts` and a local theme) in their order.
 */
export function layoutChoices(siteLayouts: readonly string[], posts: readonly Pick<PostSummary, 'layout'>[]): string[] {
  const counts = new Map<string, number>();
  for (const { layout } of posts) if (layout !== null && layout !== '') counts.set(layout, (counts.get(layout) ?? 0) + 1);
  const used = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name]) => name);
  return [...new Set([...used, ...siteLayouts])];
}
