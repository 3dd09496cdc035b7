import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteApi } from '../../shared/contract/api';
import { HanjiError } from '../../shared/contract/result';
import { parsePostFilename, titleizeSlug } from '../../shared/jekyll/post-filename';
import type { PostDocument, PostSummary, SiteInfo, WriteResult } from '../../shared/model/site';
import { EventBus } from '../../shared/rpc/emitter';
import { writeFileAtomic } from './atomic-write';
import { readFrontMatter } from './front-matter';
import { scanPostFiles } from './post-scan';
import { readSiteInfo } from './site-config';
import { resolvePostPath } from './site-paths';

/** SHA-256 of a file's bytes, hex: the version stamp a save must match. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The engine behind every face: one open site, its posts, and safe reads and writes.
 * It never imports `electron`, so the CLI, the browser mode and the tests run it in plain Node.
 */
export class SiteService implements SiteApi {
  /** Engine events; each transport forwards them to its clients. */
  readonly events = new EventBus();
  private site: SiteInfo | null = null;
  /** The save in flight per file: a second save waits, so its hash check sees the first one's result. */
  private readonly saving = new Map<string, Promise<unknown>>();

  async openSite(root: string): Promise<SiteInfo> {
    if (!path.isAbsolute(root)) throw new HanjiError('BAD_REQUEST', `Open a site by its absolute folder path, not "${root}".`);
    const abs = path.resolve(root);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new HanjiError('NOT_FOUND', `The folder ${abs} does not exist.`);
    if (!stat.isDirectory()) throw new HanjiError('BAD_REQUEST', `${abs} is a file; choose the site's folder.`);
    this.site = readSiteInfo(abs);
    this.events.emit('siteChanged', this.site);
    return this.site;
  }

  async getSite(): Promise<SiteInfo | null> {
    return this.site;
  }

  async listPosts(): Promise<PostSummary[]> {
    const site = this.requireSite();
    const posts = await Promise.all(
      scanPostFiles(site.root).map(async (file): Promise<PostSummary> => {
        const name = parsePostFilename(file.rel);
        const slug = name?.slug ?? path.basename(file.rel, path.extname(file.rel));
        let title = titleizeSlug(slug);
        try {
          const data = readFrontMatter(await fs.readFile(file.abs, 'utf8'), file.rel);
          if (typeof data['title'] === 'string' && data['title'].trim() !== '') title = data['title'];
        } catch {
          // A post with broken front matter is still listed by its file name; opening it shows the error.
        }
        return { path: file.rel, title, date: name ? padDate(name.date) : null, status: file.draft ? 'draft' : 'published' };
      }),
    );
    return posts.sort((a, b) => (b.date ?? '9999').localeCompare(a.date ?? '9999') || a.path.localeCompare(b.path));
  }

  async readPost(input: string): Promise<PostDocument> {
    const { abs, rel } = resolvePostPath(this.requireSite().root, input);
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
    const { abs, rel } = resolvePostPath(this.requireSite().root, input);
    // Through a symlink, replace the file it points to (already confined by resolvePostPath), not the link.
    const target = await fs.realpath(abs).catch(() => abs);
    const result = await this.serialized(target, () => this.replaceFile(target, rel, text, expectedHash));
    this.events.emit('postChanged', { path: rel, kind: 'changed', hash: result.hash });
    return result;
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

  private requireSite(): SiteInfo {
    if (!this.site) throw new HanjiError('NO_SITE', 'No site is open. Open a Jekyll site folder first.');
    return this.site;
  }
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

/** `2025-4-5` → `2025-04-05`; a 2-digit year is read as 20xx, as Ruby's Time.parse does. */
function padDate(date: string): string {
  const [y = '', m = '', d = ''] = date.split('-');
  const year = y.length === 2 ? `20${y}` : y.padStart(4, '0');
  return `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
