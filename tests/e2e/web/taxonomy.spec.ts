import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test('renames a folder category by moving its posts with "Move N posts", and undoes the move', async ({ page }) => {
  const site = copySampleSite();
  const posts = ['news/_posts/2025-01-01-launch.md', 'news/_posts/2025/2025-02-01-later.md'];
  const texts = ['---\ntitle: Launch\n---\nbody\n', '---\ntitle: Later\ncategories: [news, web]\n---\nbody\n'];
  posts.forEach((rel, i) => {
    mkdirSync(path.dirname(path.join(site.root, rel)), { recursive: true });
    writeFileSync(path.join(site.root, rel), texts[i] as string);
  });
  const server = await startBrowserMode(site.root);
  try {
    await page.goto(server.url);
    const workspace = new Workspace(page);
    await expect(workspace.posts.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Control+Shift+T');
    const panel = workspace.taxonomy;
    await panel.getByRole('group', { name: 'Tags or categories' }).getByRole('button', { name: 'Categories' }).click();
    const categories = panel.getByRole('list', { name: 'Categories' });
    await expect(categories.getByRole('button', { name: 'news (2)' })).toBeVisible();

    await panel.getByRole('button', { name: 'Rename category news' }).click();
    await workspace.dialog.getByRole('textbox', { name: /New name/u }).fill('updates');
    await workspace.dialog.getByRole('button', { name: 'Preview changes' }).click();
    await expect(workspace.dialog.getByRole('list', { name: 'Posts left alone' })).toContainText('comes from the folder news/');
    await workspace.dialog.getByRole('button', { name: 'Move 2 posts' }).click();
    const moves = workspace.dialog.getByRole('list', { name: 'Posts to move' });
    await expect(moves).toContainText('news/_posts/2025-01-01-launch.md → updates/_posts/2025-01-01-launch.md');
    await expect(moves).toContainText('3: + categories: [updates, web]');
    await expect(moves).not.toContainText('defaults');
    await workspace.dialog.getByRole('button', { name: 'Apply to all files' }).click();

    await expect(panel.getByRole('status')).toHaveText('0 files changed, 0 left alone. 2 posts moved.');
    await expect(categories.getByRole('button', { name: 'updates (2)' })).toBeVisible();
    expect(readFileSync(path.join(site.root, 'updates/_posts/2025-01-01-launch.md'), 'utf8')).toBe(texts[0]);
    expect(existsSync(path.join(site.root, posts[0] as string))).toBe(false);

    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(categories.getByRole('button', { name: 'news (2)' })).toBeVisible();
    posts.forEach((rel, i) => expect(readFileSync(path.join(site.root, rel), 'utf8')).toBe(texts[i]));
    expect(existsSync(path.join(site.root, 'updates'))).toBe(false);
  } finally {
    await server.stop();
    site.dispose();
  }
});
