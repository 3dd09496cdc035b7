import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SKIPPED_FOLDERS, classifyPostPath, isFilteredName, whyIgnored } from '../../shared/jekyll/post-filename';
import { TEMP_PREFIX, TEMP_SUFFIX } from './atomic-write';

/** A file Jekyll reads as a post or a draft, before its text is read. */
export interface PostFile {
  rel: string;
  abs: string;
  draft: boolean;
}

/** A file in a post folder that Jekyll will not publish, and why. */
export interface IgnoredFile {
  path: string;
  reason: string;
}

/**
 * Find every post (`_posts` folders at any depth, with their subfolders) and every draft
 * (`_drafts` folders) under the site root, as Jekyll's readers do, and the files in those folders
 * that Jekyll skips. Only folders that can hold posts are entered.
 */
export function scanPostFiles(root: string): { posts: PostFile[]; ignored: IgnoredFile[]; tempFiles: string[] } {
  const posts: PostFile[] = [];
  const ignored: IgnoredFile[] = [];
  const tempFiles: string[] = [];
  const walk = (dir: string, rel: string, inside: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const isPostFolder = entry.name === '_posts' || entry.name === '_drafts';
        if (SKIPPED_FOLDERS.has(entry.name) || (!inside && !isPostFolder && isFilteredName(entry.name))) continue;
        walk(path.join(dir, entry.name), childRel, inside || isPostFolder);
      } else if (inside && entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) {
        if (entry.name.endsWith(TEMP_SUFFIX)) tempFiles.push(path.join(dir, entry.name));
      } else if (inside && entry.isFile()) {
        const nfc = childRel.normalize('NFC');
        const kind = classifyPostPath(nfc);
        if (kind) posts.push({ rel: nfc, abs: path.join(dir, entry.name), draft: kind === 'draft' });
        else ignored.push({ path: nfc, reason: whyIgnored(nfc) ?? 'not read by Jekyll' });
      }
    }
  };
  walk(root, '', false);
  return { posts, ignored, tempFiles };
}
