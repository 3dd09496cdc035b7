/**
 * Jekyll's post filename rule (`document.rb` DATE_FILENAME_MATCHER,
 * `^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`): the slug cannot contain `/`, so the
 * date starts the last path segment. Matching the file name alone is the same rule, and fast.
 */
const DATE_FILENAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/u;

/** The parts Jekyll reads from a post's file name. */
export interface PostFilename {
  /** The date part as written, e.g. `2025-4-5`. */
  date: string;
  slug: string;
  ext: string;
}

/** Split a post path into date, slug and extension, or null when Jekyll would not read it as a post. */
export function parsePostFilename(path: string): PostFilename | null {
  const match = DATE_FILENAME.exec(path.slice(path.lastIndexOf('/') + 1));
  if (!match) return null;
  const [, date, slug, ext] = match as unknown as [string, string, string, string];
  return { date, slug, ext };
}

/** Jekyll's `Utils.titleize_slug`: each dash-separated word capitalized, joined by spaces. */
export function titleizeSlug(slug: string): string {
  const words = slug.split('-');
  // Ruby's String#split drops trailing empty fields: `trailing-hyphen-` has two words.
  while (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

/** True when Jekyll's entry filter drops a file by its name: `.`, `_`, `#`, `~` prefixes or a `~` suffix. */
export function isFilteredName(name: string): boolean {
  return /^[._#~]/u.test(name) || name.endsWith('~');
}

/** Whether Jekyll reads a file as a post (in a `_posts` folder) or a draft (in `_drafts`). */
export type PostKind = 'post' | 'draft';

/** Folders Jekyll never reads as content (its default `exclude` list, build output, VCS). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache', 'gemfiles']);

/**
 * Classify a site-relative `/` path as Jekyll's readers would: a post needs a `_posts` folder
 * (at any depth, below folders Jekyll reads) and a dated name; a draft needs a `_drafts` folder
 * and an extension. Anything else, including every path through a dot folder, is null.
 */
export function classifyPostPath(rel: string): PostKind | null {
  const segments = rel.split('/');
  const at = segments.findIndex((s) => s === '_posts' || s === '_drafts');
  if (at < 0 || at === segments.length - 1) return null;
  const above = segments.slice(0, at);
  const below = segments.slice(at + 1, -1);
  const name = segments[segments.length - 1] ?? '';
  if (above.some((s) => isFilteredName(s) || SKIPPED_FOLDERS.has(s))) return null;
  // Jekyll's entry filter also drops `_`, `.`, `#` and `~` folders inside _posts (checked with jekyll build).
  if (below.some((s) => isFilteredName(s) || s === '')) return null;
  if (isFilteredName(name)) return null;
  if (segments[at] === '_drafts') return /\.[^./]+$/u.test(name) ? 'draft' : null;
  return parsePostFilename(rel) ? 'post' : null;
}

/**
 * Why Jekyll skips a file inside a `_posts` or `_drafts` folder, or null when it reads it.
 * Shown in the post library and by `check`, because a post that silently never appears is the
 * most confusing thing a Jekyll blog can do.
 */
export function whyIgnored(rel: string): string | null {
  if (classifyPostPath(rel)) return null;
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (name.endsWith('~')) return 'backup file: Jekyll skips names ending in "~"';
  if (/^[._#~]/u.test(name)) return `Jekyll skips names starting with "${name[0]}"`;
  const folders = rel.split('/').slice(0, -1);
  if (folders.some((s) => s !== '_posts' && s !== '_drafts' && isFilteredName(s))) return 'inside a folder Jekyll skips (its name starts with ".", "_", "#" or "~")';
  if (!/\.[^./]+$/u.test(name)) return 'no file extension';
  if (rel.includes('/_drafts/') || rel.startsWith('_drafts/')) return 'not a draft Jekyll reads';
  return 'no date in the file name: posts are named YYYY-MM-DD-title.ext';
}
