import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import { copySampleSite } from '../../../helpers/temp-site';

const site = copySampleSite();
afterAll(() => site.dispose());

describe('SiteService.openSite', () => {
  it.each([
    ['a relative path', 'resources/sample-site', 'BAD_REQUEST'],
    ['a missing folder', path.join(site.root, 'nope'), 'NOT_FOUND'],
    ['a file', path.join(site.root, '_config.yml'), 'BAD_REQUEST'],
  ])('refuses %s', async (_name, root, code) => {
    await expect(new SiteService().openSite(root)).rejects.toMatchObject({ code });
  });
});
