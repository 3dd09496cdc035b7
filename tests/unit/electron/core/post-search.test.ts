import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyCache } from '../../../../electron/core/post-search';
import { SiteService } from '../../../../electron/core/site-service';
import { MAX_SEARCH_RESULTS } from '../../../../shared/contract/schemas';
import { tempDir } from '../../../helpers/temp-site';

describe('searchPosts', () => {
  let temp: ReturnType<typeof tempDir>;
  let root: string;
  let service: SiteService;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const paths = async (query: string) => (await service.searchPosts(query)).map((m) => m.path);

  beforeEach(() => {
    temp = tempDir();
    root = path.join(temp.dir, 'site');
    mkdirSync(path.join(root, '_posts'), { recursive: true });
    service = new SiteService();
  });
  afterEach(async () => {
    await service.close();
    temp.dispose();
  });

  it(`returns the ${MAX_SEARCH_RESULTS} newest matches`, async () => {
    for (let day = 0; day < MAX_SEARCH_RESULTS + 10; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      write(`_posts/${date}-post.md`, `---\ntitle: 글 ${day}\n---\n공통 본문\n`);
    }
    await service.openSite(root);
    const newest = (await service.listPosts()).slice(0, MAX_SEARCH_RESULTS).map((p) => p.path);
    expect(await paths('공통')).toEqual(newest);
  });

  it('searches bodies from memory while the index sees the same files', async () => {
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n기억된 본문\n');
    await service.openSite(root);
    expect(await paths('기억된')).toEqual(['_posts/2025-01-01-a.md']);
    // Gone without the index knowing (no watcher): only the body kept in memory can still match.
    rmSync(path.join(root, '_posts/2025-01-01-a.md'));
    expect(await paths('기억된')).toEqual(['_posts/2025-01-01-a.md']);
  });

  it('reads a body again once the index sees that another program changed the file', async () => {
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n예전 본문\n');
    await service.openSite(root);
    expect(await paths('예전')).toEqual(['_posts/2025-01-01-a.md']);
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n바뀐 새 본문\n');
    await service.openSite(root);
    expect(await paths('예전')).toEqual([]);
    expect(await paths('바뀐')).toEqual(['_posts/2025-01-01-a.md']);
  });

  it('sees a change reported by the watcher', async () => {
    service = new SiteService({ watch: true });
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n예전 본문\n');
    await service.openSite(root);
    expect(await paths('예전')).toEqual(['_posts/2025-01-01-a.md']);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the watcher finish its initial scan
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n바뀐 본문\n');
    await expect.poll(() => paths('바뀐'), { timeout: 5000 }).toEqual(['_posts/2025-01-01-a.md']);
    expect(await paths('예전')).toEqual([]);
  });

  it('sees a rewrite that keeps the size and the modification time', async () => {
    service = new SiteService({ watch: true });
    const file = path.join(root, '_posts/2025-01-01-a.md');
    write('_posts/2025-01-01-a.md', '---\ntitle: a\n---\n예전 본문\n');
    // Whole seconds: a time read back from a nanosecond file system would not round-trip.
    const mtime = new Date('2025-01-01T00:00:00Z');
    utimesSync(file, mtime, mtime);
    await service.openSite(root);
    expect(await paths('예전')).toEqual(['_posts/2025-01-01-a.md']);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the watcher finish its initial scan
    // Same bytes long, and stamped back: only the watcher's report says the body changed.
    write('_posts/2025-01-01-a.md', '---\ntitle: b\n---\n바뀐 본문\n');
    utimesSync(file, mtime, mtime);
    await expect.poll(async () => (await service.listPosts())[0]?.title, { timeout: 5000 }).toBe('b');
    expect(await paths('예전')).toEqual([]);
    expect(await paths('바뀐')).toEqual(['_posts/2025-01-01-a.md']);
  });

  it.each([
    ['a post file', '_posts/2025-01-01-a.md', '_posts/2025-01-01-a.md', 'outside.md'],
    ['a post folder', '_drafts', '_drafts/a.md', 'outside-drafts'],
  ])('never reads through %s replaced by a link out of the site', async (_what, replaced, post, target) => {
    write(post, '---\ntitle: a\n---\n안쪽 본문\n');
    await service.openSite(root);
    const outside = path.join(temp.dir, target);
    if (target.endsWith('.md')) writeFileSync(outside, '---\ntitle: a\n---\n바깥 비밀\n');
    else write(path.relative(root, path.join(outside, 'a.md')), '---\ntitle: a\n---\n바깥 비밀\n');
    rmSync(path.join(root, replaced), { recursive: true });
    symlinkSync(outside, path.join(root, replaced));
    expect(await paths('비밀')).toEqual([]);
  });
});

describe('BodyCache', () => {
  const stamp = { size: 1, mtimeMs: 1 };

  it('keeps bodies up to its budget and reads past it', () => {
    const cache = new BodyCache(10);
    cache.set('a', stamp, '123456');
    cache.set('b', stamp, '123456');
    expect([cache.get('a', stamp), cache.get('b', stamp), cache.size]).toEqual(['123456', null, 6]);
    cache.delete('a');
    cache.set('b', stamp, '123456');
    expect([cache.get('b', stamp), cache.size]).toEqual(['123456', 6]);
  });

  it('gives a body only for the file stamp it was read with', () => {
    const cache = new BodyCache();
    cache.set('a', stamp, 'body');
    expect([cache.get('a', stamp), cache.get('a', { size: 1, mtimeMs: 2 }), cache.get('a', { size: 2, mtimeMs: 1 })]).toEqual(['body', null, null]);
  });
});
