/** Names and dates for posts Hanji creates, renames or publishes, following Jekyll's file rules. */
import { slugify } from './slugify';
import { inZone } from './time';

/**
 * The slug for a title: Jekyll's default slugify, which keeps Hangul (`봄 산책` → `봄-산책`), or
 * ASCII only when asked (a Korean title then has no letters left, so `post` stands in).
 */
export function slugForTitle(title: string, ascii = false): string {
  const slug = ascii ? slugify(title, 'latin') : slugify(title);
  return slug === '' ? 'post' : slug;
}

/** `2025-01-15 07:30:00 +0900`: a front-matter date Jekyll reads as exactly this instant. */
export function frontMatterDate(epochMs: number, zone: string): string {
  const t = inZone(epochMs, zone);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const off = Math.abs(t.offsetMinutes);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
}

/** `2025-01-15`: the day of an instant in the site's zone, as a post file name starts. */
export function fileDate(epochMs: number, zone: string): string {
  return frontMatterDate(epochMs, zone).slice(0, 10);
}

/** Split a file name into an optional date prefix, the slug and the extension. */
export function splitPostName(name: string): { date: string | null; slug: string; ext: string } {
  const ext = /\.[^.]+$/u.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - ext.length);
  const dated = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)$/u.exec(stem);
  return dated ? { date: dated[1] ?? null, slug: dated[2] ?? '', ext } : { date: null, slug: stem, ext };
}

/** The path a post gets in `folder` (e.g. `_posts` or `news/_drafts`): dated in `_posts`, undated in `_drafts`. */
export function postPath(folder: string, date: string | null, slug: string, ext: string): string {
  return `${folder}/${date ? `${date}-` : ''}${slug}${ext}`;
}

/** The `_posts` folder that belongs to a draft's `_drafts` folder (`news/_drafts` → `news/_posts`). */
export function postsFolderFor(draftPath: string): string {
  const folder = draftPath.slice(0, draftPath.lastIndexOf('/'));
  return folder.replace(/(^|\/)_drafts(?=\/|$)/u, '$1_posts');
}
