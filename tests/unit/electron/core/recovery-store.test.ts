import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRecoveryDir } from '../../../../electron/core/data-dirs';
import { SiteService } from '../../../../electron/core/site-service';
import { MAX_POST_CHARS } from '../../../../shared/contract/schemas';
import { copySampleSite, tempDir } from '../../../helpers/temp-site';

const POST = '_posts/2025-02-05-openai-korea-visit-notes.md';

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) => statSync(path.join(dir, rel)).isFile());
}

describe('recovery copies in a folder', () => {
  let site: ReturnType<typeof copySampleSite>;
  let other: ReturnType<typeof copySampleSite>;
  let store: ReturnType<typeof tempDir>;
  beforeEach(() => {
    site = copySampleSite();
    other = copySampleSite();
    store = tempDir('hanji-recovery-');
  });
  afterEach(() => {
    site.dispose();
    other.dispose();
    store.dispose();
  });

  const open = async (root: string) => {
    const service = new SiteService({ recoveryDir: store.dir });
    await service.openSite(root);
    return service;
  };

  it('survives the engine that kept it, outside the site and readable by the owner only', async () => {
    const siteFiles = filesUnder(site.root);
    const first = await open(site.root);
    const doc = await first.readPost(POST);
    await first.saveRecovery(POST, `${doc.text}충돌 전에 쓴 줄\n`, doc.hash);

    const second = await open(site.root);
    expect(await second.listRecovery()).toEqual([{ path: POST, text: `${doc.text}충돌 전에 쓴 줄\n`, baseHash: doc.hash, savedAt: expect.any(String), diskHash: doc.hash }]);
    expect(filesUnder(site.root)).toEqual(siteFiles);
    const kept = filesUnder(store.dir);
    expect(kept).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(path.join(store.dir, kept[0] ?? '')).mode & 0o777).toBe(0o600);
  });

  it("offers a site's copies for that site only", async () => {
    const first = await open(site.root);
    const doc = await first.readPost(POST);
    await first.saveRecovery(POST, 'unsaved', doc.hash);
    expect(await (await open(other.root)).listRecovery()).toEqual([]);
  });

  it('forgets a discarded copy for good', async () => {
    const first = await open(site.root);
    const doc = await first.readPost(POST);
    await first.saveRecovery(POST, 'unsaved', doc.hash);
    await first.discardRecovery(POST);
    expect(await (await open(site.root)).listRecovery()).toEqual([]);
    expect(filesUnder(store.dir)).toEqual([]);
  });

  it('skips a damaged or foreign copy and lists the others', async () => {
    const first = await open(site.root);
    const doc = await first.readPost(POST);
    await first.saveRecovery(POST, 'unsaved', doc.hash);
    const kept = path.join(store.dir, filesUnder(store.dir)[0] ?? '');
    writeFileSync(path.join(path.dirname(kept), 'damaged.json'), '{"version":1,');
    const foreign = JSON.parse(readFileSync(kept, 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(path.dirname(kept), 'foreign.json'), JSON.stringify({ ...foreign, root: other.root }));
    expect((await (await open(site.root)).listRecovery()).map((c) => c.text)).toEqual(['unsaved']);
  });

  it('says what to do when the folder cannot be written', async () => {
    writeFileSync(path.join(store.dir, 'blocker'), '');
    const service = new SiteService({ recoveryDir: path.join(store.dir, 'blocker') });
    await service.openSite(site.root);
    const doc = await service.readPost(POST);
    await expect(service.saveRecovery(POST, 'unsaved', doc.hash)).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('Save the post to keep your text') });
  });
});

describe('recovery copies and saves', () => {
  let site: ReturnType<typeof copySampleSite>;
  beforeEach(() => {
    site = copySampleSite();
  });
  afterEach(() => site.dispose());

  it('keeps a copy kept after a save was asked for, and discards one kept before', async () => {
    const service = new SiteService();
    await service.openSite(site.root);
    const doc = await service.readPost(POST);
    await service.saveRecovery(POST, `${doc.text}1`, doc.hash);
    const saved = service.writePost(POST, `${doc.text}1`, doc.hash);
    const typedMeanwhile = service.saveRecovery(POST, `${doc.text}12`, doc.hash);
    await Promise.all([saved, typedMeanwhile]);
    expect((await service.listRecovery()).map((c) => c.text)).toEqual([`${doc.text}12`]);
  });

  it('refuses text longer than a post may be, even without a transport to check it', async () => {
    const service = new SiteService();
    await service.openSite(site.root);
    const doc = await service.readPost(POST);
    await expect(service.saveRecovery(POST, 'x'.repeat(MAX_POST_CHARS + 1), doc.hash)).rejects.toMatchObject({ code: 'BAD_REQUEST', path: POST });
    expect(await service.listRecovery()).toEqual([]);
  });

  it('keeps copies in memory only without a folder: a new engine has none', async () => {
    const first = new SiteService();
    await first.openSite(site.root);
    const doc = await first.readPost(POST);
    await first.saveRecovery(POST, 'unsaved', doc.hash);
    const second = new SiteService();
    await second.openSite(site.root);
    expect(await second.listRecovery()).toEqual([]);
  });
});

describe('defaultRecoveryDir', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('follows $HANJI_RECOVERY_DIR', () => {
    vi.stubEnv('HANJI_RECOVERY_DIR', 'relative/recovery');
    expect(defaultRecoveryDir()).toBe(path.resolve('relative/recovery'));
  });

  it('is in the data folder, not the cache', () => {
    vi.stubEnv('HANJI_RECOVERY_DIR', '');
    vi.stubEnv('XDG_DATA_HOME', '/home/u/.local/share');
    if (process.platform !== 'win32') expect(defaultRecoveryDir()).toBe('/home/u/.local/share/hanji/recovery');
  });
});
