import { createHash, randomUUID } from 'node:crypto';
import { constants as fsConstants, existsSync, promises as fs, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteApi } from '../../shared/contract/api';
import type { PostChange } from '../../shared/contract/events';
import { HanjiError } from '../../shared/contract/result';
import { MAX_ASSET_BYTES, MAX_POST_CHARS, assetTooLargeMessage } from '../../shared/contract/schemas';
import { normalizeSiteConfig, parseSiteConfig, type SiteConfig } from '../../shared/jekyll/config';
import { classifyPostPath } from '../../shared/jekyll/post-filename';
import type { PostFacts } from '../../shared/jekyll/post-facts';
import { compareDocuments, siteTaxonomy } from '../../shared/jekyll/taxonomy';
import { YamlProblem, parseFrontMatterYaml } from '../../shared/jekyll/yaml';
import { applyFrontMatterEdits, type FrontMatterEdit } from '../../shared/frontmatter/edit';
import { splitFrontMatter } from '../../shared/frontmatter/split';
import { defaultsFor } from '../../shared/jekyll/defaults';
import { fileDate, frontMatterDate, postPath, postsFolderFor, slugForTitle, splitPostName } from '../../shared/jekyll/new-post';
import { parseRubyTime } from '../../shared/jekyll/time';
import type { ExportMapping, ExportResult, GitCommitResult, GitPullMode, GitStatus, PrePushReport } from '../../shared/model/git';
import { readAssetFile } from './asset-read';
import { exportPosts } from './git/export-posts';
import type { GitRunnerOptions } from './git/git-runner';
import { prePushProblems } from './git/pre-push';
import { SiteGit } from './git/site-git';
import { saveAssetFile } from './assets';
import { defaultTrashDir } from './data-dirs';
import { createFileExclusive, folderTrash, type Trash } from './file-ops';
import type { AssetResult, ImageAsset, IndexOptions, IndexedPost, NewPostInput, PostDocument, PostMatch, PostProblem, PostSummary, RecoveryCopy, RenameInput, SiteIndexReport, SiteInfo, SiteRenderData, TaxonomyCount, TaxonomyEditResult, TaxonomyKind, TaxonomyMove, TaxonomyOp, TaxonomyPlan, TaxonomySkip, WriteResult } from '../../shared/model/site';
import { taxonomyCounts } from '../../shared/taxonomy/counts';
import { EventBus } from '../../shared/rpc/emitter';
import { syncFolder, writeFileAtomic, writeFileAtomicBulk } from './atomic-write';
import { IndexCache } from './index-cache';
import { KeyedQueue } from './keyed-queue';
import { loadRenderData } from './render-data';
import { BodyCache, findPosts } from './post-search';
import { RecoveryStore } from './recovery-store';
import { buildIndex, indexFile, indexFromCache, rulesKey, type IndexProgress, type SiteIndex } from './site-index';
import { siteLayouts } from './site-layouts';
import { resolvePostPath, type SitePath } from './site-paths';
import { watchSite, type FileChange } from './site-watcher';
import { RecentStore, applySplice, planSiteEdit, type Journal, type Splice, type StoredPlan } from './taxonomy-edits';

/** SHA-256 of a file's bytes, hex: the version stamp a save must match. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How the engine is set up by the face that runs it. */
export interface SiteServiceOptions {
  /** Where deleted posts go: the OS trash in the app; by default a trash folder outside the site. */
  trash?: Trash;
  /** Folder for the index cache; null keeps the cache in memory only. */
  cacheDir?: string | null;
  /** Folder for recovery copies of unsaved text, outside every site; null keeps them in memory only. */
  recoveryDir?: string | null;
  /** Watch the open site for changes by other programs (the app and browser mode do; the CLI does not). */
  watch?: boolean;
  /** The clock, for tests of future posts. */
  now?: () => number;
  /** Reports indexing progress of a large site. */
  onIndexProgress?: IndexProgress;
  /**
   * `after`: a re-opened site is listed from the cache at once and every file is checked in the
   * background, changes arriving as a postsChanged event (the app and browser mode). `before`
   * (the default): opening waits until every file is checked (the CLI, whose output must be exact).
   */
  revalidate?: 'before' | 'after';
  /** How git runs (tests give it a sandboxed HOME); the user's own git and environment by default. */
  git?: GitRunnerOptions;
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
  /** Counts index builds: a build whose result arrives after a newer one started is dropped. */
  generation: number;
  /** Posts changed by saves or the watcher while a build runs: read again when it lands. */
  touched: Set<string>;
  /** Post bodies for searches; kept when the same site is opened again. */
  bodies: BodyCache;
}

/** A change before the post's summary is attached (see emitChanges). */
type ChangeWithoutPost = Omit<PostChange, 'post'>;

/** One file of a bulk edit or its undo: `run` writes or moves it under its save lock. */
interface EditStep {
  path: string;
  run: () => Promise<TaxonomySkip | StepDone>;
}

/** A step that changed the disk: the folders to sync, the changes to announce, and the move it made. */
interface StepDone {
  folders: string[];
  changes: ChangeWithoutPost[];
  moved?: TaxonomyMove;
}

/** A post moved by moveOne: the bytes it had and the hash of what was written, and the folders made for it. */
interface MoveDone extends StepDone {
  original: Buffer;
  hash: string;
  createdFolders: string[];
}

/** A post about to change: its text and data as checked, and the real file behind it. */
interface PostForChange {
  abs: string;
  target: string;
  rel: string;
  text: string;
  data: Record<string, unknown>;
}

