import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const LINKS_POST = '_posts/2025-07-01-links.md';
const LINKS_TITLE = 'Links to elsewhere';
const TARGET_POST = '_posts/2025-07-02-target.md';
const paragraphs = (from: number) => Array.from({ length: 60 }, (_, i) => `Paragraph ${from + i}.`).join('\n\n');
const TARGET_TEXT = `---\ntitle: "Target"\n---\n\n${paragraphs(1)}\n\n## Far down\n\n${paragraphs(61)}\n`;

/** Links the sample site (url https://example.github.io, baseurl /blog) can follow. */
const LINKS_TEXT = `---\ntitle: "${LINKS_TITLE}"\n---\n\nRead [the target post]({% post_url 2025-07-02-target %}#far-down) first.\n\nSee [about us](/about/) too.\n`;

/** What window.open was called with (recorded instead of opening tabs). */
const opened = (page: Page) => page.evaluate(() => (window as unknown as { __opened: unknown[][] }).__opened);

test.describe('links in the preview', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let workspace: Workspace;
  let navigations: string[];

  test.beforeEach(async ({ page }) => {
    site = copySampleSite();
    writeFileSync(path.join(site.root, LINKS_POST), LINKS_TEXT);
    writeFileSync(path.join(site.root, TARGET_POST), TARGET_TEXT);
    server = await startBrowserMode(site.root);
    await page.addInitScript(() => {
      const calls: unknown[][] = [];
      (window as unknown as { __opened: unknown[][] }).__opened = calls;
      window.open = (...args: unknown[]) => {
        calls.push(args);
        return null;
      };
    });
    await page.goto(server.url);
    navigations = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    workspace = new Workspace(page);
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
  });

  test('a post_url link opens that post in the editor, asking about unsaved edits, at its #fragment; the window never navigates', async ({ page }) => {
    const editor = await workspace.open(LINKS_TITLE, LINKS_POST);
    const preview = page.getByRole('region', { name: 'Preview' });
    if (!(await preview.isVisible())) await page.getByRole('button', { name: /Show preview/u }).click();
    const start = page.url();

    await workspace.typeAtEndOfLine(editor, 'See [about us](/about/) too.', ' Edited.');
    const link = preview.getByRole('link', { name: 'the target post' });
    await link.click();
    await workspace.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeVisible();
    await link.click();
    await workspace.dialog.getByRole('button', { name: "Don't save" }).click();

    await expect(page.getByRole('textbox', { name: `Text of ${TARGET_POST}` })).toBeVisible();
    // The link's #fragment: the heading is scrolled to the top of the preview.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const heading = document.querySelector('.preview-content')?.shadowRoot?.getElementById('far-down');
          const scroller = document.querySelector('.preview-scroll');
          return heading && scroller ? Math.abs(heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top) : null;
        }),
      )
      .toBeLessThan(40);
    expect(await opened(page)).toEqual([]);
    expect(page.url()).toBe(start);
    expect(navigations).toEqual([]);
  });

  test('a link to a page of the site that is not a post opens url + baseurl + path in the browser', async ({ page }) => {
    await workspace.open(LINKS_TITLE, LINKS_POST);
    const preview = page.getByRole('region', { name: 'Preview' });
    if (!(await preview.isVisible())) await page.getByRole('button', { name: /Show preview/u }).click();
    await preview.getByRole('link', { name: 'about us' }).click();
    expect(await opened(page)).toEqual([['https://example.github.io/blog/about/', '_blank', 'noopener']]);
    await expect(page.getByRole('textbox', { name: `Text of ${LINKS_POST}` })).toBeVisible();
    expect(navigations).toEqual([]);
  });
});
