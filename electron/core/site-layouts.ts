import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../../shared/jekyll/config';
import { resolveInSite } from './site-paths';

/** More layout files than any theme has; a runaway folder is not listed further. */
const MAX_LAYOUT_FILES = 2000;

/**
 * The layout names a post can use, sorted: files in the site's `_layouts`, and in the `_layouts`
 * of a theme kept as a folder inside the site (`theme: my-theme` with `my-theme/_layouts`). Gem and
 * remote themes are not on disk here, so their layouts only show up through the posts that use them.
 */
export function siteLayouts(root: string, config: SiteConfig): string[] {
  const names = new Set<string>();
  for (const folder of layoutFolders(root, config)) collectLayouts(folder, '', names, 0);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The site's `_layouts` and a local theme's `_layouts`, both confined to the site. */
function layoutFolders(root: string, config: SiteConfig): string[] {
  const folders = ['_layouts'];
  const theme = config.raw['theme'];
  if (typeof theme === 'string' && theme.trim() !== '') folders.push(`${theme.trim()}/_layouts`);
  return folders.flatMap((rel) => {
    try {
      const { abs } = resolveInSite(root, rel);
      return statSync(abs, { throwIfNoEntry: false })?.isDirectory() ? [abs] : [];
    } catch {
      // A theme name that leads out of the site (or is a gem name with odd characters) has no folder here.
      return [];
    }
  });
}

/**
 * Jekyll's LayoutReader: every file below the folder, named by its path without the last
 * extension (`posts/single.html` is `posts/single`), skipping what its EntryFilter skips.
 */
function collectLayouts(folder: string, prefix: string, names: Set<string>, depth: number): void {
  if (depth > 8 || names.size >= MAX_LAYOUT_FILES) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const name = entry.name.normalize('NFC');
    if (/^[._#~]/u.test(name) || name.endsWith('~')) continue;
    if (entry.isDirectory()) {
      collectLayouts(path.join(folder, entry.name), `${prefix}${name}/`, names, depth + 1);
      continue;
    }
    if (!entry.isFile()) continue;
    const dot = name.lastIndexOf('.');
    if (dot <= 0) continue;
    names.add(`${prefix}${name.slice(0, dot)}`);
    if (names.size >= MAX_LAYOUT_FILES) return;
  }
}
