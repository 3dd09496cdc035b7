import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode } from './browser-mode';

test('a large library renders a page of posts at a time, and search still finds any of them', async ({ page }) => {
  const site = copySampleSite();
  for (let i = 0; i < 400; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(path.join(site.root, '_posts', `2020-01-${day}-bulk-${i}.md`), `---\ntitle: "Bulk post ${i}"\n---\n본문 ${i}\n`);
  }
  const server = await startBrowserMode(site.root);
  try {
    await page.goto(server.url);
    const workspace = new Workspace(page);
    const options = workspace.posts.getByRole('option');
    await expect(options).toHaveCount(300);
    await page.getByRole('button', { name: 'Show 107 more of 407' }).click();
    await expect(options).toHaveCount(407);
    await expect(page.getByRole('button', { name: /more of/u })).toHaveCount(0);
    // The oldest post is far down the list: search reaches it at once.
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('Bulk post 399');
    await expect(options).toHaveCount(1);
    await workspace.open('Bulk post 399', '_posts/2020-01-08-bulk-399.md');
  } finally {
    await server.stop();
    site.dispose();
  }
});
