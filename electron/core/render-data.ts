import { lstatSync, readFileSync, readdirSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { SiteConfig } from '../../shared/jekyll/config';
import { toPlainData } from '../../shared/jekyll/plain-data';
import { parseFrontMatterYaml as parseYamlDocument } from '../../shared/jekyll/yaml';
import type { SiteRenderData } from '../../shared/model/site';

/** Limits that keep a huge or hostile `_includes` folder from flooding the preview. */
const MAX_INCLUDES = 500;
const MAX_INCLUDE_BYTES = 512 * 1024;
const MAX_INCLUDES_TOTAL = 8 * 1024 * 1024;
const MAX_FILES = 20_000;
/** Folders Jekyll never publishes or that are not the site's own. */
const SKIPPED = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache']);

/** Collect what the preview needs from the site at `root`: config, includes and linkable files. */
export function loadRenderData(root: string, config: SiteConfig): SiteRenderData {
  const kramdown = config.raw['kramdown'];
  const input = kramdown !== null && typeof kramdown === 'object' ? (kramdown as Record<string, unknown>)['input'] : undefined;
  return {
    config: toPlainData(config.raw) as Record<string, unknown>,
    markdownInput: typeof input === 'string' && input.toLowerCase() === 'kramdown' ? 'kramdown' : 'GFM',
    zone: config.zone,
    includes: readIncludes(path.join(root, '_includes')),
    siteData: readDataFolder(path.join(root, '_data')),
    files: listFiles(root),
  };
}

/** Regular files only, never through a symlink: an include that points elsewhere stays out of reach. */
function readIncludes(folder: string): Record<string, string> {
  const includes: Record<string, string> = {};
  let count = 0;
  let total = 0;
  const walk = (dir: string, rel: string) => {
    for (const entry of entriesOf(dir)) {
      if (count >= MAX_INCLUDES || entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(abs, name);
      else if (entry.isFile() && lstatSync(abs).size <= MAX_INCLUDE_BYTES) {
        const bytes = readFileSync(abs);
        if (!isUtf8(bytes) || total + bytes.length > MAX_INCLUDES_TOTAL) continue;
        includes[name.normalize('NFC')] = bytes.toString('utf8');
        count++;
        total += bytes.length;
      }
    }
  };
  walk(folder, '');
  return includes;
}

/**
 * `site.data`: every YAML or JSON file under `_data`, keyed by file name without extension,
 * folders nested (`_data/authors/kim.yml` is `site.data.authors.kim`). A file that does not
 * parse is left out; the site's own build would stop on it and `check` reports such files.
 */
function readDataFolder(folder: string): Record<string, unknown> {
  let total = 0;
  const walk = (dir: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const entry of entriesOf(dir)) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        out[entry.name.normalize('NFC')] = walk(abs);
        continue;
      }
      const ext = path.extname(entry.name).toLowerCase();
      if (!entry.isFile() || !['.yml', '.yaml', '.json'].includes(ext)) continue;
      const size = lstatSync(abs).size;
      if (size > MAX_INCLUDE_BYTES || total + size > MAX_INCLUDES_TOTAL) continue;
      total += size;
      try {
        const text = readFileSync(abs, 'utf8');
        out[path.basename(entry.name, path.extname(entry.name)).normalize('NFC')] = toPlainData(ext === '.json' ? JSON.parse(text) : parseYamlDocument(text));
      } catch {
        // Unparseable data file: left out of the preview.
      }
    }
    return out;
  };
  return walk(folder);
}

/** A folder's entries, or none when it is missing or unreadable (the preview just lacks them). */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of entriesOf(dir)) {
      if (files.length >= MAX_FILES) return;
      const name = entry.name;
      const child = rel ? `${rel}/${name}` : name;
      // `_posts` and `_drafts` are linked by their posts' URLs; other `_` and dot folders are not published.
      if (entry.isDirectory() && !SKIPPED.has(name) && !name.startsWith('.') && !name.startsWith('_')) walk(path.join(dir, name), child);
      else if (entry.isFile() && !name.startsWith('.')) files.push(child.normalize('NFC'));
    }
  };
  walk(root, '');
  return files;
}
