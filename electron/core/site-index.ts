import { readFileSync, statSync } from 'node:fs';
import type { SiteConfig } from '../../shared/jekyll/config';
import { parsePost, postFacts, type ParsedPost, type PostFacts, type PostProblem } from '../../shared/jekyll/post-facts';
import { IndexCache } from './index-cache';
import { scanPostFiles, type IgnoredFile, type PostFile } from './post-scan';

/** Files read between two yields to the event loop, so IPC and HTTP stay responsive while indexing. */
const BATCH = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true });

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

/**
 * Build the index of a site: scan the post folders, then parse only the files whose size or
 * mtime changed since the cache saw them. Reads are synchronous in batches (measured faster than
 * many small promise reads) with a yield between batches.
 */
export async function buildIndex(root: string, config: SiteConfig, cache: IndexCache, nowMs: number, onProgress?: IndexProgress): Promise<SiteIndex> {
  cache.setConfigKey(configKey(config));
  const { posts: files, ignored, tempFiles } = scanPostFiles(root);
  const problems: PostProblem[] = [];
  const parsed: ParsedPost[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as PostFile;
    const result = readParsed(file, config, cache);
    if ('problem' in result) problems.push(result.problem);
    else parsed.push(result.parsed);
    if ((i + 1) % BATCH === 0) {
      onProgress?.(i + 1, files.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  onProgress?.(files.length, files.length);
  cache.retain(new Set(files.map((f) => f.rel)));
  void cache.save();
  return { posts: parsed.map((p) => postFacts(p, config, nowMs)), ignored, problems, tempFiles };
}

/** Parse one file, from the cache when its size and mtime are unchanged. */
export function readParsed(file: PostFile, config: SiteConfig, cache: IndexCache): { parsed: ParsedPost } | { problem: PostProblem } {
  let stat;
  try {
    stat = statSync(file.abs);
  } catch (error) {
    return { problem: unreadable(file.rel, error) };
  }
  const cached = cache.get(file.rel, stat.size, stat.mtimeMs);
  if (cached) return { parsed: cached };
  let text: string;
  try {
    text = utf8.decode(readFileSync(file.abs));
  } catch (error) {
    if (error instanceof TypeError) {
      return { problem: { path: file.rel, line: null, column: null, severity: 'error', message: 'not valid UTF-8: Jekyll skips this file' } };
    }
    return { problem: unreadable(file.rel, error) };
  }
  const parsed = parsePost(file.rel, file.draft ? 'draft' : 'post', text, stat.mtimeMs, config);
  cache.set(file.rel, { size: stat.size, mtimeMs: stat.mtimeMs, parsed });
  return { parsed };
}

function unreadable(rel: string, error: unknown): PostProblem {
  return { path: rel, line: null, column: null, severity: 'error', message: `could not read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
}

/** What a parse depends on besides the file: the excerpt separator. */
function configKey(config: SiteConfig): string {
  return JSON.stringify({ excerptSeparator: config.excerptSeparator });
}