/** Temp files older than this are orphans of a crashed save, not a save in progress. */
const ORPHAN_AGE_MS = 60_000;
/** Least time between two progress events of one edit. */
const PROGRESS_MS = 50;
/**
 * Files a bulk edit has waiting on their fsync at once: the reading and planning of the next file
 * runs while the disk works, which is what keeps a 10,000-file rename near the floor.
 */
const WRITES_IN_FLIGHT = 8;

/**
 * The engine behind every face: one open site, its Jekyll index, and safe reads and writes.
 * It never imports `electron`, so the CLI, the browser mode and the tests run it in plain Node.
 */
export class SiteService implements SiteApi {
  /** Engine events; each transport forwards them to its clients. */
  readonly events = new EventBus();
  private site: OpenSite | null = null;
  /** Saves and changes per file run in turn, so a second save's hash check sees the first one's result. */
  private readonly fileQueue = new KeyedQueue();
  /** Git calls of a site run one at a time: two commands on one index would fight over its lock. */
  private readonly gitQueue = new KeyedQueue();
  /** Hashes of files this engine just wrote, so the watcher does not report our own saves. */
  private readonly ownWrites = new Map<string, string>();
  private readonly caches = new Map<string, IndexCache>();
  private readonly recovery: RecoveryStore;
  private readonly now: () => number;
  private readonly plans = new RecentStore<StoredPlan>(8);
  // A journal of 10,000 posts holds ~50 MB of original bytes: keep only the last few edits.
  private readonly journals = new RecentStore<Journal>(3);
  /** Edits being applied or undone, by id: set to true to stop after the files in flight. */
  private readonly running = new Map<string, { cancelled: boolean }>();

  constructor(private readonly options: SiteServiceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.recovery = new RecoveryStore(options.recoveryDir ?? null);
  }

  async openSite(root: string): Promise<SiteInfo> {
    if (!path.isAbsolute(root)) throw new HanjiError('BAD_REQUEST', `Open a site by its absolute folder path, not "${root}".`);
    const abs = path.resolve(root);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new HanjiError('NOT_FOUND', `The folder ${abs} does not exist.`);
    if (!stat.isDirectory()) throw new HanjiError('BAD_REQUEST', `${abs} is a file; choose the site's folder.`);
    const bodies = this.site?.info.root === abs ? this.site.bodies : new BodyCache();
    await this.close();
    const { config, problems: configProblems } = readConfig(abs);
    const cache = this.cacheFor(abs);
    const site: OpenSite = { info: siteInfo(abs, config), config, configProblems, cache, posts: new Map(), ignored: [], problems: [], watcher: null, generation: 0, touched: new Set(), bodies };
    const cached = this.options.revalidate === 'after' ? indexFromCache(cache, config, this.now()) : null;
    if (cached) {
      this.useIndex(site, cached);
      void this.revalidate(site);
    } else {
      await this.reindex(site);
    }
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
    // What `jekyll build` with these flags renders: drafts need --drafts, unpublished posts (drafts
    // included) --unpublished, posts dated after now --future (unless future: true).
    const counted = this.countedPosts(site, posts, options);
    return {
      site: site.info,
      posts: posts.map((p): IndexedPost => ({ ...toSummary(p), excerpt: p.excerpt !== undefined ? p.excerpt : site.cache.excerpt(p.path) })),
      ignored: site.ignored,
      tags: siteTaxonomy(counted, 'tags'),
      categories: siteTaxonomy(counted, 'categories'),
      problems: [...site.configProblems, ...site.problems, ...posts.flatMap((p) => p.problems)],
    };
  }

  /** The posts `jekyll build` with these flags renders. */
  private countedPosts(site: OpenSite, posts: readonly PostFacts[], options: IndexOptions): PostFacts[] {
    // What `jekyll build` with these flags renders: drafts need --drafts, unpublished posts (drafts
    // included) --unpublished, posts dated after now --future (unless future: true).
    const now = this.now();
    return posts.filter(
      (p) =>
        (p.status !== 'draft' || options.drafts === true) &&
        (p.published || options.unpublished === true) &&
        (p.dateMs <= now || site.config.future || options.future === true),
    );
  }

  async listTaxonomy(kind: TaxonomyKind, options: IndexOptions): Promise<TaxonomyCount[]> {
    const site = this.requireSite();
    return taxonomyCounts(siteTaxonomy(this.countedPosts(site, this.sortedPosts(site), options), kind));
  }

  async planTaxonomyEdit(kind: TaxonomyKind, op: TaxonomyOp): Promise<TaxonomyPlan> {
    const site = this.requireSite();
    const plan = planSiteEdit(site.info.root, site.posts.values(), kind, op, hashBytes, site.config.defaults);
    this.plans.put(plan.planId, plan);
    const { splices: _splices, ...shown } = plan;
    return shown;
  }

