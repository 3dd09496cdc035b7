import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import type { SiteConfig } from '../../shared/jekyll/config';
import { parsePost, postFacts, type PostFacts, type PostProblem } from '../../shared/jekyll/post-facts';
import type { CacheEntry, IndexCache } from './index-cache';
import { decodeForIndex } from './index-text';
import { scanPostFiles, type IgnoredFile, type PostFile } from './post-scan';

/** Files indexed between two yields to the event loop, so IPC and HTTP stay responsive. */
const BATCH = 200;

/** Read a whole file and its stat through one open file. */
export function readWithStat(abs: string): { stat: Stats; bytes: Buffer } {
  const fd = openSync(abs, 'r');
  try {
    const stat = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const n = readSync(fd, bytes, offset, stat.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { stat, bytes: offset === stat.size ? bytes : bytes.subarray(0, offset) };
  } finally {
    closeSync(fd);
  }
}

/** The posts of a site with Jekyll's facts, plus what Jekyll ignores. */
export interface SiteIndex {
  posts: PostFacts[];
  ignored: IgnoredFile[];
  /** Problems that are not about one post's facts (unreadable files). */
  problems: PostProblem[];
  /** Temp files of saves that never finished (a crash), for the caller to sweep. */
  tempFiles: string[];
}

/** Progress of a long index: how many files are done out of how many. */
export type IndexProgress = (done: number, total: number) => void;

/** The site rules facts depend on; when they change, every post's facts are recomputed. */
export function rulesKey(config: SiteConfig): string {
  return JSON.stringify([config.excerptSeparator, config.timezone, config.permalink, config.defaults, config.markdownExt, config.future]);
}

/**
 * Build the index of a site: scan the post folders, then read only the files whose size or mtime
 * changed since the cache saw them. Reads are synchronous in batches (measured faster than many
 * small promise reads) with a yield between batches.
 */
export async function buildIndex(root: string, config: SiteConfig, cache: IndexCache, nowMs: number, onProgress?: IndexProgress): Promise<SiteIndex> {
  const { posts: files, ignored, tempFiles } = scanPostFiles(root);
  const problems: PostProblem[] = [];
  const posts: PostFacts[] = [];
  const rules = rulesKey(config);
  // Nothing cached (a first open): every file is read anyway, so the stat comes with the open file.
  const cold = cache.isEmpty();
  for (let i = 0; i < files.length; i++) {
    const result = indexFile(files[i] as PostFile, config, rules, cache, nowMs, cold);
    if ('problem' in result) problems.push(result.problem);
    else posts.push(result.facts);
    if ((i + 1) % BATCH === 0) {
      onProgress?.(i + 1, files.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  onProgress?.(files.length, files.length);
  cache.retain(new Set(files.map((f) => f.rel)));
  cache.setIgnored(ignored);
  return { posts, ignored, problems, tempFiles };
}

/**
 * The facts of one post file: from the cache while the file (size, mtime) and the rules are
 * unchanged (only the status, which depends on the clock, is redone), else read and parsed.
 * `readNow` reads the file in the same open as its stat; `force` never reuses the cache.
 */
export function indexFile(file: PostFile, config: SiteConfig, rules: string, cache: IndexCache, nowMs: number, readNow = false, force = false): { facts: PostFacts } | { problem: PostProblem } {
  let stat: Stats;
  let bytes: Buffer | null = null;
  try {
    if (readNow) {
      ({ stat, bytes } = readWithStat(file.abs));
    } else {
      stat = statSync(file.abs);
    }
  } catch (error) {
    return { problem: unreadable(file.rel, error) };
  }
  const cached = cache.get(file.rel, stat.size, stat.mtimeMs);
  // A post whose front matter is broken is dated by the clock: never reuse its facts.
  // `force`: the watcher or a save says the file changed, which a same-size write within the
  // file system's mtime granularity would hide from size and mtime.
  const reusable = !force && cached && cached.rules === rules && !cached.facts.problems.some((p) => p.message.startsWith('invalid front matter'));
  if (cached && reusable) return { facts: withStatus(cached.facts, config, nowMs) };
  // Facts under other rules are recomputed from the file: rules rarely change, and keeping every
  // parse in memory for that would cost a 10,000-post site tens of MB.
  let text: string | null;
  try {
    text = decodeForIndex(bytes ?? readFileSync(file.abs), indexSeparator(config));
  } catch (error) {
    return { problem: unreadable(file.rel, error) };
  }
  if (text === null) return { problem: { path: file.rel, line: null, column: null, severity: 'error', message: 'not valid UTF-8: Jekyll skips this file' } };
  const facts = postFacts(parsePost(file.rel, file.draft ? 'draft' : 'post', text, stat.mtimeMs, config), config, nowMs);
  const entry: CacheEntry = { size: stat.size, mtimeMs: stat.mtimeMs, facts, rules };
  cache.set(file.rel, entry);
  return { facts };
}

/**
 * The index as the cache last saw it, without touching the post files: for showing a re-opened
 * site at once while `buildIndex` checks every file in the background. Null when the cache is
 * empty or was made under other rules.
 */
export function indexFromCache(cache: IndexCache, config: SiteConfig, nowMs: number): SiteIndex | null {
  const rules = rulesKey(config);
  const posts: PostFacts[] = [];
  for (const entry of cache.entries()) {
    if (entry.rules !== rules) return null;
    posts.push(withStatus(entry.facts, config, nowMs));
  }
  return posts.length === 0 ? null : { posts, ignored: cache.ignored(), problems: [], tempFiles: [] };
}

/** Published or future depends on the clock; everything else about cached facts does not. */
function withStatus(facts: PostFacts, config: SiteConfig, nowMs: number): PostFacts {
  if (facts.status !== 'future' && facts.status !== 'published') return facts;
  const status = facts.dateMs > nowMs && !config.future ? 'future' : 'published';
  return status === facts.status ? facts : { ...facts, status };
}

/** The excerpt separator every post uses, or null when `defaults` may give some posts another. */
function indexSeparator(config: SiteConfig): string | null {
  return config.defaults.some((set) => 'excerpt_separator' in set.values) ? null : config.excerptSeparator;
}

function unreadable(rel: string, error: unknown): PostProblem {
  return { path: rel, line: null, column: null, severity: 'error', message: `could not read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
}
