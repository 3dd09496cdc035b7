import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteApi } from '../../shared/contract/api';
import type { PostChange } from '../../shared/contract/events';
import { HanjiError } from '../../shared/contract/result';
import { normalizeSiteConfig, parseSiteConfig, type SiteConfig } from '../../shared/jekyll/config';
import { classifyPostPath } from '../../shared/jekyll/post-filename';
import type { PostFacts } from '../../shared/jekyll/post-facts';
import { compareDocuments, siteTaxonomy } from '../../shared/jekyll/taxonomy';
import { YamlProblem } from '../../shared/jekyll/yaml';
import type { IndexOptions, IndexedPost, PostDocument, PostProblem, PostSummary, SiteIndexReport, SiteInfo, WriteResult } from '../../shared/model/site';
import { EventBus } from '../../shared/rpc/emitter';
import { writeFileAtomic } from './atomic-write';
import { IndexCache } from './index-cache';
import { buildIndex, indexFile, rulesKey, type IndexProgress } from './site-index';
import { resolvePostPath } from './site-paths';
import { watchSite, type FileChange } from './site-watcher';

/** SHA-256 of a file's bytes, hex: the version stamp a save must match. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How the engine is set up by the face that runs it. */
export interface SiteServiceOptions {
  /** Folder for the index cache; null keeps the cache in memory only. */
  cacheDir?: string | null;
  /** Watch the open site for changes by other programs (the app and browser mode do; the CLI does not). */
  watch?: boolean;
  /** The clock, for tests of future posts. */
  now?: () => number;
  /** Reports indexing progress of a large site. */
  onIndexProgress?: IndexProgress;
}

/** The open site: its folder, configuration, index and watcher. */
interface OpenSite {
  info: SiteInfo;
  config: SiteConfig;
  configProblems: PostProblem[];
  cache: IndexCache;
  posts: Map<string, PostFacts>;
  ignored: { path: string; reason: string }[];
  problems: PostProblem[];
  watcher: { close(): Promise<void>; ready: Promise<void> } | null;
}

/** Temp files older than this are orphans of a crashed save, not a save in progress. */
const ORPHAN_AGE_MS = 60_000;

/**
 * The engine behind every face: one open site, its Jekyll index, and safe reads and writes.
 * It never imports `electron`, so the CLI, the browser mode and the tests run it in plain Node.
 */
export class SiteService implements SiteApi {
  /** Engine events; each transport forwards them to its clients. */
  readonly events = new EventBus();
  private site: OpenSite | null = null;
  /** The save in flight per file: a second save waits, so its hash check sees the first one's result. */
  private readonly saving = new Map<string, Promise<unknown>>();
  /** Hashes of files this engine just wrote, so the watcher does not report our own saves. */
  private readonly ownWrites = new Map<string, string>();
  private readonly caches = new Map<string, IndexCache>();
  private readonly now: () => number;

  constructor(private readonly options: SiteServiceOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async openSite(root: string): Promise<SiteInfo> {
    if (!path.isAbsolute(root)) throw new HanjiError('BAD_REQUEST', `Open a site by its absolute folder path, not "${root}".`);
    const abs = path.resolve(root);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new HanjiError('NOT_FOUND', `The folder ${abs} does not exist.`);
    if (!stat.isDirectory()) throw new HanjiError('BAD_REQUEST', `${abs} is a file; choose the site's folder.`);
    await this.close();
    const { config, problems: configProblems } = readConfig(abs);
    const cache = this.cacheFor(abs);
    const site: OpenSite = { info: siteInfo(abs, config), config, configProblems, cache, posts: new Map(), ignored: [], problems: [], watcher: null };
    await this.reindex(site);
    this.site = site;
    if (this.options.watch) site.watcher = watchSite(abs, (changes) => void this.onExternalChanges(site, changes));
    this.events.emit('siteChanged', site.info);
    return site.info;
  }

  async getSite(): Promise<SiteInfo | null> {
    return this.site?.info ?? null;
  }

  async listPosts(): Promise<PostSummary[]> {
    return this.sortedPosts(this.requireSite()).map(toSummary);
  }

  async getIndex(options: IndexOptions): Promise<SiteIndexReport> {
    const site = this.requireSite();
    const posts = this.sortedPosts(site);
    const counted = posts.filter(
      (p) => p.status === 'published' || (p.status === 'draft' && options.drafts) || (p.status === 'future' && options.future) || (p.status === 'unpublished' && options.unpublished),
    );
    return {
      site: site.info,
      posts: posts.map((p): IndexedPost => ({ ...toSummary(p), excerpt: p.excerpt !== undefined ? p.excerpt : site.cache.excerpt(p.path) })),
      ignored: site.ignored,
      tags: siteTaxonomy(counted, 'tags'),
      categories: siteTaxonomy(counted, 'categories'),
      problems: [...site.configProblems, ...site.problems, ...posts.flatMap((p) => p.problems)],
    };
  }

  async readPost(input: string): Promise<PostDocument> {
    const { abs, rel } = resolvePostPath(this.requireSite().info.root, input);
    const bytes = await readExisting(abs, rel);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new HanjiError('IO', `${rel} is not valid UTF-8; Hanji will not open it, so that saving cannot damage it.`, { path: rel });
    }
    return { path: rel, text, hash: hashBytes(bytes) };
  }

