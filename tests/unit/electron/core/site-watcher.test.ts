import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import type { SiteEvents } from '../../../../shared/contract/events';
import { copySampleSite } from '../../../helpers/temp-site';

const POST = '_posts/2025-04-02-봄-산책-기록.md';
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching the open site', () => {
  let site: ReturnType<typeof copySampleSite>;
  let service: SiteService;
  let batches: SiteEvents['postsChanged'][];

  beforeEach(async () => {
    site = copySampleSite();
    service = new SiteService({ watch: true });
    batches = [];
    service.events.subscribe((m) => {
      if (m.event === 'postsChanged') batches.push(m.payload);
    });
    await service.openSite(site.root);
    await settle(300); // let the watcher finish its initial scan
  });
  afterEach(async () => {
    await service.close();
    site.dispose();
  });

  it('reports 200 files written at once (a git checkout) as one batch, and indexes them', async () => {
    for (let i = 0; i < 200; i++) writeFileSync(path.join(site.root, '_posts', `2024-01-${String((i % 28) + 1).padStart(2, '0')}-bulk-${i}.md`), `---\ntitle: "대량 ${i}"\n---\n`);
    await expect.poll(() => batches.flatMap((b) => b.changes).length, { timeout: 5000 }).toBe(200);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.changes.every((c) => c.kind === 'created' && c.hash !== null)).toBe(true);
    expect((await service.listPosts()).filter((p) => p.title?.startsWith('대량'))).toHaveLength(200);
  });

  it('reports an edit by another program with the new hash and updated facts', async () => {
    const file = path.join(site.root, POST);
    writeFileSync(file, readFileSync(file, 'utf8').replace('봄 산책 기록', '봄 산책 두 번째'));
    await expect.poll(() => batches.length, { timeout: 5000 }).toBe(1);
    expect(batches[0]?.changes).toEqual([{ path: POST, kind: 'changed', hash: expect.stringMatching(/^[0-9a-f]{64}$/u), post: expect.objectContaining({ title: '봄 산책 두 번째' }) }]);
    expect((await service.listPosts()).find((p) => p.path === POST)?.title).toBe('봄 산책 두 번째');
  });

  it('does not echo our own save, while still reporting a write by another program after it', async () => {
    const doc = await service.readPost(POST);
    await service.writePost(POST, doc.text.replace('봄 산책 기록', '봄 산책 세 번째'), doc.hash);
    await settle(800);
    expect(batches).toHaveLength(1); // the one writePost sent itself
    expect((await service.listPosts()).find((p) => p.path === POST)?.title).toBe('봄 산책 세 번째');
    // The watcher is alive: a write by someone else right after is reported.
    const other = '_posts/2025-01-15-welcome-to-hanji.md';
    writeFileSync(path.join(site.root, other), `${readFileSync(path.join(site.root, other), 'utf8')}\n추가\n`);
    await expect.poll(() => batches.length, { timeout: 5000 }).toBe(2);
    expect(batches[1]?.changes.map((c) => c.path)).toEqual([other]);
  });

  it('reports a deleted post', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(path.join(site.root, POST));
    await expect.poll(() => batches.length, { timeout: 5000 }).toBe(1);
    expect(batches[0]?.changes).toEqual([{ path: POST, kind: 'deleted', hash: null, post: null }]);
    expect((await service.listPosts()).some((p) => p.path === POST)).toBe(false);
  });

  it('announces the site again when a layout is added, with the new list of layouts', async () => {
    const sites: SiteEvents['siteChanged'][] = [];
    service.events.subscribe((m) => {
      if (m.event === 'siteChanged') sites.push(m.payload);
    });
    mkdirSync(path.join(site.root, '_layouts'));
    writeFileSync(path.join(site.root, '_layouts', 'wide.html'), '{{ content }}');
    await expect.poll(() => sites.at(-1)?.layouts, { timeout: 5000 }).toEqual(['wide']);
    expect((await service.getSite())?.layouts).toEqual(['wide']);
    expect(batches).toEqual([]);
  });
});
