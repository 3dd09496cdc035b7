import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings-store';
import { tempDir } from '../../../helpers/temp-site';

const temp = tempDir();
afterAll(() => temp.dispose());

describe('SettingsStore', () => {
  it('remembers the last site across starts, and the last of several quick updates wins', async () => {
    const store = new SettingsStore(temp.dir);
    await Promise.all([store.update({ lastSite: '/a' }), store.update({ lastSite: '/b' }), store.update({ window: { width: 900, height: 600 } })]);
    expect(new SettingsStore(temp.dir).get()).toEqual({ lastSite: '/b', window: { width: 900, height: 600 } });
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'settings.json'), 'utf8'))).toMatchObject({ lastSite: '/b' });
  });

  it('keeps the ten most recent sites, newest first, without repeats', async () => {
    const dir = tempDir();
    const store = new SettingsStore(dir.dir);
    for (let i = 0; i < 12; i++) await store.rememberSite(`/site-${i}`);
    await store.rememberSite('/site-5');
    const recent = new SettingsStore(dir.dir).get().recentSites;
    expect(recent).toEqual(['/site-5', '/site-11', '/site-10', '/site-9', '/site-8', '/site-7', '/site-6', '/site-4', '/site-3', '/site-2']);
    expect(new SettingsStore(dir.dir).get().lastSite).toBe('/site-5');
    dir.dispose();
  });

  it.each(['{"lastSite": 42', '{"lastSite": 42}', '[]'])('starts from defaults when the file holds %s', (content) => {
    writeFileSync(path.join(temp.dir, 'settings.json'), content);
    expect(new SettingsStore(temp.dir).get()).toEqual({});
  });
});
