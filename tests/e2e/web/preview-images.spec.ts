import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, watchPageErrors, type BrowserMode } from './browser-mode';

/** Its URL is /gallery/ (permalink /:categories/:title/), so `pic.png` is gallery/pic.png; the baseurl is /blog. */
const POST = '_posts/2025-06-03-gallery.md';
const TITLE = 'Gallery';
const REMOTE = 'remote.example';
const BODY = [
  '![logo](/assets/images/hanji-logo.png)',
  '![with baseurl]({{ site.baseurl }}/assets/images/b.png)',
  '![relative](pic.png)',
  '![gone](/assets/images/missing.png)',
  `![from the web](https://${REMOTE}/photo.png)`,
  `![plain http](http://${REMOTE}/plain.png)`,
].join('\n\n');

/** The width the browser decoded for `img`: 0 until it has really loaded. */
function naturalWidth(img: Locator): Promise<number> {
  return img.evaluate((element) => (element instanceof HTMLImageElement && element.complete ? element.naturalWidth : 0));
}

/** How many times the page asked the engine for an image of the site. */
function countAssetReads(page: Page): () => number {
  let reads = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/readAsset')) reads++;
  });
  return () => reads;
}

test.describe('images in the preview', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let workspace: Workspace;
  let errors: string[];
  /** Every request the page made to the "remote" host, which page.route answers (only loopback traffic leaves this machine). */
  let remoteRequests: string[];

  test.beforeEach(async ({ page }) => {
    errors = [];
    remoteRequests = [];
    site = copySampleSite();
    const logo = path.join(site.root, 'assets', 'images', 'hanji-logo.png');
    copyFileSync(logo, path.join(site.root, 'assets', 'images', 'b.png'));
    mkdirSync(path.join(site.root, 'gallery'));
    copyFileSync(logo, path.join(site.root, 'gallery', 'pic.png'));
    writeFileSync(path.join(site.root, POST), `---\ntitle: "${TITLE}"\n---\n\n${BODY}\n`);
    server = await startBrowserMode(site.root);
    const png = readFileSync(logo);
    await page.route(new RegExp(`^https?://${REMOTE.replace('.', '\\.')}/`, 'u'), async (route) => {
      remoteRequests.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    watchPageErrors(page, errors);
    await page.goto(server.url);
    workspace = new Workspace(page);
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
    expect(errors).toEqual([]);
  });

  /** Open the post and show the preview; resolves with the preview region. */
  async function openPreview(page: Page): Promise<{ editor: Locator; preview: Locator }> {
    const editor = await workspace.open(TITLE, POST);
    await page.getByRole('button', { name: /Show preview/u }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview).toBeVisible();
    return { editor, preview };
  }

  test('shows site images from the site folder, with or without the baseurl and relative to the post, and names a missing one', async ({ page }) => {
    const reads = countAssetReads(page);
    const { editor, preview } = await openPreview(page);
    for (const name of ['logo', 'with baseurl', 'relative']) {
      const img = preview.locator('img').and(preview.getByRole('img', { name }));
      await expect(img).toHaveAttribute('src', /^blob:/u);
      await expect.poll(() => naturalWidth(img)).toBeGreaterThan(0);
    }
    const gone = preview.getByRole('img', { name: 'gone' });
    await expect(gone).toContainText('gone');
    await expect(gone).toContainText('Not in the site folder: assets/images/missing.png');
    await expect(gone.locator('img')).toHaveCount(0);

    // Typing re-renders the paragraph around an image: it is shown again without asking the engine again.
    const before = reads();
    expect(before).toBe(4);
    await workspace.typeAtEndOfLine(editor, '![logo](/assets/images/hanji-logo.png)', ' and more');
    await expect(preview.getByText('and more')).toBeVisible();
    const logo = preview.locator('img').and(preview.getByRole('img', { name: 'logo' }));
    await expect.poll(() => naturalWidth(logo)).toBeGreaterThan(0);
    expect(reads()).toBe(before);
  });

  test('requests a web image only after "Load remote images", and never an http: one', async ({ page }) => {
    const { preview } = await openPreview(page);
    const logo = preview.locator('img').and(preview.getByRole('img', { name: 'logo' }));
    await expect.poll(() => naturalWidth(logo)).toBeGreaterThan(0);
    await expect(preview.getByRole('img', { name: 'from the web' })).toContainText('Remote image not loaded');
    await expect(preview.getByRole('img', { name: 'plain http' })).toContainText('over https only');
    expect(remoteRequests).toEqual([]);

    await preview.getByRole('button', { name: 'Load remote images (1)' }).click();
    const remote = preview.locator('img').and(preview.getByRole('img', { name: 'from the web' }));
    await expect.poll(() => naturalWidth(remote)).toBeGreaterThan(0);
    expect(remoteRequests).toEqual([`https://${REMOTE}/photo.png`]);
    await expect(preview.getByRole('img', { name: 'plain http' })).toContainText('over https only');
    await expect(preview.getByRole('button', { name: /Load remote images/u })).toHaveCount(0);
  });
});
