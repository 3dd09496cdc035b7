import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX, TEMP_SUFFIX, writeFileAtomic } from './atomic-write';

/**
 * Create a file that must not exist yet, atomically: write a temp file beside it (all bytes,
 * fsync), then hard-link it into place, which fails instead of replacing a file that appeared
 * meanwhile. Throws EEXIST in that case.
 */
export async function createFileExclusive(target: string, data: Uint8Array, mode = 0o644): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  // writeFileAtomic gives the temp file its full, verified, synced content.
  await writeFileAtomic(temp, data, mode);
  try {
    await fs.link(temp, target);
  } catch (error) {
    // exFAT, FAT and many network shares have no hard links: create the file exclusively instead.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await writeNewFile(target, data, mode);
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** `open(O_CREAT|O_EXCL)`, write every byte, fsync; a failed write removes the half-made file. */
async function writeNewFile(target: string, data: Uint8Array, mode: number): Promise<void> {
  const handle = await fs.open(target, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(target).catch(() => undefined);
    throw error;
  }
}

/** Moves a file out of the way so it can be restored; the desktop app uses the OS trash instead. */
export type Trash = (abs: string) => Promise<void>;

/** A trash that moves files into `dir`, each under a time-stamped name so nothing is overwritten. */
export function folderTrash(dir: string): Trash {
  return async (abs) => {
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/gu, '-');
    const target = path.join(dir, `${stamp}-${randomBytes(3).toString('hex')}-${path.basename(abs)}`);
    try {
      await fs.rename(abs, target);
    } catch (error) {
      // Another file system: copy, then remove.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await fs.copyFile(abs, target);
      await fs.unlink(abs);
    }
  };
}
