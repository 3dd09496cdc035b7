import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SKIPPED_FOLDERS, classifyPostPath, isFilteredName } from '../../shared/jekyll/post-filename';

/** A file Jekyll reads as a post or a draft, before its text is read. */
export interface PostFile {
  rel: string;
  abs: string;
  draft: boolean;
}

/**
 * Find every post (`_posts` folders at any depth, with their subfolders) and every draft
 * (`_drafts` folders) under the site root, as Jekyll's readers do. Only folders that can hold
 * posts are entered: folders Jekyll skips, and any folder once inside `_posts` is walked fully.
 */
export function scanPostFiles(root: string): PostFile[] {
  const found: PostFile[] = [];
  const walk = (dir: string, rel: string, inside: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const isPostFolder = entry.name === '_posts' || entry.name === '_drafts';
        if (SKIPPED_FOLDERS.has(entry.name) || (inside ? entry.name.startsWith('.') : !isPostFolder && isFilteredName(entry.name))) continue;
        walk(path.join(dir, entry.name), childRel, inside || isPostFolder);
      } else if (inside && entry.isFile()) {
        const kind = classifyPostPath(childRel);
        if (kind) found.push({ rel: childRel.normalize('NFC'), abs: path.join(dir, entry.name), draft: kind === 'draft' });
      }
    }
  };
  walk(root, '', false);
  return found;
}
