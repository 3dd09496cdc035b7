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
  /** Saves run one after another, so an older snapshot never lands after a newer one. */
  private saving: Promise<void> = Promise.resolve();

  private configKey: string | null = null;

  constructor(root: string, cacheDir: string | null) {
    this.file = cacheDir ? path.join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`) : null;
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

  /** Use the entries parsed under `key` (from disk on first use); start over when the key changed. */
  setConfigKey(key: string): void {
    if (key === this.configKey) return;
    const first = this.configKey === null;
    this.configKey = key;
    const loaded = first ? this.load(key) : null;
    this.entries = loaded ?? new Map();
    this.dirty = loaded === null;
  }

  /** Write the cache file if anything changed; a failure only costs speed next time. */
  save(): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty) return this.saving;
    this.dirty = false;
    const body = JSON.stringify({ version: VERSION, configKey: this.configKey, entries: Object.fromEntries(this.entries) }, encode);
    const write = async () => {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, Buffer.from(body), 0o600);
      } catch (error) {
        console.warn(`hanji: could not write the index cache ${file}`, error);
      }
    };
    this.saving = this.saving.then(write);
    return this.saving;
  }

  private load(key: string): Map<string, CacheEntry> | null {
    if (!this.file) return null;
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8'), decode) as { version?: number; configKey?: string; entries?: Record<string, CacheEntry> };
      if (raw.version !== VERSION || raw.configKey !== key || !raw.entries) return null;
      return new Map(Object.entries(raw.entries));
    } catch {
      // No cache yet, or a damaged one: the index is rebuilt from the files.
      return null;
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
