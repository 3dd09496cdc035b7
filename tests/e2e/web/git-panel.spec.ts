import { cpSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gitSandbox, type GitSandbox } from '../../helpers/git-repos';
import { SAMPLE_SITE } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const POST = '_posts/2025-04-02-봄-산책-기록.md';

test.describe('Git panel in browser mode', () => {
  let box: GitSandbox;
  let site: string;
  let server: BrowserMode;

  test.beforeEach(async () => {
    box = gitSandbox();
    site = box.clone('site');
    cpSync(SAMPLE_SITE, site, { recursive: true });
    box.git(site, 'add', '--all');
    box.git(site, 'commit', '--quiet', '-m', 'Sample site');
    box.git(site, 'push', '--quiet');
    box.write(site, 'notes.txt', 'not for the blog');
    server = await startBrowserMode(site, box.env);
  });

  test.afterEach(async () => {
    await server.stop();
    box.dispose();
  });

  test('commits the edited post with the suggested message and pushes it to the remote', async ({ page }) => {
    await page.goto(server.url);
    const workspace = new Workspace(page);
    const editor = await workspace.open('봄 산책 기록', POST);
    await workspace.typeAtEndOfLine(editor, '벚꽃이 피기 시작한 오후, 동네 하천을 따라 한 시간쯤 걸었다.', ' 바람이 좋았다.');
    await workspace.saveWithShortcut();

    await page.keyboard.press('Control+Shift+G');
    const panel = page.getByRole('dialog', { name: 'Git' });
    await expect(panel.getByLabel('Branch')).toHaveText('On main · origin/main: 0 to push, 0 to pull');
    const post = panel.getByRole('checkbox', { name: `modified ${POST}` });
    const notes = panel.getByRole('checkbox', { name: 'new notes.txt' });
    await expect(post).toBeChecked();
    await expect(panel.getByRole('textbox', { name: 'Commit message' })).toHaveValue('Update post: 봄 산책 기록 and 1 file');
    await notes.uncheck();
    await expect(panel.getByRole('textbox', { name: 'Commit message' })).toHaveValue('Update post: 봄 산책 기록');

    await panel.getByRole('button', { name: `Show diff of ${POST}` }).click();
    await expect(panel.getByRole('region', { name: `Diff of ${POST}` })).toContainText('+벚꽃이 피기 시작한 오후, 동네 하천을 따라 한 시간쯤 걸었다. 바람이 좋았다.');

    await panel.getByRole('button', { name: 'Commit' }).click();
    await expect(panel.getByRole('status')).toContainText('Committed');
    await expect(panel.getByLabel('Branch')).toHaveText('On main · origin/main: 1 to push, 0 to pull');
    await expect(notes).toBeVisible();
    await expect(post).toHaveCount(0);

    await panel.getByRole('button', { name: 'Push' }).click();
    await expect(panel.getByRole('status')).toHaveText('Pushed.');
    await expect(panel.getByLabel('Branch')).toHaveText('On main · origin/main: 0 to push, 0 to pull');
    expect(box.git(box.remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('Update post: 봄 산책 기록');
    expect(box.git(box.remote, '-c', 'core.quotepath=false', 'show', '--name-only', '--format=', 'main').trim()).toBe(POST);
  });

  test('offers Pull when the remote is ahead, and pushes after it', async ({ page }) => {
    const other = box.clone('other');
    box.write(other, 'about-us.md', 'theirs');
    box.git(other, 'add', '.');
    box.git(other, 'commit', '--quiet', '-m', 'Theirs');
    box.git(other, 'push', '--quiet');
    box.write(site, 'mine.md', 'mine');

    await page.goto(server.url);
    await page.keyboard.press('Control+Shift+G');
    const panel = page.getByRole('dialog', { name: 'Git' });
    await panel.getByRole('checkbox', { name: 'new notes.txt' }).uncheck();
    await panel.getByRole('button', { name: 'Commit' }).click();
    await expect(panel.getByRole('status')).toContainText('Committed');
    await panel.getByRole('button', { name: 'Push' }).click();
    await expect(panel.getByRole('alert')).toContainText('Pull first, then push again');
    await panel.getByRole('combobox', { name: 'Pull by' }).selectOption('rebase');
    await panel.getByRole('button', { name: 'Pull now' }).click();
    await expect(panel.getByRole('status')).toHaveText('Pulled.');
    await panel.getByRole('button', { name: 'Push' }).click();
    await expect(panel.getByRole('status')).toHaveText('Pushed.');
    expect(box.git(box.remote, 'log', '--format=%s', '-2', 'main').trim().split('\n')).toEqual(['Update mine.md', 'Theirs']);
  });

  test('shows the pre-push check, and pushes only when told to go on anyway', async ({ page }) => {
    box.write(site, '_posts/2025-05-01-links.md', '---\ntitle: Links\n---\nSee {% post_url 2020-01-01-gone %}.\n');
    await page.goto(server.url);
    await page.keyboard.press('Control+Shift+G');
    const panel = page.getByRole('dialog', { name: 'Git' });
    await panel.getByRole('checkbox', { name: 'new notes.txt' }).uncheck();
    await expect(panel.getByRole('textbox', { name: 'Commit message' })).toHaveValue('Add post: Links');
    await panel.getByRole('button', { name: 'Commit' }).click();
    await expect(panel.getByRole('status')).toContainText('Committed');
    const before = box.git(box.remote, 'rev-parse', 'main').trim();

    await panel.getByRole('button', { name: 'Push' }).click();
    const check = page.getByRole('alertdialog', { name: 'Before you push: problems found (1)' });
    await expect(check).toContainText('_posts/2025-05-01-links.md:4: {% post_url 2020-01-01-gone %} names no post of the site');
    await check.getByRole('button', { name: 'Cancel' }).click();
    await expect(check).toBeHidden();
    expect(box.git(box.remote, 'rev-parse', 'main').trim()).toBe(before);

    await panel.getByRole('button', { name: 'Push' }).click();
    await check.getByRole('button', { name: 'Push anyway' }).click();
    await expect(panel.getByRole('status')).toHaveText('Pushed.');
    expect(box.git(box.remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('Add post: Links');
  });

  test('exports the open post to another repository and pushes it there', async ({ page }) => {
    const blogRemote = path.join(box.dir, 'blog.git');
    box.git(box.dir, 'init', '--quiet', '--bare', '--initial-branch=main', blogRemote);
    const blog = path.join(box.dir, 'blog');
    box.git(box.dir, 'clone', '--quiet', blogRemote, blog);
    box.git(blog, 'config', 'user.name', 'Hanji Test');
    box.git(blog, 'config', 'user.email', 'test@hanji.invalid');
    box.git(blog, 'checkout', '--quiet', '-b', 'main');

    await page.goto(server.url);
    const workspace = new Workspace(page);
    await workspace.open('봄 산책 기록', POST);
    await page.keyboard.press('Control+Shift+G');
    const panel = page.getByRole('dialog', { name: 'Git' });
    await panel.getByRole('textbox', { name: 'Export to another repository (its folder)' }).fill(blog);
    await panel.getByRole('button', { name: 'Export “봄 산책 기록” with its images' }).click();
    await expect(panel.getByRole('status')).toContainText('pushed');
    expect(box.git(blogRemote, 'log', '--format=%s', 'main').trim()).toBe('Add post: 봄 산책 기록');
    expect(box.git(blogRemote, '-c', 'core.quotepath=false', 'ls-tree', '-r', '--name-only', 'main').trim().split('\n')).toContain(POST);
  });
});
