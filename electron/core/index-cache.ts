import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedPost } from '../../shared/jekyll/post-facts';
import { RubyDate, RubyTime } from '../../shared/jekyll/yaml';
import { writeFileAtomic } from './atomic-write';

/** One cached post: what it was parsed from (size, mtime) and what the parse gave. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  parsed: ParsedPost;
}

const VERSION = 1;
const TIME = '\u0000time';
const DATE = '\u0000date';

/**
 * The parsed posts of one site, kept between opens (in memory, and on disk when a folder is
 * given) and keyed by path, size and mtime: a re-open stats files instead of reading them.
 * `configKey` holds what parsing depends on; when it changes, every entry is stale.
 */
export class IndexCache {
  private entries = new Map<string, CacheEntry>();
  private readonly file: string | null;
  private dirty = false;

  constructor(
    root: string,
    cacheDir: string | null,
    private configKey = '',
  ) {
    this.file = cacheDir ? path.join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`) : null;
    this.load();
  }

  /** The entry for `rel` if the file still has this size and mtime. */
  get(rel: string, size: number, mtimeMs: number): ParsedPost | null {
    const entry = this.entries.get(rel);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry.parsed : null;
  }

  set(rel: string, entry: CacheEntry): void {
    this.entries.set(rel, entry);
    this.dirty = true;
  }

  delete(rel: string): void {
    this.dirty = this.entries.delete(rel) || this.dirty;
  }

  /** Drop entries for files that no longer exist. */
  retain(paths: ReadonlySet<string>): void {
    for (const rel of this.entries.keys()) if (!paths.has(rel)) this.delete(rel);
  }

  /** Start over when what parsing depends on changed. */
  setConfigKey(key: string): void {
    if (key === this.configKey) return;
    this.configKey = key;
    this.entries.clear();
    this.dirty = true;
  }

  /** Write the cache file if anything changed; a failure only costs speed next time. */
  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const body = JSON.stringify({ version: VERSION, configKey: this.configKey, entries: Object.fromEntries(this.entries) }, encode);
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(body), 0o600);
    } catch (error) {
      console.warn(`hanji: could not write the index cache ${this.file}`, error);
    }
  }

  private load(): void {
    if (!this.file) return;
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8'), decode) as { version?: number; configKey?: string; entries?: Record<string, CacheEntry> };
      if (raw.version !== VERSION || raw.configKey !== this.configKey || !raw.entries) return;
      this.entries = new Map(Object.entries(raw.entries));
    } catch {
      // No cache yet, or a damaged one: the index is rebuilt from the files.
    }
  }
}

function encode(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof RubyTime) return { [TIME]: [value.epochMs, value.source] };
  if (value instanceof RubyDate) return { [DATE]: [value.year, value.month, value.day] };
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v[TIME])) {
      const [epochMs, source] = v[TIME] as [number, string];
      return new RubyTime(epochMs, source);
    }
    if (Array.isArray(v[DATE])) {
      const [y, m, d] = v[DATE] as [number, number, number];
      return new RubyDate(y, m, d);
    }
  }
  return value;
}
