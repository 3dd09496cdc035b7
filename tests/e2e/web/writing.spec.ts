import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import matter from 'gray-matter';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const KOREAN_POST = '_posts/2025-02-05-openai-korea-visit-notes.md';

test.describe('browser mode', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let violations: string[] = [];

  test.beforeEach(async ({ page }) => {
    violations = [];
    site = copySampleSite();
    server = await startBrowserMode(site.root);
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/u.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
    expect(violations).toEqual([]);
  });

  test('prints exactly the address line with a fresh token', () => {
    expect(server.line).toMatch(new RegExp(`^Hanji is serving ${site.root.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} at http://127\\.0\\.0\\.1:\\d+/#token=[A-Za-z0-9_-]{40,}$`, 'u'));
  });

  test('lists every post of the site in the sidebar', async ({ page }) => {
    await page.goto(server.url);
    const files = ['_posts', '_drafts'].flatMap((dir) => readdirSync(path.join(site.root, dir)).map((name) => path.join(site.root, dir, name)));
    const list = new Workspace(page).posts;
    await expect(list.getByRole('option')).toHaveCount(files.length);
    for (const file of files) {
      const title = String(matter(readFileSync(file, 'utf8')).data['title']);
      await expect(list.getByRole('option', { name: title })).toBeVisible();
    }
    // The token is taken out of the address bar once read.
    expect(page.url()).not.toContain('token=');
  });

  test('types Korean into a post and saves exactly that with Ctrl+S', async ({ page }) => {
    const file = path.join(site.root, KOREAN_POST);
    const before = readFileSync(file, 'utf8');
    await page.goto(server.url);
    const workspace = new Workspace(page);
    const editor = await workspace.open(/오픈AI CEO 방한 정리/u, KOREAN_POST);
    await expect(editor).toContainText('카카오와의 협력');
    await workspace.typeAtEndOfLine(editor, '## 카카오와의 협력', ' 그리고 전망');
    await expect(workspace.status).toContainText('Unsaved changes');

    await workspace.saveWithShortcut();
    await expect(workspace.status).toContainText('Saved');

    expect(server.stdout()).toBe(`${server.line}\n`);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('## 카카오와의 협력\n', '## 카카오와의 협력 그리고 전망\n'));
    expect(Buffer.byteLength(after) - Buffer.byteLength(before)).toBe(Buffer.byteLength(' 그리고 전망'));
  });

  test('keeps the CRLF line endings and BOM of a Windows file when typing into it', async ({ page }) => {
    const file = path.join(site.root, KOREAN_POST);
    const before = `\uFEFF${readFileSync(file, 'utf8').replace(/\n/gu, '\r\n')}`;
    writeFileSync(file, before);
    await page.goto(server.url);
    const workspace = new Workspace(page);
    const editor = await workspace.open(/오픈AI CEO 방한 정리/u, KOREAN_POST);
    await workspace.typeAtEndOfLine(editor, '## 정리', '와 전망');
    await page.keyboard.press('Enter');
    await page.keyboard.type('새 줄');
    await workspace.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(before.replace('## 정리\r\n', '## 정리와 전망\r\n새 줄\r\n'));
  });
});
