import { promises as fs, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeFileAtomic, writeFileAtomicBulk, type WriteFs } from '../../../../electron/core/atomic-write';
import { tempDir } from '../../../helpers/temp-site';

const temp = tempDir();
afterAll(() => temp.dispose());

/** A file system whose writes store at most `perCall` bytes per call and stop after `capacity` bytes. */
function limitedFs(perCall: number, capacity: number): WriteFs {
  let written = 0;
  return {
    rename: fs.rename,
    unlink: fs.unlink,
    async open(file, flags, mode) {
      const handle = await fs.open(file, flags, mode);
      const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(handle, {
        async write(buffer: Uint8Array, offset: number, length: number) {
          const n = Math.max(0, Math.min(length, perCall, capacity - written));
          if (n === 0) return { bytesWritten: 0, buffer };
          written += n;
          return write(buffer, offset, n);
        },
      });
    },
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its mode', async () => {
    const file = path.join(temp.dir, 'mode.md');
    writeFileSync(file, 'old', { mode: 0o640 });
    await writeFileAtomic(file, Buffer.from('새 글'), 0o640);
    expect(readFileSync(file, 'utf8')).toBe('새 글');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('finishes a save made of many short writes', async () => {
    const file = path.join(temp.dir, 'short.md');
    writeFileSync(file, 'old');
    const data = Buffer.from('가나다라마바사'.repeat(1000));
    await writeFileAtomic(file, data, 0o644, limitedFs(7, Infinity));
    expect(readFileSync(file).equals(data)).toBe(true);
  });

  it('leaves the original intact and no temp file behind when the disk fills up', async () => {
    const dir = path.join(temp.dir, 'full');
    await fs.mkdir(dir);
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'original text');
    const error = await writeFileAtomic(file, Buffer.alloc(10_000, 'x'), 0o644, limitedFs(1024, 4096)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('original text');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('saves a file whose Hangul name is close to the 255-byte limit, with a temp file Jekyll skips', async () => {
    const dir = path.join(temp.dir, 'long');
    await fs.mkdir(dir);
    const name = `2025-01-01-${'가'.repeat(78)}.md`; // 248 bytes
    expect(Buffer.byteLength(name)).toBe(248);
    const file = path.join(dir, name);
    writeFileSync(file, 'old');
    const seen: string[] = [];
    const spying: WriteFs = { ...limitedFs(Infinity, Infinity), rename: async (from, to) => (seen.push(path.basename(String(from))), fs.rename(from, to)) };
    await writeFileAtomic(file, Buffer.from('new'), 0o644, spying);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(seen[0]?.startsWith(TEMP_PREFIX) && TEMP_PREFIX.startsWith('.')).toBe(true);
  });
});

describe('writeFileAtomicBulk', () => {
  it('replaces the file, keeps a mode the umask would clear, and leaves no temp file', async () => {
    const dir = path.join(temp.dir, 'bulk');
    await fs.mkdir(dir);
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'old');
    await fs.chmod(file, 0o666);
    await writeFileAtomicBulk(file, Buffer.from('새 글'), 0o666);
    expect(readFileSync(file, 'utf8')).toBe('새 글');
    expect(statSync(file).mode & 0o777).toBe(0o666);
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('removes its temp file when the rename fails', async () => {
    const dir = path.join(temp.dir, 'bulk-fail');
    await fs.mkdir(path.join(dir, 'post.md'), { recursive: true });
    writeFileSync(path.join(dir, 'post.md', 'inside'), 'x');
    await expect(writeFileAtomicBulk(path.join(dir, 'post.md'), Buffer.from('x'), 0o644)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['post.md']);
  });
});
