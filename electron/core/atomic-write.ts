import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fstatSync, fsync, openSync, promises as fs, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Prefix of temp files; it starts with `.` so Jekyll and the post scan never read one as a post. */
export const TEMP_PREFIX = '.hanji-';
/** Suffix of temp files, so a sweep can find orphans left by a crash. */
export const TEMP_SUFFIX = '.tmp';

/** The file system calls a save needs; tests replace `write` to simulate a full disk. */
export interface WriteFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const realFs: WriteFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/**
 * Replace `target` with `data` so that a reader sees either the old or the new file, never a mix:
 * write a temp file beside it, check every byte was written, fsync, rename over, fsync the folder.
 * On any failure the temp file is removed and the original is untouched.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, mode: number, io: WriteFs = realFs): Promise<void> {
  const dir = path.dirname(target);
  // A short name: the target's own name may already be near the 255-byte limit (long Hangul titles).
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await io.open(temp, 'wx', mode);
  try {
    let offset = 0;
    while (offset < data.length) {
      // A short write is not an error in POSIX; loop, and treat "no progress" as a full disk.
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== data.length) throw Object.assign(new Error(`wrote ${size} of ${data.length} bytes`), { code: 'EIO' });
    await handle.chmod(mode);
    await handle.close();
    await io.rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/**
 * fsync a folder so the rename itself survives a power loss. The new file is already in place, so
 * a failure here is logged, not reported as a failed save. Windows cannot open folders: skipped.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    console.warn(`hanji: could not fsync ${dir} after a save`, error);
  }
}

/**
 * writeFileAtomic for bulk edits: the same steps without the folder's fsync (the caller syncs each
 * folder once, see syncFolder), and every step but the file's fsync done synchronously. Those steps
 * take microseconds on the page cache; the fsync is the one that waits for the disk, so it alone
 * goes to the thread pool, where it would otherwise hold up the quick calls queued behind it.
 */
export async function writeFileAtomicBulk(target: string, data: Uint8Array, mode: number): Promise<void> {
  const temp = path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  const fd = openSync(temp, 'wx', mode);
  let open = true;
  try {
    let offset = 0;
    while (offset < data.length) {
      const written = writeSync(fd, data, offset, data.length - offset);
      if (written <= 0) throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
      offset += written;
    }
    await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
    const { size } = fstatSync(fd);
    if (size !== data.length) throw Object.assign(new Error(`wrote ${size} of ${data.length} bytes`), { code: 'EIO' });
    // open() applied the umask: give the file its old mode back.
    fchmodSync(fd, mode);
    closeSync(fd);
    open = false;
    renameSync(temp, target);
  } catch (error) {
    if (open) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
