import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SHARED_SAMPLES, copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, watchPageErrors, type BrowserMode } from './browser-mode';

const SAMPLE_NAME = '2025-02-05-openai-sam-altman-korea-visit.md';
const SAMPLE_POST = `_posts/${SAMPLE_NAME}`;
const SAMPLE_TITLE = /AI News - 오픈AI 샘 올트먼 방한/u;
const LONG_POST = '_posts/2025-06-02-long-post.md';
const LONG_TITLE = 'A long post';
const SECTIONS = 24;

/** A post long enough to scroll: numbered sections of 30 short paragraphs, a footnote, links and an aligned table. */
function longPost(): string {
  const sections = Array.from({ length: SECTIONS }, (_, i) => {
    const paragraphs = Array.from({ length: 30 }, (_, j) => `Paragraph ${j + 1} of section ${i + 1}.`).join('\n\n');
    return `## Section ${i + 1}\n\n${paragraphs}`;
  });
  return `---\ntitle: "${LONG_TITLE}"\ntoc: true\n---\n\nSee [the web](https://example.com/page) and a note.[^n]\n\n![Remote](https://example.com/photo.png)\n\n| left | middle |\n|:-----|:------:|\n| a | b |\n\n${sections.join('\n\n')}\n\n[^n]: The note.\n`;
}

/** The preview as a user sees it (page object). */
class Preview {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get outline(): Locator {
    return this.region.getByRole('navigation', { name: 'Outline' });
  }

  /** Show the preview with the toolbar button. */
  async show(): Promise<void> {
    await this.page.getByRole('button', { name: /Show preview/u }).click();
    await expect(this.region).toBeVisible();
  }

  /** Ids of the headings in the preview's content, in order. */
  headingIds(): Promise<string[]> {
    return this.page.evaluate(() => Array.from(document.querySelector('.preview-content')?.shadowRoot?.querySelectorAll('h1, h2, h3, h4, h5, h6') ?? [], (h) => h.id));
  }

  /** The text of the last heading at or above the top of the preview's scroll area. */
  topHeading(): Promise<string | null> {
    return this.page.evaluate(() => {
      const scroller = document.querySelector('.preview-scroll');
      const headings = Array.from(document.querySelector('.preview-content')?.shadowRoot?.querySelectorAll('h2') ?? []);
      if (!scroller) return null;
      const top = scroller.getBoundingClientRect().top + 12;
      return headings.filter((h) => h.getBoundingClientRect().top <= top).pop()?.textContent ?? null;
    });
  }
}

/** The text of the editor's first line that shows whole at the top of its scroll area. */
function editorTopLine(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller');
    if (!scroller) return null;
    const top = scroller.getBoundingClientRect().top - 1;
    return Array.from(document.querySelectorAll('.cm-line')).find((line) => line.getBoundingClientRect().top >= top)?.textContent ?? null;
  });
}

/** The section number at the top of the editor: the nearest `## Section N` line at or above it. */
function editorSection(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller');
    if (!scroller) return null;
    const top = scroller.getBoundingClientRect().top + 4;
    const lines = Array.from(document.querySelectorAll('.cm-line'));
    const first = lines.findIndex((line) => line.getBoundingClientRect().bottom > top);
    for (let i = first; i >= 0; i--) {
      const match = /^## Section (\d+)/u.exec(lines[i]?.textContent ?? '');
      if (match) return Number(match[1]);
      const inside = /of section (\d+)\./u.exec(lines[i]?.textContent ?? '');
      if (inside) return Number(inside[1]);
    }
    return null;
  });
}

