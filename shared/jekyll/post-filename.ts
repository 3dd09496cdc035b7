/**
 * Jekyll's post filename rule (`document.rb` DATE_FILENAME_MATCHER): an optional folder prefix,
 * a date of 2-4/1-2/1-2 digits, a dash, the slug and a required extension.
 */
const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/u;

/** The parts Jekyll reads from a post's file name. */
export interface PostFilename {
  /** The date part as written, e.g. `2025-4-5`. */
  date: string;
  slug: string;
  ext: string;
}

/** Split a post path into date, slug and extension, or null when Jekyll would not read it as a post. */
export function parsePostFilename(path: string): PostFilename | null {
  const match = DATE_FILENAME.exec(path);
  if (!match) return null;
  const [, date, slug, ext] = match as unknown as [string, string, string, string];
  return { date, slug, ext };
}

/** Jekyll's `Utils.titleize_slug`: each dash-separated word capitalized, joined by spaces. */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

/** True when Jekyll's entry filter drops a file by its name: `.`, `_`, `#`, `~` prefixes or a `~` suffix. */
export function isFilteredName(name: string): boolean {
  return /^[._#~]/u.test(name) || name.endsWith('~');
}
