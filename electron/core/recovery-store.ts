import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';
import { TEMP_PREFIX, TEMP_SUFFIX, writeFileAtomic } from './atomic-write';
import { KeyedQueue } from './keyed-queue';

/** A recovery copy as kept: the disk hash is looked up when the copies are listed. */
export interface StoredCopy {
  /** Site-relative NFC path, already confined by the caller. */
  path: string;
  text: string;
  baseHash: string;
  savedAt: string;
}

/** Kept in every file so that a copy is never offered for another site or from another format. */
interface CopyFile extends StoredCopy {
  version: typeof VERSION;
  root: string;
}

const VERSION = 1;
const HASH = /^[0-9a-f]{64}$/u;
/** Temp files older than this were left by a crash, not by a save in progress. */
const ORPHAN_AGE_MS = 60_000;

/**
 * Unsaved editor text, one copy per post, kept outside every site: in a folder (one subfolder per
 * site, named by the hash of its root; one file per post, named by the hash of its path, mode
 * 0600, written atomically) or, without a folder, in memory for the life of the process.
 * Operations on one post run in the order they were called, so a late save never lands after the
 * discard that followed it.
 */
export class RecoveryStore {
  private readonly memory = new Map<string, Map<string, StoredCopy>>();
  private readonly queue = new KeyedQueue();
  /** Counts saves; a save's number says whether it came before or after a `mark()`. */
  private sequence = 0;
  /** The number of the last save of each copy kept by this process. */
  private readonly lastSave = new Map<string, number>();

  constructor(private readonly dir: string | null) {}

  /** A point in the order of saves: `discardOlder` keeps the copies saved after it. */
  mark(): number {
    return this.sequence;
  }

  /** Keep `copy` as the recovery copy of its post, replacing the previous one. */
  async save(root: string, copy: StoredCopy): Promise<void> {
    const number = ++this.sequence;
    const key = this.key(root, copy.path);
    await this.queue.run(key, async () => {
      if (this.dir === null) {
        this.siteCopies(root).set(copy.path, copy);
      } else {
        const file: CopyFile = { version: VERSION, root, ...copy };
        try {
          await fs.mkdir(this.siteFolder(root), { recursive: true, mode: 0o700 });
          await writeFileAtomic(this.fileFor(root, copy.path), Buffer.from(JSON.stringify(file), 'utf8'), 0o600);
        } catch (error) {
          throw new HanjiError('IO', `Could not keep a recovery copy of ${copy.path} in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Save the post to keep your text.`, { path: copy.path });
        }
      }
      this.lastSave.set(key, number);
    });
  }

  /** Every copy kept for the site at `root`; unreadable or foreign files are skipped. */
  async list(root: string): Promise<StoredCopy[]> {
    if (this.dir === null) return [...(this.memory.get(root)?.values() ?? [])];
    const folder = this.siteFolder(root);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const copies: StoredCopy[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) await removeIfOrphan(file);
      if (!name.endsWith('.json')) continue;
      const copy = await readCopy(file, root);
      if (copy) copies.push(copy);
    }
    return copies;
  }

  /** Forget the copy of `rel`, unless it was saved after `mark` (see `mark()`). */
  async discardOlder(root: string, rel: string, mark: number): Promise<void> {
    const key = this.key(root, rel);
    await this.queue.run(key, async () => {
      if ((this.lastSave.get(key) ?? 0) > mark) return;
      await this.remove(root, rel);
      this.lastSave.delete(key);
    });
  }

  /** Forget the copy of `rel`, if there is one. */
  async discard(root: string, rel: string): Promise<void> {
    await this.discardOlder(root, rel, Infinity);
  }

  private async remove(root: string, rel: string): Promise<void> {
    if (this.dir === null) {
      this.memory.get(root)?.delete(rel);
      return;
    }
    try {
      await fs.unlink(this.fileFor(root, rel));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new HanjiError('IO', `Could not remove the recovery copy of ${rel} (${code ?? 'error'}).`, { path: rel });
    }
  }

  private siteCopies(root: string): Map<string, StoredCopy> {
    let copies = this.memory.get(root);
    if (!copies) {
      copies = new Map();
      this.memory.set(root, copies);
    }
    return copies;
  }

  private siteFolder(root: string): string {
    return path.join(this.dir ?? '', `site-${shortHash(root)}`);
  }

  private fileFor(root: string, rel: string): string {
    return path.join(this.siteFolder(root), `${shortHash(rel)}.json`);
  }

  private key(root: string, rel: string): string {
    return `${root}\0${rel}`;
  }


}

/** 96 bits of SHA-256: unique enough for file names, short enough for every file system. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

async function readCopy(file: string, root: string): Promise<StoredCopy | null> {
  let raw: Partial<CopyFile>;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<CopyFile>;
  } catch {
    return null;
  }
  const { version, path: rel, text, baseHash, savedAt } = raw;
  if (version !== VERSION || raw.root !== root || typeof rel !== 'string' || typeof text !== 'string') return null;
  const savedMs = typeof savedAt === 'string' ? Date.parse(savedAt) : NaN;
  if (typeof baseHash !== 'string' || !HASH.test(baseHash) || Number.isNaN(savedMs)) return null;
  return { path: rel, text, baseHash, savedAt: new Date(savedMs).toISOString() };
}

async function removeIfOrphan(file: string): Promise<void> {
  try {
    if (Date.now() - (await fs.stat(file)).mtimeMs > ORPHAN_AGE_MS) await fs.unlink(file);
  } catch {
    // Gone already: nothing to sweep.
  }
}