  async applyTaxonomyEdit(planId: string): Promise<TaxonomyEditResult> {
    const site = this.requireSite();
    const plan = this.plans.get(planId, 'plan');
    this.plans.delete(planId);
    const journal: Journal = { writes: [], moves: [] };
    const rewrites = plan.files.map((file): EditStep => ({
      path: file.path,
      run: async () => {
        const outcome = await this.rewriteOne(site, file, (bytes): TaxonomySkip | Buffer => {
          if (hashBytes(bytes) !== file.hash) return { path: file.path, reason: 'changed', message: `${file.path} changed on disk since the dry run, so it was left alone; run the dry run again to include it.` };
          // Same hash, same bytes: the planned result applies as it was shown.
          return applySplice(bytes, plan.splices.get(file.path) as Splice);
        });
        if ('reason' in outcome) return outcome;
        journal.writes.push({ path: file.path, original: outcome.original, writtenHash: outcome.hash });
        return { folders: [outcome.folder], changes: [{ path: file.path, kind: 'changed', hash: outcome.hash }] };
      },
    }));
    const moves = plan.moves.map((move): EditStep => ({
      path: move.from,
      run: async () => {
        const splice = plan.splices.get(move.from);
        const changed = `${move.from} changed on disk since the dry run, so it was not moved; run the dry run again to include it.`;
        const outcome = await this.moveOne(site, move, (bytes) => (splice ? applySplice(bytes, splice) : bytes), changed);
        if (!('reason' in outcome)) journal.moves.push({ path: move.from, to: move.to, original: outcome.original, writtenHash: outcome.hash, createdFolders: outcome.createdFolders });
        return outcome;
      },
    }));
    const result = await this.runSteps(site, planId, [...rewrites, ...moves]);
    const editId = journal.writes.length + journal.moves.length > 0 ? randomUUID() : null;
    if (editId !== null) this.journals.put(editId, journal);
    return { editId, ...result };
  }

  async cancelTaxonomyEdit(planId: string): Promise<void> {
    const run = this.running.get(planId);
    if (run) run.cancelled = true;
  }

  async undoTaxonomyEdit(editId: string): Promise<TaxonomyEditResult> {
    const site = this.requireSite();
    const journal = this.journals.get(editId, 'edit');
    this.journals.delete(editId);
    const rewrites = journal.writes.map((entry): EditStep => ({
      path: entry.path,
      run: async () => {
        const outcome = await this.rewriteOne(site, { path: entry.path }, (bytes): TaxonomySkip | Buffer => {
          if (hashBytes(bytes) !== entry.writtenHash) return { path: entry.path, reason: 'changed', message: `${entry.path} changed after the edit, so the undo left it as it is; restore it by hand if needed.` };
          return entry.original;
        });
        if ('reason' in outcome) return outcome;
        return { folders: [outcome.folder], changes: [{ path: entry.path, kind: 'changed', hash: outcome.hash }] };
      },
    }));
    const emptied: string[] = [];
    const moves = journal.moves.map((entry): EditStep => ({
      path: entry.to,
      run: async () => {
        const changed = `${entry.to} changed after the edit, so the undo did not move it back to ${entry.path}; move it by hand if needed.`;
        const outcome = await this.moveOne(site, { from: entry.to, to: entry.path, hash: entry.writtenHash }, () => entry.original, changed);
        if (!('reason' in outcome)) emptied.push(...entry.createdFolders);
        return outcome;
      },
    }));
    const result = await this.runSteps(site, editId, [...rewrites, ...moves]);
    await removeEmptyFolders(site.info.root, emptied);
    return { editId: null, ...result };
  }