  async writePost(input: string, text: string, expectedHash: string): Promise<WriteResult> {
    const site = this.requireSite();
    const { abs, rel } = resolvePostPath(site.info.root, input);
    // Through a symlink, replace the file it points to (already confined by resolvePostPath), not the link.
    const target = await fs.realpath(abs).catch(() => abs);
    const result = await this.serialized(target, () => this.replaceFile(target, rel, text, expectedHash));
    this.ownWrites.set(rel, result.hash);
    this.refreshPost(site, rel);
    this.events.emit('postsChanged', { changes: [{ path: rel, kind: 'changed', hash: result.hash }] });
    return result;
  }

  /** Stop watching the open site and write its cache. */
  async close(): Promise<void> {
    const site = this.site;
    this.site = null;
    if (!site) return;
    await site.watcher?.close();
    await site.cache.save();
  }

  private cacheFor(root: string): IndexCache {
    let cache = this.caches.get(root);
    if (!cache) {
      cache = new IndexCache(root, this.options.cacheDir ?? null);
      this.caches.set(root, cache);
    }
    return cache;
  }

  private async reindex(site: OpenSite): Promise<void> {
    const index = await buildIndex(site.info.root, site.config, site.cache, this.now(), this.options.onIndexProgress);
    site.posts = new Map(index.posts.map((p) => [p.path, p]));
    site.ignored = index.ignored;
    site.problems = index.problems;
    await sweepOrphans(index.tempFiles, this.now());
  }

  /** Re-read one post into the index after it changed; false when it is gone or no longer a post. */
  private refreshPost(site: OpenSite, rel: string): boolean {
    const kind = classifyPostPath(rel);
    if (!kind) return false;
    const file = { rel, abs: path.join(site.info.root, ...rel.split('/')), draft: kind === 'draft' };
    const result = indexFile(file, site.config, rulesKey(site.config), site.cache, this.now());
    if ('problem' in result) {
      site.posts.delete(rel);
      return false;
    }
    site.posts.set(rel, result.facts);
    return true;
  }

  private async onExternalChanges(site: OpenSite, changes: FileChange[]): Promise<void> {
    if (this.site !== site) return;
    if (changes.some((c) => c.rel === '_config.yml')) {
      const { config, problems } = readConfig(site.info.root);
      site.config = config;
      site.configProblems = problems;
      site.info = siteInfo(site.info.root, config);
      await this.reindex(site);
      this.events.emit('siteChanged', site.info);
      return;
    }
    const reported: PostChange[] = [];
    for (const change of changes) {
      if (!classifyPostPath(change.rel)) continue;
      const abs = path.join(site.info.root, ...change.rel.split('/'));
      const exists = change.kind !== 'deleted' && this.refreshPost(site, change.rel);
      if (!exists) {
        site.posts.delete(change.rel);
        site.cache.delete(change.rel);
        reported.push({ path: change.rel, kind: 'deleted', hash: null });
        continue;
      }
      let hash: string;
      try {
        hash = hashBytes(readFileSync(abs));
      } catch {
        continue;
      }
      // Our own save, seen again by the watcher: already reported by writePost.
      if (this.ownWrites.get(change.rel) === hash) continue;
      reported.push({ path: change.rel, kind: change.kind, hash });
    }
    if (reported.length > 0) this.events.emit('postsChanged', { changes: reported });
  }