test.describe('live preview', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let workspace: Workspace;
  let preview: Preview;
  let errors: string[];

  test.beforeEach(async ({ page }) => {
    errors = [];
    site = copySampleSite();
    writeFileSync(path.join(site.root, SAMPLE_POST), readFileSync(path.join(SHARED_SAMPLES, SAMPLE_NAME)));
    writeFileSync(path.join(site.root, LONG_POST), longPost());
    server = await startBrowserMode(site.root);
    watchPageErrors(page, errors);
    // window.open is where web links leave the app; record it instead of opening tabs.
    await page.addInitScript(() => {
      const opened: unknown[][] = [];
      (window as unknown as { __opened: unknown[][] }).__opened = opened;
      window.open = (...args: unknown[]) => {
        opened.push(args);
        return null;
      };
    });
    await page.goto(server.url);
    workspace = new Workspace(page);
    preview = new Preview(page);
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
    expect(errors).toEqual([]);
  });

  test('shows the Korean sample post’s headings and the theme’s TOC, whose links point at them', async () => {
    await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await preview.show();
    // kramdown's smart quotes turn 'AI 동맹' into ‘AI 동맹’.
    const headings = ['샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', /^카카오와 .AI 동맹.: 국민 플랫폼에 AI 기술 접목$/u, 'SK, 삼성전자와도 협력 논의: 반도체 강국 한국의 역할', '글로벌 AI 생태계 속 한국의 위상', '한국형 AI의 미래를 그리다'];
    for (const name of headings) await expect(preview.region.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(preview.region.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();

    const toc = preview.region.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('link');
    await expect(links).toHaveCount(headings.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ids = await preview.headingIds();
    expect(ids).toHaveLength(headings.length);
    expect(ids[0]).toBe('샘-올트먼-ceo-한국-ai-개발자들과-직접-소통');
    expect(hrefs).toEqual(ids.map((id) => `#${id}`));

    await expect(preview.outline.getByRole('button')).toHaveText([/Outline/u, ...headings]);
  });

  test('the outline and the TOC bring a heading to the top of the preview and of the editor', async ({ page }) => {
    await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    await preview.outline.getByRole('button', { name: 'Section 15', exact: true }).click();
    await expect.poll(() => editorTopLine(page)).toBe('## Section 15');
    await expect.poll(() => preview.topHeading()).toBe('Section 15');

    await preview.region.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Section 3', exact: true }).click();
    await expect.poll(() => editorTopLine(page)).toBe('## Section 3');
    await expect.poll(() => preview.topHeading()).toBe('Section 3');
    expect(page.url()).not.toContain('#section');
  });

  test('scrolling one side scrolls the other to the same section, both ways', async ({ page }) => {
    const editor = await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    await expect(preview.region.getByRole('heading', { name: 'Section 24' })).toBeAttached();

    await editor.hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 600);
    await expect.poll(() => editorSection(page)).toBeGreaterThan(3);
    const editorAt = await editorSection(page);
    await expect.poll(async () => Math.abs(Number((await preview.topHeading())?.replace('Section ', '')) - (editorAt ?? 0))).toBeLessThanOrEqual(1);

    await preview.region.locator('.preview-scroll').hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 700);
    await expect.poll(async () => Number((await preview.topHeading())?.replace('Section ', ''))).toBeGreaterThan((editorAt ?? 0) + 2);
    const previewAt = Number((await preview.topHeading())?.replace('Section ', ''));
    await expect.poll(async () => Math.abs(((await editorSection(page)) ?? 0) - previewAt)).toBeLessThanOrEqual(1);
  });

  test('edits show up after a pause; a Liquid error is an inline notice, not a blank preview', async ({ page }) => {
    const editor = await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    await workspace.typeAtEndOfLine(editor, 'Paragraph 1 of section 1.', '\n\n## 새 제목\n\n{% if %}\n');
    await expect(preview.region.getByRole('heading', { name: '새 제목' })).toBeVisible();
    await expect(preview.region.getByRole('note').filter({ hasText: /Liquid error/u })).toBeVisible();
    await expect(preview.region.getByRole('heading', { name: 'Section 24' })).toBeAttached();
    await expect(preview.outline.getByRole('button', { name: '새 제목' })).toBeVisible();
    expect(await page.evaluate(() => document.querySelectorAll('.preview-pane').length)).toBe(1);
  });

  test('typing in a long post changes only what was typed: every block stays, in order', async ({ page }) => {
    const editor = await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    await expect(preview.region.getByRole('heading', { name: 'Section 24' })).toBeAttached();
    const blocks = () => page.evaluate(() => Array.from(document.querySelector('.preview-content')?.shadowRoot?.querySelectorAll('h2, p') ?? [], (e) => e.textContent ?? ''));
    const before = await blocks();
    await workspace.typeAtEndOfLine(editor, 'Paragraph 1 of section 1.', ' First!');
    await preview.outline.getByRole('button', { name: 'Section 12', exact: true }).click();
    await workspace.typeAtEndOfLine(editor, 'Paragraph 3 of section 12.', ' 끝.\n\nA new paragraph.');
    const at = before.indexOf('Paragraph 3 of section 12.');
    const expected = [...before];
    expected.splice(at, 1, 'Paragraph 3 of section 12. 끝.', 'A new paragraph.');
    expected[expected.indexOf('Paragraph 1 of section 1.')] = 'Paragraph 1 of section 1. First!';
    await expect.poll(blocks).toEqual(expected);
    // The edits went through the grouped layout a long post gets (preview-content.ts).
    expect(await page.evaluate(() => document.querySelector('.preview-content')?.shadowRoot?.querySelectorAll('.content > .group').length)).toBeGreaterThan(5);
  });

  test('web links go to window.open with noopener; footnote links scroll the preview; Ctrl+Shift+V hides it', async ({ page }) => {
    await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    const start = page.url();
    await preview.region.getByRole('link', { name: 'the web' }).click();
    expect(await page.evaluate(() => (window as unknown as { __opened: unknown[][] }).__opened)).toEqual([['https://example.com/page', '_blank', 'noopener']]);

    await preview.region.locator('sup a').first().click();
    await expect.poll(() => page.evaluate(() => document.querySelector('.preview-scroll')?.scrollTop ?? 0)).toBeGreaterThan(1000);
    expect(page.url()).toBe(start);

    await page.keyboard.press('Control+Shift+V');
    await expect(preview.region).toHaveCount(0);
    await page.keyboard.press('Control+Shift+V');
    await expect(preview.region).toBeVisible();
  });

  test('remote images wait for "Load remote images"; aligned table cells need no inline style', async () => {
    await workspace.open(LONG_TITLE, LONG_POST);
    await preview.show();
    await expect(preview.region.getByRole('cell', { name: 'b' })).toHaveClass(/text-align-center/u);
    await expect(preview.region.getByRole('img', { name: 'Remote' })).toContainText('Remote image not loaded');
    await expect(preview.region.getByRole('button', { name: 'Load remote images (1)' })).toBeVisible();
  });
});
