import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostFacts } from '../../shared/jekyll/post-facts';
import { compareDocuments } from '../../shared/jekyll/taxonomy';
import type { IgnoredFile } from './post-scan';
import { writeFileAtomic } from './atomic-write';

/** One cached post: the file it was read from (size, mtime) and its facts under the rules `rules`. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  facts: PostFacts;
  /** The site rules the facts were computed under (see `rulesKey`). */
  rules: string;
}

const VERSION = 8;

/**
 * A post on disk: its path, file stamp and facts, positional, without the excerpt (kept apart).
 * All posts are laid end to end in one flat array of this stride: V8 parses one array of
 * primitives faster than 10,000 small arrays or an object with 10,000 keys.
 */
type StoredPost = [rel: string, size: number, mtimeMs: number, status: PostFacts['status'], title: string | null, date: string, dateMs: number, published: boolean, slug: string, id: string, url: string, tags: PostFacts['tags'], categories: PostFacts['categories'], layout: string | null, problems: PostFacts['problems']];
const STRIDE = 15;

/**
 * The indexed posts of one site, kept between opens (in memory, and on disk when a folder is
 * given) and keyed by path, size and mtime: a re-open stats files instead of reading them.
 * On disk the rules are written once, facts are positional arrays, and excerpts live in a second
 * file read only when the full index is asked for, so opening a 10,000-post site parses a few MB.
 */
export class IndexCache {
  private entriesByPath: Map<string, CacheEntry> | null = null;
  private ignoredFiles: IgnoredFile[] = [];
  private excerpts: Map<string, string | null> | null = null;
  private readonly file: string | null;
  private dirty = false;
  /** Saves run one after another, so an older snapshot never lands after a newer one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(root: string, cacheDir: string | null) {
    this.file = cacheDir ? path.join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`) : null;
  }

  /** The entry for `rel` if the file still has this size and mtime. */
  get(rel: string, size: number, mtimeMs: number): CacheEntry | null {
    const entry = this.map().get(rel);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : null;
  }

  /** The size and mtime `rel` had when it was last indexed; null when it is not cached. */
  stamp(rel: string): { size: number; mtimeMs: number } | null {
    return this.map().get(rel) ?? null;
  }

  /** Every cached post, newest first when they came from the cache file. */
  entries(): Iterable<CacheEntry> {
    return this.map().values();
  }

  /** The files Jekyll ignores, as the last full scan found them. */
  ignored(): IgnoredFile[] {
    this.map();
    return this.ignoredFiles;
  }

  setIgnored(ignored: IgnoredFile[]): void {
    if (JSON.stringify(ignored) !== JSON.stringify(this.ignoredFiles)) this.dirty = true;
    this.ignoredFiles = ignored;
  }

  /** True when nothing is cached (a first open): every file will be read anyway. */
  isEmpty(): boolean {
    return this.map().size === 0;
  }

  set(rel: string, entry: CacheEntry): void {
    this.map().set(rel, entry);
    if (entry.facts.excerpt !== undefined) this.excerpts?.set(rel, entry.facts.excerpt);
    this.dirty = true;
  }

  delete(rel: string): void {
    if (this.map().delete(rel)) this.dirty = true;
  }

  /** Drop entries for files that no longer exist. */
  retain(paths: ReadonlySet<string>): void {
    for (const rel of this.map().keys()) if (!paths.has(rel)) this.delete(rel);
  }

  /** The excerpt of a post loaded from disk without it (facts read from the cache file carry none). */
  excerpt(rel: string): string | null {
    this.excerpts ??= this.loadExcerpts();
    return this.excerpts.get(rel) ?? null;
  }

  /** Write the cache files if anything changed; a failure only costs speed next time. */
  save(): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty) return this.saving;
    this.dirty = false;
    // Serialize after the caller has moved on (opening a site does not wait for its cache).
    this.saving = this.saving.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => this.write(file));
    return this.saving;
  }

  private async write(file: string): Promise<void> {
    // Newest first, the order the library lists them in: sorting it again on the next open is then
    // a single pass.
    const all = [...this.map()].sort(([, a], [, b]) => compareDocuments(b.facts, a.facts));
    const rules = all[0]?.[1].rules ?? '';
    const posts: StoredPost[number][] = [];
    const excerpts: Record<string, string | null> = {};
    for (const [rel, { size, mtimeMs, facts, rules: r }] of all) {
      if (r !== rules) continue;
      const stored: StoredPost = [rel, size, mtimeMs, facts.status, facts.title, facts.date, facts.dateMs, facts.published, facts.slug, facts.id, facts.url, facts.tags, facts.categories, facts.layout, facts.problems];
      posts.push(...stored);
      excerpts[rel] = facts.excerpt !== undefined ? facts.excerpt : this.excerpt(rel);
    }
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      await writeFileAtomic(`${file}.excerpts`, encodeJson({ version: VERSION, excerpts }), 0o600);
      await writeFileAtomic(file, encodeJson({ version: VERSION, rules, posts, ignored: this.ignoredFiles }), 0o600);
    } catch (error) {
      console.warn(`hanji: could not write the index cache ${file}`, error);
    }
  }

  private map(): Map<string, CacheEntry> {
    this.entriesByPath ??= this.load();
    return this.entriesByPath;
  }

  private load(): Map<string, CacheEntry> {
    const entries = new Map<string, CacheEntry>();
    if (!this.file) return entries;
    try {
      const raw = decodeJson(this.file) as { version?: number; rules?: string; posts?: unknown[]; ignored?: IgnoredFile[] };
      if (raw.version !== VERSION || !Array.isArray(raw.posts) || raw.posts.length % STRIDE !== 0 || typeof raw.rules !== 'string') return entries;
      this.ignoredFiles = Array.isArray(raw.ignored) ? raw.ignored : [];
      const flat = raw.posts as StoredPost[number][];
      for (let at = 0; at < flat.length; at += STRIDE) {
        const [rel, size, mtimeMs, status, title, date, dateMs, published, slug, id, url, tags, categories, layout, problems] = flat.slice(at, at + STRIDE) as StoredPost;
        // No excerpt: it is read lazily with excerpt().
        const facts: PostFacts = { path: rel, status, title, date, dateMs, published, slug, id, url, tags, categories, layout, problems };
        entries.set(rel, { size, mtimeMs, facts, rules: raw.rules });
      }
    } catch {
      // No cache yet, or a damaged one: the index is rebuilt from the files.
    }
    return entries;
  }

  private loadExcerpts(): Map<string, string | null> {
    if (!this.file) return new Map();
    try {
      const raw = decodeJson(`${this.file}.excerpts`) as { version?: number; excerpts?: Record<string, string | null> };
      return raw.version === VERSION && raw.excerpts ? new Map(Object.entries(raw.excerpts)) : new Map();
    } catch {
      return new Map();
    }
  }
}


/**
 * Cache files are JSON in UTF-16LE, not UTF-8: titles, tags and paths are mostly Hangul, and
 * turning UTF-16 bytes into a string is a copy, while decoding UTF-8 took half of a re-open.
 */
function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf16le');
}

function decodeJson(file: string): unknown {
  return JSON.parse(readFileSync(file).toString('utf16le'));
}
