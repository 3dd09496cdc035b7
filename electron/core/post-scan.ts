import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SKIPPED_FOLDERS, isFilteredName, parsePostFilename, whyIgnored } from '../../shared/jekyll/post-filename';
import { TEMP_PREFIX, TEMP_SUFFIX } from './atomic-write';

const NON_ASCII = /[^\x20-\x7e]/u;

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
  // `kind` is the post folder the walk is in (null above it); the folders on the way were already
  // checked, so a file's own name decides (the full rule in classifyPostPath is kept for the rest).
  // String joins rather than path.join: `dir` is already normal, and this runs once per post.
  const walk = (dir: string, rel: string, kind: 'post' | 'draft' | null, clean: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = entry.name;
      const childRel = rel ? `${rel}/${name}` : name;
      if (entry.isDirectory()) {
        const folderKind = name === '_posts' ? 'post' : name === '_drafts' ? 'draft' : null;
        if (SKIPPED_FOLDERS.has(name) || (!kind && !folderKind && isFilteredName(name))) continue;
        walk(dir + path.sep + name, childRel, kind ?? folderKind, kind === null || (clean && !isFilteredName(name)));
      } else if (kind && entry.isFile() && name.startsWith(TEMP_PREFIX)) {
        if (name.endsWith(TEMP_SUFFIX)) tempFiles.push(dir + path.sep + name);
      } else if (kind && entry.isFile()) {
        const ascii = !NON_ASCII.test(childRel);
        const nfc = ascii ? childRel : childRel.normalize('NFC');
        const fileName = ascii ? name : name.normalize('NFC');
        const read = clean && !isFilteredName(fileName) && (kind === 'draft' ? /\.[^./]+$/u.test(fileName) : parsePostFilename(fileName) !== null);
        if (read) posts.push({ rel: nfc, abs: dir + path.sep + name, draft: kind === 'draft' });
        else ignored.push({ path: nfc, reason: whyIgnored(nfc) ?? 'not read by Jekyll' });
      }
    }
  };
  walk(root, '', null, true);
  return { posts, ignored, tempFiles };
}
