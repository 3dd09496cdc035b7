import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isFilteredName, parsePostFilename } from '../../shared/jekyll/post-filename';

/** A file Jekyll reads as a post or a draft, before its text is read. */
export interface PostFile {
  rel: string;
  abs: string;
  draft: boolean;
}

/** Folders Jekyll never reads as content (its default `exclude` list and build output). */
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache', 'gemfiles']);

/**
 * Find every post (`_posts` folders at any depth, with their subfolders) and every draft
 * (`_drafts` folders) under the site root, as Jekyll's readers do.
 */
export function scanPostFiles(root: string): PostFile[] {
  const found: PostFile[] = [];
  const walk = (dir: string, rel: string, inside: 'posts' | 'drafts' | null) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (entry.name === '_posts') walk(childAbs, childRel, 'posts');
        else if (entry.name === '_drafts') walk(childAbs, childRel, 'drafts');
        else if (!isFilteredName(entry.name) || inside) walk(childAbs, childRel, inside);
        continue;
      }
      if (!entry.isFile() || !inside || isFilteredName(entry.name)) continue;
      if (inside === 'drafts' ? path.extname(entry.name) !== '' : parsePostFilename(childRel) !== null) {
        found.push({ rel: childRel.normalize('NFC'), abs: childAbs, draft: inside === 'drafts' });
      }
    }
  };
  walk(root, '', null);
  return found;
}
