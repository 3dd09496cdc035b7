import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode } from './browser-mode';

const POSTS = ['_posts/2025-01-15-welcome-to-hanji.md', '_posts/2025-05-20-markdown-cheatsheet.md'];

test('renames a tag from the panel with a dry run, shows the progress and the result, and undoes it', async ({ page }) => {
  const site = copySampleSite();
  const before = POSTS.map((rel) => readFileSync(path.join(site.root, rel)));
  const server = await startBrowserMode(site.root);
  try {
    await page.goto(server.url);
    const workspace = new Workspace(page);
    await expect(workspace.posts.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Control+Shift+T');
    const panel = workspace.taxonomy;
    const tags = panel.getByRole('list', { name: 'Tags' });
    await expect(tags.getByRole('button', { name: 'markdown (2)' })).toBeVisible();

    await panel.getByRole('button', { name: 'Rename tag markdown' }).click();
    await workspace.dialog.getByRole('textbox', { name: /New name/u }).fill('md');
    await workspace.dialog.getByRole('button', { name: 'Preview changes' }).click();
    const files = workspace.dialog.getByRole('list', { name: 'Files to change' });
    await expect(files).toContainText('_posts/2025-05-20-markdown-cheatsheet.md');
    await expect(files).toContainText('5: − tags: [markdown, kramdown]');
    await expect(files).toContainText('5: + tags: [md, kramdown]');
    await workspace.dialog.getByRole('button', { name: 'Apply to all files' }).click();

    await expect(panel.getByRole('progressbar', { name: 'Edit progress' })).toHaveAttribute('value', '2');
    await expect(panel.getByRole('status')).toHaveText('2 files changed, 0 left alone.');
    await expect(tags.getByRole('button', { name: 'md (2)' })).toBeVisible();
    expect(readFileSync(path.join(site.root, POSTS[1] as string), 'utf8')).toContain('tags: [md, kramdown]');

    // Clicking a tag filters the library to its posts.
    await tags.getByRole('button', { name: 'md (2)' }).click();
    await expect(workspace.posts.getByRole('option')).toHaveCount(2);

    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(tags.getByRole('button', { name: 'markdown (2)' })).toBeVisible();
    POSTS.forEach((rel, i) => expect(readFileSync(path.join(site.root, rel)).equals(before[i] as Buffer)).toBe(true));
  } finally {
    await server.stop();
    site.dispose();
  }
});
