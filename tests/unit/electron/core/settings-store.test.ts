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

  it.each(['{"lastSite": 42', '{"lastSite": 42}', '[]'])('starts from defaults when the file holds %s', (content) => {
    writeFileSync(path.join(temp.dir, 'settings.json'), content);
    expect(new SettingsStore(temp.dir).get()).toEqual({});
  });
});
