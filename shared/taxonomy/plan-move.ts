/**
 * Where a post goes when a category it gets from its folders is renamed, merged or deleted: the
 * folder levels above `_posts` (or `_drafts`) are rewritten, everything from `_posts` on is kept.
 *
 * Rename and merge replace each matching level with the new name, keeping the first level that
 * ends up with that name (`ai/research` with `[ai, research] → ml` becomes `ml`, not `ml/ml`).
 * Delete drops only the matching levels and keeps the others in order (`ai/research/_posts`
 * without `ai` becomes `research/_posts`); with no level left the post goes to the root `_posts`.
 */
import type { DefaultsSet } from '../jekyll/config';
import { defaultsFor } from '../jekyll/defaults';
import type { TaxonomyOp } from '../model/site';

/** The planned move, or why the post cannot be moved (the message names the file). */
export type FolderMove = { kind: 'move'; to: string } | { kind: 'skip'; message: string };

/** The path of `path` (a post or draft, site-relative) after `op` is applied to its folder categories; null when no folder level matches. */
export function planFolderMove(path: string, op: TaxonomyOp, draft: boolean): FolderMove | null {
  const segments = path.split('/');
  const at = segments.indexOf(draft ? '_drafts' : '_posts');
  if (at <= 0) return null;
  const from = new Set(op.from);
  const levels = segments.slice(0, at);
  if (!levels.some((l) => from.has(l))) return null;
  if (op.to !== null) {
    const problem = folderNameProblem(op.to);
    if (problem !== null) return { kind: 'skip', message: `${path}: its category comes from its folder, and "${op.to}" cannot be a folder name (${problem}); rename it in two steps or choose another name.` };
  }
  const next: string[] = [];
  for (const level of levels) {
    const name = from.has(level) ? op.to : level;
    if (name === null) continue;
    if (from.has(level) && next.includes(name)) continue;
    next.push(name);
  }
  return { kind: 'move', to: [...next, ...segments.slice(at)].join('/') };
}

/** Why Jekyll would not read posts from a folder of this name, or null when it would. */
function folderNameProblem(name: string): string | null {
  if (/[/\\\0]/u.test(name)) return 'it contains a slash';
  if (name === '.' || name === '..') return 'it is a relative folder';
  // Jekyll's entry filter skips these folders, so their posts would vanish from the site.
  if (/^[._#~]/u.test(name) || name.endsWith('~')) return 'Jekyll ignores folders that start with ".", "_", "#" or "~" or end with "~"';
  if (name !== name.trim()) return 'it starts or ends with a space';
  return null;
}

/**
 * Front-matter defaults of `_config.yml` scoped by path (`scope: {path: news}`) stop or start
 * applying when a post moves: a warning naming the keys whose defaults differ, or null.
 */
export function defaultsWarning(sets: readonly DefaultsSet[], from: string, to: string): string | null {
  const before = defaultsFor(sets, from, 'posts');
  const after = defaultsFor(sets, to, 'posts');
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
  if (keys.length === 0) return null;
  return `${from}: the front-matter defaults in _config.yml for ${keys.join(', ')} are not the same at ${to}; where the post does not set them itself, Jekyll will give it other values after the move.`;
}
