import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import { copySampleSite, tempDir } from '../../../helpers/temp-site';

const POST = '_posts/2025-04-02-봄-산책-기록.md';

/** A whole-second mtime, which utimes can restore exactly (stat mtimes have sub-millisecond parts). */
const FIXED_TIME = new Date('2025-04-02T09:00:00Z');

/** Rewrite a file with text of the same length and put its mtime back, as if it had not changed. */
function changeInPlaceKeepingStat(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  writeFileSync(file, text.replace(from, to));
  utimesSync(file, FIXED_TIME, FIXED_TIME);
  expect(statSync(file).mtimeMs).toBe(FIXED_TIME.getTime());
}

describe('the site index', () => {
  let site: ReturnType<typeof copySampleSite>;
  let cache: ReturnType<typeof tempDir>;
  beforeEach(() => {
    site = copySampleSite();
    cache = tempDir('hanji-cache-');
    utimesSync(path.join(site.root, POST), FIXED_TIME, FIXED_TIME);
  });
  afterEach(() => {
    site.dispose();
    cache.dispose();
  });

  const titleOf = async (service: SiteService) => (await service.listPosts()).find((p) => p.path === POST)?.title;

  it('re-opens from the cache: a file with the same size and mtime is not read again', async () => {
    const service = new SiteService({ cacheDir: cache.dir });
    await service.openSite(site.root);
    expect(await titleOf(service)).toBe('봄 산책 기록');
    changeInPlaceKeepingStat(path.join(site.root, POST), '봄 산책 기록', '봄 걷기 기록');
    await service.openSite(site.root);
    expect(await titleOf(service)).toBe('봄 산책 기록');
    await service.close();
  });

  it('keeps the cache on disk, so a new process re-opens without reading either', async () => {
    writeFileSync(path.join(site.root, '_posts', '2025-05-05-emoji.md'), '---\ntitle: "🚀 출시 — café"\ntags: [😀, 한글]\nlayout: 출시\n---\n첫 문단 🎉\n\n둘째\n');
    const first = new SiteService({ cacheDir: cache.dir });
    await first.openSite(site.root);
    await first.close();
    changeInPlaceKeepingStat(path.join(site.root, POST), '봄 산책 기록', '봄 걷기 기록');
    const second = new SiteService({ cacheDir: cache.dir });
    await second.openSite(site.root);
    expect(await titleOf(second)).toBe('봄 산책 기록');
    // Non-ASCII and astral characters survive the UTF-16 cache file.
    const emoji = (await second.getIndex({})).posts.find((p) => p.path === '_posts/2025-05-05-emoji.md');
    expect(emoji).toMatchObject({ title: '🚀 출시 — café', tags: ['😀', '한글'], layout: '출시', excerpt: '첫 문단 🎉' });
    await second.close();
  });

  it('rebuilds from the files when the cache file is damaged', async () => {
    const first = new SiteService({ cacheDir: cache.dir });
    await first.openSite(site.root);
    const expected = await first.listPosts();
    await first.close();
    expect(readdirSync(cache.dir)).toHaveLength(2); // the index and its excerpts
    for (const name of readdirSync(cache.dir)) {
      const file = path.join(cache.dir, name);
      writeFileSync(file, readFileSync(file).subarray(0, 101)); // cut mid-character and mid-JSON
    }
    const second = new SiteService({ cacheDir: cache.dir, revalidate: 'after' });
    await second.openSite(site.root);
    expect(await second.listPosts()).toEqual(expected);
    await second.close();
  });

  it('re-opens as the app does: listed from the cache at once, then every file checked in the background', async () => {
    const first = new SiteService({ cacheDir: cache.dir });
    await first.openSite(site.root);
    await first.close();
    const file = path.join(site.root, POST);
    writeFileSync(file, readFileSync(file, 'utf8').replace('봄 산책 기록', '가을 산책 기록'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));

    const app = new SiteService({ cacheDir: cache.dir, revalidate: 'after' });
    const checked = new Promise<unknown>((resolve) => app.events.subscribe((m) => m.event === 'postsChanged' && resolve(m.payload)));
    await app.openSite(site.root);
    expect(await titleOf(app)).toBe('봄 산책 기록');
    expect(await checked).toEqual({ changes: [{ path: POST, kind: 'changed', hash: null, post: expect.objectContaining({ title: '가을 산책 기록' }) }] });
    expect(await titleOf(app)).toBe('가을 산책 기록');
    // Excerpts live in a second cache file, read on demand.
    expect((await app.getIndex({})).posts.find((p) => p.path === '_posts/2025-06-30-상반기-회고.md')?.excerpt).toBe('올해 상반기에는 블로그에 글을 꾸준히 쓰는 것을 목표로 삼았다.');
    await app.close();
  });

  it('keeps a save made while the background check of a re-opened site runs', async () => {
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(site.root, '_posts', `2020-01-01-bulk-${i}.md`), `---\ntitle: "bulk ${i}"\n---\n`);
    const first = new SiteService({ cacheDir: cache.dir });
    await first.openSite(site.root);
    await first.close();

    const app = new SiteService({ cacheDir: cache.dir, revalidate: 'after' });
    await app.openSite(site.root);
    const doc = await app.readPost(POST);
    await app.writePost(POST, doc.text.replace('봄 산책 기록', '봄 산책 저장본'), doc.hash);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the check of 3,000 files has landed
    expect(await titleOf(app)).toBe('봄 산책 저장본');
    await app.close();
  });

  it('reads a file again when its mtime or size changed', async () => {
    const service = new SiteService({ cacheDir: cache.dir });
    await service.openSite(site.root);
    const file = path.join(site.root, POST);
    writeFileSync(file, readFileSync(file, 'utf8').replace('봄 산책 기록', '가을 산책 기록'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await service.openSite(site.root);
    expect(await titleOf(service)).toBe('가을 산책 기록');
    await service.close();
  });

  it('starts over when the excerpt separator changes', async () => {
    const service = new SiteService({ cacheDir: cache.dir });
    await service.openSite(site.root);
    const config = path.join(site.root, '_config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('excerpt_separator: "\\n\\n"', 'excerpt_separator: "<!--more-->"'));
    await service.openSite(site.root);
    const report = await service.getIndex({});
    expect(report.posts.find((p) => p.path === POST)?.excerpt).toContain('## 걸은 길');
    await service.close();
  });

  it('lists files Jekyll ignores with the reason, and sweeps temp files of crashed saves', async () => {
    writeFileSync(path.join(site.root, '_posts', 'README.md'), '# notes');
    writeFileSync(path.join(site.root, '_posts', '2025-01-01-backup.md~'), 'x');
    const orphan = path.join(site.root, '_posts', '.hanji-0123456789abcdef.tmp');
    const young = path.join(site.root, '_posts', '.hanji-fedcba9876543210.tmp');
    writeFileSync(orphan, 'half a save');
    writeFileSync(young, 'a save in progress');
    utimesSync(orphan, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const service = new SiteService();
    await service.openSite(site.root);
    const { ignored } = await service.getIndex({});
    expect(ignored).toEqual(
      expect.arrayContaining([
        { path: '_posts/README.md', reason: expect.stringContaining('no date') },
        { path: '_posts/2025-01-01-backup.md~', reason: expect.stringContaining('backup') },
      ]),
    );
    expect(ignored.some((f) => f.path.includes('.hanji-'))).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('reports invalid front matter with file, line and column, and still lists the post', async () => {
    writeFileSync(path.join(site.root, '_posts', '2025-01-11-broken-yaml.md'), '---\ntitle: "ok"\ntags: [a, b\n---\nBody\n');
    const service = new SiteService();
    await service.openSite(site.root);
    const report = await service.getIndex({});
    expect(report.problems).toContainEqual(expect.objectContaining({ path: '_posts/2025-01-11-broken-yaml.md', line: 4, column: 1, severity: 'error' }));
    expect(report.posts.map((p) => p.path)).toContain('_posts/2025-01-11-broken-yaml.md');
  });

  it('counts tags over published posts only, unless the flags include the others', async () => {
    writeFileSync(path.join(site.root, '_posts', '2099-01-01-later.md'), '---\ntags: [미래]\n---\n');
    writeFileSync(path.join(site.root, '_drafts', 'hidden-draft.md'), '---\ntags: [숨김]\npublished: false\n---\n');
    const service = new SiteService();
    await service.openSite(site.root);
    const names = async (options: object) => (await service.getIndex(options)).tags.map((t) => t.name);
    expect(await names({})).not.toContain('미래');
    expect(await names({})).not.toContain('ideas');
    expect(await names({ future: true })).toContain('미래');
    expect(await names({ drafts: true })).toContain('ideas');
    // An unpublished draft needs --unpublished as well, as in `jekyll build --drafts`.
    expect(await names({ drafts: true })).not.toContain('숨김');
    expect(await names({ drafts: true, unpublished: true })).toContain('숨김');
  });
});
