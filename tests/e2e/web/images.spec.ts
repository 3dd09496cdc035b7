import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, watchPageErrors, type BrowserMode } from './browser-mode';

const POST = '_posts/2025-01-15-welcome-to-hanji.md';
const TITLE = 'Welcome to Hanji';
/** The post's slug names its images folder; the sample site's baseurl is /blog. */
const FOLDER = 'assets/images/welcome-to-hanji';

/** Paste `bytes` as one image file named `name` into the editor, as the clipboard of a screenshot tool would. */
async function pasteImage(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ base64, fileName }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName, { type: 'image/png' }));
      document.querySelector('.cm-content')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64: bytes.toString('base64'), fileName: name },
  );
}

/** Drop `bytes` as one image file named `name` on the left edge of `line`, as a file manager would. */
async function dropImage(page: Page, line: Locator, name: string, bytes: Buffer): Promise<void> {
  const box = await line.boundingBox();
  if (!box) throw new Error('the line is not visible');
  await page.evaluate(
    ({ base64, fileName, x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName, { type: 'image/png' }));
      document.querySelector('.cm-content')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { base64: bytes.toString('base64'), fileName: name, x: box.x + 1, y: box.y + box.height / 2 },
  );
}

test.describe('images in the editor', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let file: string;
  let original: string;
  let png: Buffer;
  let workspace: Workspace;
  let errors: string[];

  test.beforeEach(async ({ page }) => {
    errors = [];
    site = copySampleSite();
    file = path.join(site.root, POST);
    original = readFileSync(file, 'utf8');
    png = readFileSync(path.join(site.root, 'assets', 'images', 'hanji-logo.png'));
    server = await startBrowserMode(site.root);
    watchPageErrors(page, errors);
    await page.goto(server.url);
    workspace = new Workspace(page);
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
    expect(errors).toEqual([]);
  });

  test("a pasted PNG is copied into the post's folder and linked at the cursor; Ctrl+S saves the link", async ({ page }) => {
    const editor = await workspace.open(TITLE, POST);
    await workspace.typeAtEndOfLine(editor, '## Publishing', '');
    await page.keyboard.press('Enter');
    await pasteImage(page, '다이어그램 1.png', png);

    const link = `![다이어그램 1](/blog/${FOLDER}/다이어그램-1.png)`;
    await expect(editor).toContainText(link);
    expect(readFileSync(path.join(site.root, FOLDER, '다이어그램-1.png'))).toEqual(png);
    await expect(workspace.status).toContainText('Unsaved changes');
    await workspace.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(original.replace('## Publishing\n', `## Publishing\n${link}\n`));
  });

  test('a dropped image is linked where it was dropped, and a second one with the same name gets -1', async ({ page }) => {
    const editor = await workspace.open(TITLE, POST);
    await dropImage(page, editor.getByText('## Front matter', { exact: true }), 'logo.png', png);
    await expect(editor).toContainText(`![logo](/blog/${FOLDER}/logo.png)## Front matter`);
    await dropImage(page, editor.getByText('## Writing', { exact: true }), 'logo.png', png);
    await expect(editor).toContainText(`![logo](/blog/${FOLDER}/logo-1.png)## Writing`);
    expect(readdirSync(path.join(site.root, FOLDER)).sort()).toEqual(['logo-1.png', 'logo.png']);
  });

  test('a file that is not the image its name says is refused, saying why, and nothing changes', async ({ page }) => {
    const editor = await workspace.open(TITLE, POST);
    await workspace.typeAtEndOfLine(editor, '## Publishing', '');
    await pasteImage(page, 'notes.png', Buffer.from('not really a picture'));
    await expect(workspace.status).toContainText('is not the PNG file its name says');
    await expect(workspace.status).not.toContainText('Unsaved');
    expect(existsSync(path.join(site.root, FOLDER))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