  /**
   * Run the steps of an edit or an undo, a few at a time. Emits progress, honours
   * cancelTaxonomyEdit(id), syncs each folder once at the end, and announces every change in one event.
   */
  private async runSteps(site: OpenSite, id: string, steps: readonly EditStep[]): Promise<Omit<TaxonomyEditResult, 'editId'>> {
    const run = { cancelled: false };
    this.running.set(id, run);
    const written: string[] = [];
    const moved: TaxonomyMove[] = [];
    const skipped: TaxonomySkip[] = [];
    const folders = new Set<string>();
    const changes: ChangeWithoutPost[] = [];
    let done = 0;
    let lastProgress = 0;
    const progress = () => {
      const now = Date.now();
      if (done < steps.length && now - lastProgress < PROGRESS_MS) return;
      lastProgress = now;
      this.events.emit('taxonomyProgress', { id, done, total: steps.length });
    };
    let cursor = 0;
    const worker = async () => {
      while (cursor < steps.length) {
        const step = steps[cursor++] as EditStep;
        if (run.cancelled) {
          skipped.push({ path: step.path, reason: 'cancelled', message: `${step.path} was not changed: the edit was cancelled.` });
        } else {
          const outcome = await step.run();
          if ('reason' in outcome) skipped.push(outcome);
          else {
            if (outcome.moved) moved.push(outcome.moved);
            else written.push(step.path);
            for (const folder of outcome.folders) folders.add(folder);
            changes.push(...outcome.changes);
          }
        }
        done++;
        progress();
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, steps.length) }, worker));
    } finally {
      this.running.delete(id);
    }
    if (steps.length === 0) progress();
    await Promise.all([...folders].map(syncFolder));
    if (changes.length > 0) this.emitChanges(site, changes);
    const order = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return { written: written.sort(), moved: moved.sort((a, b) => order({ path: a.from }, { path: b.from })), skipped: skipped.sort(order), cancelled: run.cancelled };
  }

  /**
   * Move one post of a bulk edit, under its save lock: refused when its bytes no longer hash to
   * `move.hash` (`changedMessage`) or when `move.to` exists (never overwritten). Writes
   * `bytesFor(original)` at the new path, creating its folders, then removes the old file the way
   * renamePost does, and updates the index; the caller announces the changes.
   */
  private async moveOne(site: OpenSite, move: { from: string; to: string; hash: string }, bytesFor: (original: Buffer) => Buffer, changedMessage: string): Promise<TaxonomySkip | MoveDone> {
    let source: SitePath;
    let dest: SitePath;
    try {
      source = resolvePostPath(site.info.root, move.from);
      dest = resolvePostPath(site.info.root, move.to);
    } catch (error) {
      return { path: move.from, reason: 'io', message: `${move.from} was not moved: ${(error as Error).message}` };
    }
    const lock = await fs.realpath(source.abs).catch(() => source.abs);
    return this.fileQueue.run(lock, async (): Promise<TaxonomySkip | MoveDone> => {
      let original: Buffer;
      let mode: number;
      try {
        original = readFileSync(source.abs);
        mode = statSync(source.abs).mode;
      } catch (error) {
        return { path: source.rel, reason: 'unreadable', message: `${source.rel} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was not moved.` };
      }
      if (hashBytes(original) !== move.hash) return { path: source.rel, reason: 'changed', message: changedMessage };
      const bytes = bytesFor(original);
      const createdFolders = missingFolders(site.info.root, dest.rel);
      try {
        await createFileExclusive(dest.abs, bytes, mode & 0o7777);
      } catch (error) {
        await removeEmptyFolders(site.info.root, createdFolders);
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        if (code === 'EEXIST') return { path: source.rel, reason: 'collision', message: `${source.rel} was not moved: ${dest.rel} exists already, and Hanji never overwrites a post.` };
        return { path: source.rel, reason: 'io', message: `${source.rel} was not moved: could not create ${dest.rel} (${code}).` };
      }
      const hash = hashBytes(bytes);
      this.ownWrites.set(dest.rel, hash);
      try {
        await this.finishMove(site, source, dest.rel, move.hash);
      } catch (error) {
        await removeEmptyFolders(site.info.root, createdFolders);
        const conflict = error instanceof HanjiError && error.code === 'CONFLICT';
        return { path: source.rel, reason: conflict ? 'changed' : 'io', message: conflict ? changedMessage : (error as Error).message };
      }
      const changes = this.indexChanges(site, [
        { path: source.rel, kind: 'deleted' },
        { path: dest.rel, kind: 'created' },
      ]);
      return { original, hash, createdFolders, folders: [path.dirname(source.abs), path.dirname(dest.abs)], changes, moved: { from: source.rel, to: dest.rel } };
    });
  }

  /** Rewrite one file of a bulk edit under its save lock: `next` sees its current bytes and returns the new ones or why to skip it. Read and planned synchronously (cheap); only the fsync waits (see writeFileAtomicBulk). */
  private async rewriteOne(
    site: OpenSite,
    file: { path: string },
    next: (bytes: Buffer) => TaxonomySkip | Buffer,
  ): Promise<TaxonomySkip | { original: Buffer; hash: string; folder: string }> {
    const { abs, rel } = resolvePostPath(site.info.root, file.path);
    let target = abs;
    try {
      target = realpathSync(abs);
    } catch {
      // Gone: reading it below reports that.
    }
    return this.fileQueue.run(target, async () => {
      let original: Buffer;
      let mode: number;
      try {
        original = readFileSync(target);
        mode = statSync(target).mode;
      } catch (error) {
        return { path: rel, reason: 'unreadable', message: `${rel} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left alone.` } as TaxonomySkip;
      }
      const bytes = next(original);
      if (!Buffer.isBuffer(bytes)) return bytes;
      if ((mode & 0o222) === 0) return { path: rel, reason: 'read-only', message: `${rel} is read-only, so it was left alone; make it writable and run the edit again.` } as TaxonomySkip;
      try {
        await writeFileAtomicBulk(target, bytes, mode & 0o7777);
      } catch (error) {
        return { path: rel, reason: 'io', message: `Could not save ${rel} (${(error as NodeJS.ErrnoException).code ?? 'error'}); the file on disk is unchanged.` } as TaxonomySkip;
      }
      const hash = hashBytes(bytes);
      this.ownWrites.set(rel, hash);
      this.refreshPost(site, rel);
      return { original, hash, folder: path.dirname(target) };
    });
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
    // A recovery copy kept after this call may hold text typed after what this save writes: only
    // older ones go. Marked before the first await, so the order of the calls decides.
    const mark = this.recovery.mark();
    const site = this.requireSite();
    const { abs, rel } = resolvePostPath(site.info.root, input);
    // Through a symlink, replace the file it points to (already confined by resolvePostPath), not the link.
    const target = await fs.realpath(abs).catch(() => abs);
    const result = await this.fileQueue.run(target, () => this.saveInPlace(site, target, rel, text, expectedHash));
    try {
      await this.recovery.discardOlder(site.info.root, rel, mark);
    } catch (error) {
      // The save itself succeeded; a stale copy is only offered once more.
      console.warn(`hanji: saved ${rel} but could not discard its recovery copy`, error);
    }
    return result;
  }

  /** Replace a post's bytes (the caller holds its save lock), index it and tell the clients. */
  private async saveInPlace(site: OpenSite, target: string, rel: string, text: string, expectedHash: string): Promise<WriteResult> {
    const result = await this.replaceFile(target, rel, text, expectedHash);
    this.ownWrites.set(rel, result.hash);
    this.refreshPost(site, rel);
    this.emitChanges(site, [{ path: rel, kind: 'changed', hash: result.hash }]);
    return result;
  }

  async createPost(input: NewPostInput): Promise<PostSummary> {
    const site = this.requireSite();
    const when = this.userDate(site, input.date);
    const slug = input.slug ?? slugForTitle(input.title, input.ascii);
    const edits: FrontMatterEdit[] = [];
    const layout = this.usualLayout(site);
    if (layout !== null) edits.push({ path: ['layout'], value: layout });
    edits.push({ path: ['title'], value: input.title });
    if (!input.draft) edits.push({ path: ['date'], value: frontMatterDate(when, site.config.zone) });
    const text = `${applyFrontMatterEdits('', edits)}\n`;
    const folder = input.draft ? '_drafts' : '_posts';
    const rel = await this.createUnique(site, folder, input.draft ? null : fileDate(when, site.config.zone), slug, '.md', text);
    this.announce(site, [{ path: rel, kind: 'created' }]);
    return this.summaryOf(site, rel);
  }

  async renamePost(input: string, change: RenameInput, expectedHash: string): Promise<PostSummary> {
    const site = this.requireSite();
    return this.changePost(site, input, expectedHash, (current) => this.renameLocked(site, current, change, expectedHash));
  }

  private async renameLocked(site: OpenSite, current: PostForChange, change: RenameInput, expectedHash: string): Promise<PostSummary> {
    const name = splitPostName(current.rel.slice(current.rel.lastIndexOf('/') + 1));
    const folder = current.rel.slice(0, current.rel.lastIndexOf('/'));
    const slug = change.slug ?? (change.title !== undefined ? slugForTitle(change.title) : name.slug);
    const when = change.date !== undefined ? this.userDate(site, change.date) : null;
    const date = when !== null && name.date !== null ? fileDate(when, site.config.zone) : name.date;
    const edits: FrontMatterEdit[] = [];
    if (change.title !== undefined) edits.push({ path: ['title'], value: change.title });
    if (when !== null && current.data['date'] !== undefined) edits.push({ path: ['date'], value: frontMatterDate(when, site.config.zone) });
    const text = applyFrontMatterEdits(current.text, edits, current.rel);
    const target = postPath(folder, date, slug, name.ext);
    if (target === current.rel) {
      await this.saveInPlace(site, current.target, current.rel, text, expectedHash);
      return this.summaryOf(site, current.rel);
    }
    return this.moveTo(site, current, folder, date, slug, name.ext, text, expectedHash);
  }

  async duplicatePost(input: string): Promise<PostSummary> {
    const site = this.requireSite();
    const doc = await this.readPost(input);
    const current = this.withData(doc.path, doc.text);
    const name = splitPostName(current.rel.slice(current.rel.lastIndexOf('/') + 1));
    const folder = current.rel.slice(0, current.rel.lastIndexOf('/'));
    const title = current.data['title'];
    const text = typeof title === 'string' ? applyFrontMatterEdits(current.text, [{ path: ['title'], value: `${title} (copy)` }], current.rel) : current.text;
    const rel = await this.createUnique(site, folder, name.date, `${name.slug}-copy`, name.ext, text);
    this.announce(site, [{ path: rel, kind: 'created' }]);
    return this.summaryOf(site, rel);
  }

  async deletePost(input: string, expectedHash: string): Promise<WriteResult> {
    const site = this.requireSite();
    const rel = await this.changePost(site, input, expectedHash, async (current) => {
      try {
        await (this.options.trash ?? folderTrash(defaultTrashDir()))(current.abs);
      } catch (error) {
        throw new HanjiError('IO', `Could not move ${current.rel} to the trash (${(error as NodeJS.ErrnoException).code ?? 'error'}); it is still there.`, { path: current.rel });
      }
      return current.rel;
    });
    this.announce(site, [{ path: rel, kind: 'deleted' }]);
    return { path: rel, hash: expectedHash };
  }

  async publishPost(input: string, options: { date?: string }, expectedHash: string): Promise<PostSummary> {
    const site = this.requireSite();
    return this.changePost(site, input, expectedHash, async (current) => {
      if (classifyPostPath(current.rel) === 'draft') {
        const when = this.userDate(site, options.date);
        const name = splitPostName(current.rel.slice(current.rel.lastIndexOf('/') + 1));
        const text = applyFrontMatterEdits(current.text, [{ path: ['date'], value: frontMatterDate(when, site.config.zone) }], current.rel);
        return this.moveTo(site, current, postsFolderFor(current.rel), fileDate(when, site.config.zone), name.slug, name.ext, text, expectedHash);
      }
      if (!('published' in current.data)) throw new HanjiError('BAD_REQUEST', `${current.rel} is already published.`, { path: current.rel });
      await this.saveInPlace(site, current.target, current.rel, applyFrontMatterEdits(current.text, [{ path: ['published'], remove: true }], current.rel), expectedHash);
      return this.summaryOf(site, current.rel);
    });
  }

  async unpublishPost(input: string, expectedHash: string): Promise<PostSummary> {
    const site = this.requireSite();
    return this.changePost(site, input, expectedHash, async (current) => {
      if (classifyPostPath(current.rel) === 'draft') throw new HanjiError('BAD_REQUEST', `${current.rel} is a draft: Jekyll does not publish it anyway.`, { path: current.rel });
      await this.saveInPlace(site, current.target, current.rel, applyFrontMatterEdits(current.text, [{ path: ['published'], value: false }], current.rel), expectedHash);
      return this.summaryOf(site, current.rel);
    });
  }

  async searchPosts(query: string): Promise<PostMatch[]> {
    const site = this.requireSite();
    return findPosts({ root: site.info.root, posts: this.sortedPosts(site), stamp: (rel) => site.cache.stamp(rel), bodies: site.bodies }, query);
  }

  async saveRecovery(input: string, text: string, baseHash: string): Promise<void> {
    const site = this.requireSite();
    const { rel } = resolvePostPath(site.info.root, input);
    if (text.length > MAX_POST_CHARS) {
      throw new HanjiError('BAD_REQUEST', `The unsaved text of ${rel} is longer than a post may be (${MAX_POST_CHARS} characters), so no recovery copy was kept; shorten it or split it into two posts.`, { path: rel });
    }
    await this.recovery.save(site.info.root, { path: rel, text, baseHash, savedAt: new Date(this.now()).toISOString() });
  }

  async listRecovery(): Promise<RecoveryCopy[]> {
    const root = this.requireSite().info.root;
    const mark = this.recovery.mark();
    const copies: RecoveryCopy[] = [];
    for (const copy of await this.recovery.list(root)) {
      let abs: string;
      try {
        ({ abs } = resolvePostPath(root, copy.path));
      } catch {
        continue;
      }
      const diskHash = await fs.readFile(abs).then(hashBytes, () => null);
      // Text already on disk has nothing to recover: an undo back to the saved text, or a copy
      // kept while its save was in flight.
      if (diskHash === hashBytes(Buffer.from(copy.text, 'utf8'))) {
        // Not offered either way: a copy that could not be removed is only skipped again next time.
        await this.recovery.discardOlder(root, copy.path, mark).catch(() => undefined);
        continue;
      }
      copies.push({ ...copy, diskHash });
    }
    return copies.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
  }

  async discardRecovery(input: string): Promise<void> {
    const site = this.requireSite();
    await this.recovery.discard(site.info.root, resolvePostPath(site.info.root, input).rel);
  }

  async getRenderData(): Promise<SiteRenderData> {
    const site = this.requireSite();
    return loadRenderData(site.info.root, site.config);
  }

  async saveAsset(postPath: string, fileName: string, dataBase64: string): Promise<AssetResult> {
    const site = this.requireSite();
    const { rel } = resolvePostPath(site.info.root, postPath);
    const post = site.posts.get(rel);
    if (!post) throw new HanjiError('NOT_FOUND', `${rel} is not a post of this site; save it before adding images.`, { path: rel });
    // Refused before decoding: a caller without the contract's checks (the CLI, tests) could send any size.
    const decodedSize = Math.floor((dataBase64.length * 3) / 4) - (dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0);
    if (decodedSize > MAX_ASSET_BYTES) throw new HanjiError('BAD_REQUEST', assetTooLargeMessage(decodedSize));
    // Not a post: the watcher ignores it and no postsChanged event is due.
    return saveAssetFile(site.info.root, site.config, post.slug, fileName, Buffer.from(dataBase64, 'base64'), this.now());
  }

  async readAsset(input: string): Promise<ImageAsset> {
    return readAssetFile(this.requireSite().info.root, input);
  }

  /**
   * Run a change to an existing post under that file's save lock, after checking (under the lock)
   * that the file still has the hash the client read: a save or another change cannot slip in
   * between the check and the change.
   */
  private async changePost<T>(site: OpenSite, input: string, expectedHash: string, change: (current: PostForChange) => Promise<T>): Promise<T> {
    const { abs } = resolvePostPath(site.info.root, input);
    const target = await fs.realpath(abs).catch(() => abs);
    return this.fileQueue.run(target, async () => change({ ...(await this.readForChange(site, input, expectedHash)), target }));
  }

  /** Read a post that is about to change, refusing it if it changed since the client read it. */
  private async readForChange(site: OpenSite, input: string, expectedHash: string): Promise<{ abs: string; rel: string; text: string; data: Record<string, unknown> }> {
    const doc = await this.readPost(input);
    if (doc.hash !== expectedHash) {
      throw new HanjiError('CONFLICT', `${doc.path} changed on disk since it was opened. Reload it before renaming, moving or deleting it.`, { path: doc.path });
    }
    const { abs } = resolvePostPath(site.info.root, doc.path);
    return { abs, ...this.withData(doc.path, doc.text) };
  }

  /** A post's text with its front-matter data; INVALID_FRONT_MATTER (with the line) when it cannot be read. */
  private withData(rel: string, text: string): { rel: string; text: string; data: Record<string, unknown> } {
    const doc = { path: rel, text };
    const block = splitFrontMatter(doc.text);
    let data: Record<string, unknown> = {};
    if (block) {
      try {
        data = parseFrontMatterYaml(block.yaml);
      } catch (error) {
        const p = error as YamlProblem;
        throw new HanjiError('INVALID_FRONT_MATTER', `${doc.path}: invalid front matter: ${p.message}. Fix it before this change.`, {
          path: doc.path,
          ...(p.line !== null ? { line: block.firstLine + p.line } : {}),
          ...(p.column !== null ? { column: p.column + 1 } : {}),
        });
      }
    }
    return { rel: doc.path, text: doc.text, data };
  }

  /** Write `text` as a new file (a free name from slug) and remove the old one: a rename or a move. */
  private async moveTo(site: OpenSite, current: { abs: string; rel: string }, folder: string, date: string | null, slug: string, ext: string, text: string, expectedHash: string): Promise<PostSummary> {
    const rel = await this.createUnique(site, folder, date, slug, ext, text);
    await this.finishMove(site, current, rel, expectedHash);
    this.announce(site, [
      { path: current.rel, kind: 'deleted' },
      { path: rel, kind: 'created' },
    ]);
    return this.summaryOf(site, rel);
  }

  /** The second half of a move, once `rel` holds the new bytes: remove the old file, unless it changed meanwhile (then `rel` goes instead, and CONFLICT). */
  private async finishMove(site: OpenSite, current: { abs: string; rel: string }, rel: string, expectedHash: string): Promise<void> {
    // Another program may have written the old file meanwhile: never remove what we did not read.
    const still = await fs.readFile(current.abs).then(hashBytes, () => null);
    if (still !== expectedHash) {
      await fs.unlink(resolvePostPath(site.info.root, rel).abs).catch(() => undefined);
      this.ownWrites.delete(rel);
      throw new HanjiError('CONFLICT', `${current.rel} changed on disk during the change; nothing was moved.`, { path: current.rel });
    }
    try {
      await fs.unlink(current.abs);
    } catch (error) {
      throw new HanjiError('IO', `Created ${rel} but could not remove ${current.rel} (${(error as NodeJS.ErrnoException).code ?? 'error'}); both now exist.`, { path: current.rel });
    }
  }

  /** Create a file named from date and slug, adding `-2`, `-3`… when the name is taken. */
  private async createUnique(site: OpenSite, folder: string, date: string | null, slug: string, ext: string, text: string): Promise<string> {
    const bytes = Buffer.from(text, 'utf8');
    for (let n = 1; n < 1000; n++) {
      const candidate = postPath(folder, date, n === 1 ? slug : `${slug}-${n}`, ext);
      const { abs, rel } = resolvePostPath(site.info.root, candidate);
      try {
        await createFileExclusive(abs, bytes);
        this.ownWrites.set(rel, hashBytes(bytes));
        return rel;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new HanjiError('IO', `Could not create ${rel} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { path: rel });
        }
      }
    }
    throw new HanjiError('CONFLICT', `Every name for "${slug}" in ${folder} is taken.`);
  }

  /** Update the index for changed files and tell the clients, with the new hashes. */
  private announce(site: OpenSite, changes: { path: string; kind: PostChange['kind'] }[]): void {
    this.emitChanges(site, this.indexChanges(site, changes));
  }

  /** Update the index for changed files; returns the changes to announce, with the new hashes. */
  private indexChanges(site: OpenSite, changes: { path: string; kind: PostChange['kind'] }[]): ChangeWithoutPost[] {
    return changes.map(({ path: rel, kind }) => {
      if (kind === 'deleted' || !this.refreshPost(site, rel)) {
        site.posts.delete(rel);
        site.cache.delete(rel);
        site.bodies.delete(rel);
        return { path: rel, kind: 'deleted', hash: null };
      }
      return { path: rel, kind, hash: this.ownWrites.get(rel) ?? null };
    });
  }

  /** Tell the clients, with each post's new summary so a list of 10,000 posts need not be fetched again. */
  private emitChanges(site: OpenSite, changes: ChangeWithoutPost[]): void {
    const withPosts = changes.map((c): PostChange => {
      const facts = c.kind === 'deleted' ? undefined : site.posts.get(c.path);
      return { ...c, post: facts ? toSummary(facts) : null };
    });
    this.events.emit('postsChanged', { changes: withPosts });
  }

  private summaryOf(site: OpenSite, rel: string): PostSummary {
    const facts = site.posts.get(rel);
    if (!facts) throw new HanjiError('INTERNAL', `${rel} was written but could not be indexed.`, { path: rel });
    return toSummary(facts);
  }

  /** A date typed by the user, in the site's zone; now when absent. */
  private userDate(site: OpenSite, date: string | undefined): number {
    if (date === undefined) return this.now();
    try {
      return parseRubyTime(date, site.config.zone);
    } catch {
      throw new HanjiError('BAD_REQUEST', `"${date}" is not a date: use YYYY-MM-DD or YYYY-MM-DD HH:MM.`);
    }
  }

  /** The layout new posts get: the one most recent posts name, unless the site's defaults already set one. */
  private usualLayout(site: OpenSite): string | null {
    if (typeof defaultsFor(site.config.defaults, '_posts/new.md', 'posts')['layout'] === 'string') return null;
    const counts = new Map<string, number>();
    for (const post of this.sortedPosts(site).slice(0, 100)) {
      try {
        const block = splitFrontMatter(readFileSync(path.join(site.info.root, ...post.path.split('/')), 'utf8'));
        const layout = block ? parseFrontMatterYaml(block.yaml)['layout'] : undefined;
        if (typeof layout === 'string') counts.set(layout, (counts.get(layout) ?? 0) + 1);
      } catch {
        // An unreadable post does not vote.
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
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

  /** Build the index again; null when a newer build started meanwhile, else the posts changed during it. */
  private async reindex(site: OpenSite): Promise<string[] | null> {
    const generation = ++site.generation;
    site.touched.clear();
    const index = await buildIndex(site.info.root, site.config, site.cache, this.now(), this.options.onIndexProgress);
    if (generation !== site.generation) return null;
    this.useIndex(site, index);
    // The build may have listed these before they changed: read them again.
    const touched = [...site.touched];
    for (const rel of touched) if (!this.refreshPost(site, rel)) site.posts.delete(rel);
    site.touched.clear();
    await sweepOrphans(index.tempFiles, this.now());
    // Writing the cache waits until the site is open and shown.
    setTimeout(() => void site.cache.save(), 1000).unref();
    return touched;
  }

  private useIndex(site: OpenSite, index: SiteIndex): void {
    site.posts = new Map(index.posts.map((p) => [p.path, p]));
    site.bodies.retain(site.posts);
    site.ignored = index.ignored;
    site.problems = index.problems;
  }

  /** Check a site listed from the cache against its files, and report what differs. */
  private async revalidate(site: OpenSite): Promise<void> {
    // Let the open finish and the list reach the client first: scanning starts synchronously.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const before = site.posts;
    let touched: string[] | null;
    try {
      touched = await this.reindex(site);
    } catch (error) {
      console.warn(`hanji: could not check ${site.info.root} against the cache`, error);
      return;
    }
    if (this.site !== site || touched === null) return;
    // Posts saved or seen by the watcher meanwhile were announced already.
    const announced = new Set(touched);
    const changes: ChangeWithoutPost[] = [];
    for (const [rel, facts] of site.posts) {
      if (announced.has(rel)) continue;
      const old = before.get(rel);
      if (!old) changes.push({ path: rel, kind: 'created', hash: null });
      else if (JSON.stringify(old) !== JSON.stringify(facts)) changes.push({ path: rel, kind: 'changed', hash: null });
    }
    for (const rel of before.keys()) if (!site.posts.has(rel) && !announced.has(rel)) changes.push({ path: rel, kind: 'deleted', hash: null });
    if (changes.length > 0) this.emitChanges(site, changes);
  }

  /** Re-read one post into the index after it changed; false when it is gone or no longer a post. */
  private refreshPost(site: OpenSite, rel: string): boolean {
    const kind = classifyPostPath(rel);
    if (!kind) return false;
    site.touched.add(rel);
    // A same-size rewrite within the mtime granularity keeps the stamp: never trust the old body.
    site.bodies.delete(rel);
    const file = { rel, abs: path.join(site.info.root, ...rel.split('/')), draft: kind === 'draft' };
    const result = indexFile(file, site.config, rulesKey(site.config), site.cache, this.now(), true, true);
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
    if (changes.some((c) => /(^|\/)_layouts\//u.test(c.rel))) {
      const layouts = siteLayouts(site.info.root, site.config);
      if (JSON.stringify(layouts) !== JSON.stringify(site.info.layouts)) {
        site.info = { ...site.info, layouts };
        this.events.emit('siteChanged', site.info);
      }
    }
    const reported: ChangeWithoutPost[] = [];
    for (const change of changes) {
      if (!classifyPostPath(change.rel)) continue;
      const abs = path.join(site.info.root, ...change.rel.split('/'));
      const exists = change.kind !== 'deleted' && this.refreshPost(site, change.rel);
      if (!exists) {
        site.posts.delete(change.rel);
        site.cache.delete(change.rel);
        site.bodies.delete(change.rel);
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
    if (reported.length > 0) this.emitChanges(site, reported);
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



  async gitStatus(): Promise<GitStatus> {
    return this.withGit((git) => git.status());
  }

  async gitDiff(path: string): Promise<string> {
    return this.withGit((git) => git.diff(path));
  }

  async gitCommit(paths: string[], message: string): Promise<GitCommitResult> {
    return this.withGit((git) => git.commit(paths, message));
  }

  async gitPull(mode: GitPullMode): Promise<GitStatus> {
    return this.withGit((git) => git.pull(mode));
  }

  async gitPush(): Promise<GitStatus> {
    return this.withGit((git) => git.push());
  }

  async gitPrePushCheck(): Promise<PrePushReport> {
    const report = await this.getIndex({});
    const pushed = await this.withGit((git) => git.filesToPush());
    return { problems: await prePushProblems(report.site.root, report, pushed) };
  }

  async gitInit(): Promise<GitStatus> {
    return this.withGit((git) => git.init());
  }

  async gitSetRemote(url: string): Promise<GitStatus> {
    return this.withGit((git) => git.setRemote(url));
  }

  async exportPosts(target: string, posts: string[], mapping: ExportMapping): Promise<ExportResult> {
    const site = this.requireSite();
    const source = { root: site.info.root, baseurl: site.info.baseurl, titleOf: (rel: string) => site.posts.get(rel)?.title ?? null };
    return this.gitQueue.run(site.info.root, () => exportPosts(source, target, posts, mapping, this.options.git));
  }

  /** Run a git operation on the open site after the ones before it. */
  private withGit<T>(task: (git: SiteGit) => Promise<T>): Promise<T> {
    const root = this.requireSite().info.root;
    const git = new SiteGit(root, this.options.git, (operation, p) => this.events.emit('gitProgress', { operation, stage: p.stage, progress: p.progress }));
    return this.gitQueue.run(root, () => task(git));
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
  return { root, title: config.title || path.basename(root), url: config.url, baseurl: config.baseurl, timezone: config.timezone, permalink: config.permalink, layouts: siteLayouts(root, config) };
}

function toSummary(p: PostFacts): PostSummary {
  return { path: p.path, status: p.status, title: p.title, date: p.date, slug: p.slug, id: p.id, url: p.url, tags: p.tags, categories: p.categories, layout: p.layout, problems: p.problems };
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

/** The folders of site-relative `file` that do not exist yet, deepest first, site-relative. */
function missingFolders(root: string, file: string): string[] {
  const parts = file.split('/');
  const missing: string[] = [];
  for (let i = parts.length - 1; i >= 1 && !existsSync(path.join(root, ...parts.slice(0, i))); i--) missing.push(parts.slice(0, i).join('/'));
  return missing;
}

/** Remove these site-relative folders, deepest first, where they are empty; a folder something else now uses stays. */
async function removeEmptyFolders(root: string, folders: readonly string[]): Promise<void> {
  const deepestFirst = [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) await fs.rmdir(path.join(root, ...folder.split('/'))).catch(() => undefined);
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
