import { describe, expect, it } from 'vitest';
import { HanjiError } from '../../../../../shared/contract/result';
import type { ImageAsset } from '../../../../../shared/model/site';
import { ImageUrlCache } from '../../../../../renderer/features/preview/image-cache';

/** A source whose loads the test settles by hand, recording every URL made and revoked. */
function fakeSource() {
  const pending = new Map<string, { resolve(asset: ImageAsset): void; reject(error: unknown): void }[]>();
  const loads: string[] = [];
  const made: string[] = [];
  const revoked: string[] = [];
  return {
    loads,
    made,
    revoked,
    source: {
      load(path: string) {
        loads.push(path);
        return new Promise<ImageAsset>((resolve, reject) => pending.set(path, [...(pending.get(path) ?? []), { resolve, reject }]));
      },
      createUrl(asset: ImageAsset) {
        const url = `blob:${asset.path}#${made.length}`;
        made.push(url);
        return url;
      },
      revokeUrl(url: string) {
        revoked.push(url);
      },
    },
    /** Answer the oldest load of `path` with an image of `bytes` bytes (4 base64 characters per 3). */
    async answer(path: string, bytes = 3) {
      pending.get(path)?.shift()?.resolve({ path, mime: 'image/png', dataBase64: 'A'.repeat((bytes / 3) * 4) });
      await Promise.resolve();
    },
    async fail(path: string) {
      pending.get(path)?.shift()?.reject(new HanjiError('NOT_FOUND', `${path} is not in the site folder.`));
      await Promise.resolve();
    },
  };
}

describe('ImageUrlCache', () => {
  it('loads a path once for all its users, and keeps it for a later use', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source);
    const a = cache.acquire('assets/a.png');
    const b = cache.acquire('assets/a.png');
    await fake.answer('assets/a.png');
    expect(await a.url).toBe('blob:assets/a.png#0');
    expect(await b.url).toBe('blob:assets/a.png#0');
    a.release();
    b.release();
    // A paragraph rendered again shows the same image: no new load.
    expect(await cache.acquire('assets/a.png').url).toBe('blob:assets/a.png#0');
    expect(fake.loads).toEqual(['assets/a.png']);
    expect(fake.revoked).toEqual([]);
  });

  it('revokes the oldest unused images once more than the idle budget is kept, never one in use', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source, 6);
    const shown = cache.acquire('shown.png');
    await fake.answer('shown.png', 30);
    for (const name of ['a.png', 'b.png', 'c.png']) {
      const handle = cache.acquire(name);
      await fake.answer(name, 3);
      await handle.url;
      handle.release();
    }
    expect(fake.revoked).toEqual(['blob:a.png#1']);
    await cache.acquire('b.png').url;
    expect(fake.loads).toEqual(['shown.png', 'a.png', 'b.png', 'c.png']);
    expect(await shown.url).toBe('blob:shown.png#0');
  });

  it('revokes an image that finishes loading after its last user left and does not fit', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source, 0);
    cache.acquire('a.png').release();
    await fake.answer('a.png');
    expect(fake.revoked).toEqual(['blob:a.png#0']);
  });

  it('shares a failure while it is shown, and tries again once nobody shows it', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source);
    const first = cache.acquire('missing.png');
    await fake.fail('missing.png');
    await expect(first.url).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const second = cache.acquire('missing.png');
    await expect(second.url).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fake.loads).toEqual(['missing.png']);
    first.release();
    second.release();
    void cache.acquire('missing.png');
    expect(fake.loads).toEqual(['missing.png', 'missing.png']);
  });

  it('after invalidate, loads again for new users and keeps the old URL valid until its users leave', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source);
    const idle = cache.acquire('idle.png');
    const shown = cache.acquire('shown.png');
    await fake.answer('idle.png');
    await fake.answer('shown.png');
    idle.release();
    cache.invalidate();
    expect(fake.revoked).toEqual(['blob:idle.png#0']);
    const fresh = cache.acquire('shown.png');
    await fake.answer('shown.png');
    expect(await fresh.url).toBe('blob:shown.png#2');
    shown.release();
    shown.release();
    expect(fake.revoked).toEqual(['blob:idle.png#0', 'blob:shown.png#1']);
    expect(await cache.acquire('shown.png').url).toBe('blob:shown.png#2');
  });

  it('revokes every URL on dispose, and any that arrives later', async () => {
    const fake = fakeSource();
    const cache = new ImageUrlCache(fake.source);
    const a = cache.acquire('a.png');
    void cache.acquire('late.png');
    await fake.answer('a.png');
    await a.url;
    cache.dispose();
    await fake.answer('late.png');
    expect(fake.revoked.sort()).toEqual(['blob:a.png#0', 'blob:late.png#1']);
  });
});
