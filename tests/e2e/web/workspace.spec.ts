import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SHARED_SAMPLES, copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, watchPageErrors, type BrowserMode } from './browser-mode';

/** Our users' real post, copied into the sample site so the workspace opens it like any other. */
const SAMPLE_NAME = '2025-02-05-openai-sam-altman-korea-visit.md';
const SAMPLE_POST = `_posts/${SAMPLE_NAME}`;
const SAMPLE_TITLE = /AI News - 오픈AI 샘 올트먼 방한/u;
const OTHER_POST = '_posts/2025-01-15-welcome-to-hanji.md';

/** Lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): { before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [{ before: line, after: b[i] as string }]));
}

/**
 * Compose Hangul through the IME as a Korean keyboard does: each step is the composition so far;
 * `enterAfter` presses Enter while that (half-built) step is still being composed.
 */
async function composeKorean(page: Page, steps: string[], commit: string, enterAfter?: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    if (text === enterAfter) await page.keyboard.press('Enter');
  }
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

test.describe('writing workspace', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let file: string;
  let original: string;
  let workspace: Workspace;
  let errors: string[];

  test.beforeEach(async ({ page }) => {
    errors = [];
    site = copySampleSite();
    file = path.join(site.root, SAMPLE_POST);
    // Written, not copied: the shared sample is read-only, and a copy would keep its mode.
    writeFileSync(file, readFileSync(path.join(SHARED_SAMPLES, SAMPLE_NAME)));
    original = readFileSync(file, 'utf8');
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

  test('the form edits the title line only, and a save without edits changes nothing', async ({ page }) => {
    await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const title = workspace.form.getByLabel('title', { exact: true });
    await title.fill('AI News - 샘 올트먼 방한 정리');
    await title.press('Enter');
    await expect(workspace.status).toContainText('Unsaved changes');
    await workspace.saveWithShortcut();
    const saved = readFileSync(file, 'utf8');
    expect(changedLines(original, saved)).toEqual([{ before: 'title: "AI News - 오픈AI 샘 올트먼 방한, 한국 AI 생태계에 새로운 바람을 불어넣다"', after: 'title: "AI News - 샘 올트먼 방한 정리"' }]);
    await page.keyboard.press('Control+s');
    await expect(workspace.status).toContainText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(saved);
  });

  test('a tag composed with the Korean IME is added once, inside the existing flow list', async ({ page }) => {
    await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const chips = workspace.form.getByRole('combobox', { name: 'tag' }).or(workspace.form.getByRole('textbox', { name: 'tag' }));
    await chips.click();
    await composeKorean(page, ['ㅋ', '카', '카ㅋ', '카카', '카카ㅇ', '카카오', '카카오ㅌ', '카카오토', '카카오톡'], '카카오톡', '카카오ㅌ');
    await page.keyboard.press('Enter');
    await expect(workspace.form.getByRole('button', { name: 'Remove tag 카카오톡' })).toHaveCount(1);
    await workspace.saveWithShortcut();
    expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual([
      { before: 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자]', after: 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자, 카카오톡]' },
    ]);
  });

  test('Korean composed in the editor is saved exactly', async ({ page }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', '');
    await composeKorean(page, ['ㅎ', '하', '한'], '한');
    await composeKorean(page, ['ㄱ', '그', '글'], '글');
    await page.keyboard.press('Enter');
    await composeKorean(page, ['ㅁ', '마', '말'], '말');
    await workspace.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(original.replace('## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통\n', '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통한글\n말\n'));
  });

  test('editing sidebar.nav in the form changes only that line', async () => {
    await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const nav = workspace.form.getByLabel('sidebar.nav', { exact: true });
    await nav.fill('news');
    await nav.press('Enter');
    await workspace.saveWithShortcut();
    expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual([{ before: '  nav: "docs"', after: '  nav: "news"' }]);
  });

  test('a form edit right after typing keeps the typing; the word count catches up with it', async () => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const words = Number(/(\d+) words/u.exec(await workspace.status.innerText())?.[1]);
    expect(words).toBeGreaterThan(0);
    const heading = '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통';
    // The typing reaches React after a pause; the form edit comes before it ends.
    await workspace.typeAtEndOfLine(editor, heading, ' one two three');
    const title = workspace.form.getByLabel('title', { exact: true });
    await title.fill('AI News - 정리');
    await title.press('Enter');
    await expect(workspace.status).toContainText(`${words + 3} words`);
    await workspace.saveWithShortcut();
    expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual([
      { before: 'title: "AI News - 오픈AI 샘 올트먼 방한, 한국 AI 생태계에 새로운 바람을 불어넣다"', after: 'title: "AI News - 정리"' },
      { before: heading, after: `${heading} one two three` },
    ]);
  });

  test('two tags added one right after the other, on an unsaved post, are both kept', async ({ page }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const heading = '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통';
    await workspace.typeAtEndOfLine(editor, heading, '!');
    await expect(workspace.status).toContainText('Unsaved changes');
    const chips = workspace.form.getByRole('combobox', { name: 'tag' }).or(workspace.form.getByRole('textbox', { name: 'tag' }));
    await chips.click();
    await page.keyboard.type('첫째');
    await page.keyboard.press('Enter');
    await page.keyboard.type('둘째');
    await page.keyboard.press('Enter');
    await workspace.saveWithShortcut();
    expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual([
      { before: 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자]', after: 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자, 첫째, 둘째]' },
      { before: heading, after: `${heading}!` },
    ]);
  });

  test('a tag typed into the YAML and a chip removed right after are both kept', async ({ page }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const line = 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자]';
    await workspace.typeAtEndOfLine(editor, line, '');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', 네이버');
    await workspace.form.getByRole('button', { name: 'Remove tag OpenAI' }).click();
    await workspace.saveWithShortcut();
    expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual([{ before: line, after: 'tag: [AI, 샘 올트먼, 카카오, SK그룹, 삼성전자, 네이버]' }]);
  });

  test('autosave waits for a pause in typing, then saves everything typed', async ({ page }) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Save automatically after a pause' }).check();
    await page.getByRole('button', { name: 'Close' }).click();
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    const heading = '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통';
    // Longer than the autosave pause (2 s), with no pause in it.
    const typed = ' and the developers asked about agents';
    await editor.getByText(heading, { exact: true }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 80 });
    expect(readFileSync(file, 'utf8')).toBe(original);
    await expect(workspace.status).toContainText('Saved', { timeout: 5000 });
    expect(readFileSync(file, 'utf8')).toBe(original.replace(`${heading}\n`, `${heading}${typed}\n`));
  });

  test('switching posts with unsaved changes asks first; Cancel keeps the text', async ({ page }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', ' (추가)');
    await workspace.posts.getByRole('option', { name: 'Welcome to Hanji' }).click();
    await expect(workspace.dialog).toContainText('Save changes');
    await workspace.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toContainText('직접 소통 (추가)');
    await expect(workspace.status).toContainText('Unsaved changes');
    // Don't save: the other post opens and this file is untouched.
    await workspace.posts.getByRole('option', { name: 'Welcome to Hanji' }).click();
    await workspace.dialog.getByRole('button', { name: "Don't save" }).click();
    await expect(page.getByRole('textbox', { name: `Text of ${OTHER_POST}` })).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  test('a change on disk while editing offers keep mine (after confirming) and take theirs', async () => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', ' — 내 편집');
    const theirs = original.replace('toc: true', 'toc: false');
    writeFileSync(file, theirs);
    await expect(workspace.dialog).toContainText('changed on disk');
    await workspace.dialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect(workspace.dialog).toContainText('Overwrite');
    await workspace.dialog.getByRole('button', { name: 'Overwrite' }).click();
    await expect(workspace.status).toContainText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(original.replace('직접 소통\n', '직접 소통 — 내 편집\n'));

    // Again, and this time take the version on disk.
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통 — 내 편집', '!');
    writeFileSync(file, theirs);
    await expect(workspace.dialog).toContainText('changed on disk');
    await workspace.dialog.getByRole('button', { name: 'Take theirs' }).click();
    await expect(workspace.page.getByRole('textbox', { name: `Text of ${SAMPLE_POST}` })).toContainText('toc: false');
    await expect(workspace.status).not.toContainText('Unsaved');
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  test('search finds a post by a word of its body; the tag filter shows only tagged posts', async () => {
    await workspace.page.getByRole('searchbox', { name: 'Search posts' }).fill('빌더랩');
    await expect(workspace.posts.getByRole('option')).toHaveCount(1);
    await expect(workspace.posts.getByRole('option', { name: SAMPLE_TITLE })).toBeVisible();
    await workspace.page.getByRole('searchbox', { name: 'Search posts' }).fill('');
    await workspace.page.getByRole('combobox', { name: 'Tag' }).selectOption('jekyll');
    // The two sample posts tagged jekyll (one in a flow list, one in a block list), and no other.
    const shown = workspace.posts.getByRole('option');
    await expect(shown).toHaveCount(2);
    await expect(workspace.posts.getByRole('option', { name: 'Welcome to Hanji' })).toBeVisible();
    await expect(workspace.posts.getByRole('option', { name: 'Jekyll front matter basics' })).toBeVisible();
  });

  test('after a crash, unsaved text is offered back and can be saved', async ({ page, context }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', ' — 복구될 글');
    // The copy is written after a pause in typing; then the window dies without asking.
    await page.waitForTimeout(1500);
    await page.close({ runBeforeUnload: false });
    expect(readFileSync(file, 'utf8')).toBe(original);

    const again = await context.newPage();
    again.on('pageerror', (error) => errors.push(error.message));
    await again.goto(server.url);
    const reopened = new Workspace(again);
    await expect(reopened.dialog).toContainText('Recover unsaved text?');
    await expect(reopened.dialog).toContainText(SAMPLE_POST);
    await reopened.dialog.getByRole('button', { name: 'Recover' }).click();
    await expect(again.getByRole('textbox', { name: `Text of ${SAMPLE_POST}` })).toContainText('직접 소통 — 복구될 글');
    await expect(reopened.status).toContainText('Unsaved changes');
    await reopened.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(original.replace('직접 소통\n', '직접 소통 — 복구될 글\n'));
  });

  test('each post keeps its undo history while another post is open', async ({ page }) => {
    const editor = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await workspace.typeAtEndOfLine(editor, '## 샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통', '!!');
    await workspace.saveWithShortcut();
    await workspace.open('Welcome to Hanji', OTHER_POST);
    const back = await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await back.click();
    await page.keyboard.press('Control+z');
    await expect(back).not.toContainText('직접 소통!!');
    await expect(workspace.status).toContainText('Unsaved changes');
    await workspace.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  test('post actions: the toolbar menu duplicates, F2 renames, delete asks first', async ({ page }) => {
    await workspace.open(SAMPLE_TITLE, SAMPLE_POST);
    await page.getByRole('button', { name: /Post actions/u }).click();
    await page.getByRole('menuitem', { name: /Duplicate/u }).click();
    const copy = workspace.posts.getByRole('option', { name: /\(copy\)/u });
    await expect(copy).toHaveCount(1);
    await expect(copy).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('F2');
    const rename = page.getByRole('alertdialog', { name: 'Rename post' });
    await rename.getByLabel('Title').fill('복제한 글');
    await rename.getByLabel('Slug (optional)').fill('copied-post');
    await rename.getByRole('button', { name: 'Rename' }).click();
    const renamed = workspace.posts.getByRole('option', { name: '복제한 글' });
    await expect(renamed).toHaveAttribute('aria-selected', 'true');
    await expect(renamed).toHaveAttribute('title', '_posts/2025-02-05-copied-post.md');

    await renamed.click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Delete/u }).click();
    await expect(workspace.dialog).toContainText('Delete “복제한 글”?');
    await workspace.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(renamed).toHaveCount(1);
    await renamed.click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Delete/u }).click();
    await workspace.dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(renamed).toHaveCount(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  test('the UI switches to Korean', async ({ page }) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('button', { name: '닫기' }).click();
    await expect(page.getByRole('button', { name: '새 글' })).toBeVisible();
    await expect(page.getByRole('listbox', { name: '글 목록' })).toBeVisible();
    await page.getByRole('option', { name: SAMPLE_TITLE }).click({ button: 'right' });
    await expect(page.getByRole('menuitem', { name: /복제/u })).toBeVisible();
  });
});