  private sortedPosts(site: OpenSite): PostFacts[] {
    // site.posts order: newest first, ties by path descending (Jekyll's reversed document order).
    return [...site.posts.values()].sort((a, b) => compareDocuments(b, a));
  }

  private async replaceFile(target: string, rel: string, text: string, expectedHash: string): Promise<WriteResult> {
    const current = await readExisting(target, rel);
    if (hashBytes(current) !== expectedHash) {
      throw new HanjiError('CONFLICT', `${rel} changed on disk since it was opened. Reload it or compare before saving.`, { path: rel });
    }
    const { mode } = await fs.stat(target);
    if (!(await isWritable(target, mode))) {
      throw new HanjiError('READ_ONLY', `${rel} is read-only. Make it writable, then save again.`, { path: rel });
    }
    const bytes = Buffer.from(text, 'utf8');
    try {
      await writeFileAtomic(target, bytes, mode & 0o7777);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      throw new HanjiError('IO', `Could not save ${rel} (${code}); the file on disk is unchanged.`, { path: rel });
    }
    return { path: rel, hash: hashBytes(bytes) };
  }

  /** Run `task` after every earlier task for the same file has finished. */
  private async serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.saving.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.saving.set(key, settled);
    try {
      return await next;
    } finally {
      if (this.saving.get(key) === settled) this.saving.delete(key);
    }
  }

  private requireSite(): OpenSite {
    if (!this.site) throw new HanjiError('NO_SITE', 'No site is open. Open a Jekyll site folder first.');
    return this.site;
  }
}

/** Read `_config.yml`; a broken one is a problem, and Jekyll's defaults are used meanwhile. */
function readConfig(root: string): { config: SiteConfig; problems: PostProblem[] } {
  let text: string;
  try {
    text = readFileSync(path.join(root, '_config.yml'), 'utf8');
  } catch {
    return { config: normalizeSiteConfig({}), problems: [] };
  }
  try {
    return { config: parseSiteConfig(text), problems: [] };
  } catch (error) {
    const p = error instanceof YamlProblem ? error : new YamlProblem(String(error), null, null);
    return {
      config: normalizeSiteConfig({}),
      problems: [{ path: '_config.yml', line: p.line === null ? null : p.line + 1, column: p.column === null ? null : p.column + 1, severity: 'error', message: `_config.yml is not valid YAML: ${p.message}. Jekyll will not build the site.` }],
    };
  }
}

function siteInfo(root: string, config: SiteConfig): SiteInfo {
  return { root, title: config.title || path.basename(root), url: config.url, baseurl: config.baseurl, timezone: config.timezone, permalink: config.permalink };
}

function toSummary(p: PostFacts): PostSummary {
  return { path: p.path, status: p.status, title: p.title, date: p.date, slug: p.slug, id: p.id, url: p.url, tags: p.tags, categories: p.categories, problems: p.problems };
}

async function readExisting(abs: string, rel: string): Promise<Buffer> {
  try {
    return await fs.readFile(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HanjiError('NOT_FOUND', `${rel} does not exist.`, { path: rel });
    if (code === 'EISDIR') throw new HanjiError('BAD_REQUEST', `${rel} is a folder, not a post.`, { path: rel });
    throw new HanjiError('IO', `Could not read ${rel} (${code ?? 'unknown error'}).`, { path: rel });
  }
}

/** Writable for us: no write bit at all means read-only even for root, who passes every access() check. */
async function isWritable(file: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return fs.access(file, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Remove temp files left by saves that crashed; a young one may belong to a save in progress. */
async function sweepOrphans(tempFiles: readonly string[], nowMs: number): Promise<void> {
  for (const file of tempFiles) {
    try {
      if (nowMs - statSync(file).mtimeMs > ORPHAN_AGE_MS) await fs.unlink(file);
    } catch {
      // Already gone, or not ours to remove: leave it.
    }
  }
}
