import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT, SAMPLE_SITE, copySampleSite, tempDir } from '../../helpers/temp-site';
import { METHOD_NAMES } from '../../../shared/contract/method-names';
import { Workspace } from '../pages/workspace';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
const KOREAN_POST = '_posts/2025-02-05-openai-korea-visit-notes.md';

test.describe('desktop app', () => {
  test.skip('reason' in binary, 'reason' in binary ? `Electron tests skipped: ${binary.reason}` : '');
  if ('reason' in binary) console.log(`[electron] skipped: ${binary.reason}`);

  let profile: ReturnType<typeof tempDir>;
  let app: ElectronApplication;
  let page: Page;

  /** Launch Hanji with a fresh profile, as a user would on first start. */
  async function launch(): Promise<void> {
    if (!('path' in binary)) throw new Error('unreachable: skipped above');
    app = await electron.launch({
      executablePath: binary.path,
      args: [REPO_ROOT],
      env: { ...process.env, HANJI_USER_DATA: profile.dir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }

  test.beforeEach(async () => {
    profile = tempDir('hanji-profile-');
    await launch();
  });

  test.afterEach(async () => {
    await app?.close();
    profile.dispose();
  });

  test('first start opens a copy of the sample site, leaving the bundled one untouched', async () => {
    await expect(new Workspace(page).posts.getByRole('option')).toHaveCount(7);
    await expect(page.getByRole('heading', { name: '한지 블로그' })).toBeVisible();
    expect(existsSync(path.join(profile.dir, 'sample-site', KOREAN_POST))).toBe(true);
  });

  test('the renderer is isolated and sandboxed, with only the contract exposed', async () => {
    const exposed = await page.evaluate(() => {
      const w = window as unknown as { require?: unknown; process?: unknown; module?: unknown; hanji?: Record<string, unknown> };
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        hanji: Object.keys(w.hanji ?? {}).sort(),
        // With context isolation the page sees the bridge, never the preload's own globals.
        ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
        webview: document.createElement('webview') instanceof HTMLUnknownElement,
      };
    });
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      hanji: [...METHOD_NAMES, 'onEvent', 'onMenuCommand', 'setMenu'].sort(),
      ipcRenderer: 'undefined',
      webview: true,
    });
    const denied = await page.evaluate(() => navigator.permissions.query({ name: 'notifications' as PermissionName }).then((s) => s.state));
    expect(denied).not.toBe('granted');
  });

  test("the menu bar shows the renderer's commands, and choosing one runs it", async () => {
    const menuLabels = () =>
      app.evaluate(({ Menu }) =>
        (Menu.getApplicationMenu()?.items ?? []).flatMap((top) => (top.submenu?.items ?? []).map((item) => `${top.label}/${item.label}/${item.enabled}`)),
      );
    await expect.poll(menuLabels).toContain('&Post/New post/true');
    await expect.poll(menuLabels).toContain('&Post/Duplicate/false');
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('post.new')?.click());
    await expect(page.getByRole('alertdialog', { name: 'New post' })).toBeVisible();
  });

  test('types Korean into a post and saves exactly that with Ctrl+S', async () => {
    const file = path.join(profile.dir, 'sample-site', KOREAN_POST);
    const before = readFileSync(file, 'utf8');
    const workspace = new Workspace(page);
    const editor = await workspace.open(/오픈AI CEO 방한 정리/u, KOREAN_POST);
    await workspace.typeAtEndOfLine(editor, '## 카카오와의 협력', ' 그리고 전망');
    await workspace.saveWithShortcut();
    expect(readFileSync(file, 'utf8')).toBe(before.replace('## 카카오와의 협력\n', '## 카카오와의 협력 그리고 전망\n'));
    expect(readFileSync(path.join(SAMPLE_SITE, KOREAN_POST), 'utf8')).toBe(before);
  });

  test('File › Open Site Folder… opens another site, and the next start reopens it', async () => {
    const other = copySampleSite();
    writeFileSync(path.join(other.root, '_config.yml'), 'title: "다른 블로그"\n');
    try {
      await app.evaluate(({ dialog, Menu }, folder) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
        Menu.getApplicationMenu()?.getMenuItemById('file.openSite')?.click();
      }, other.root);
      await expect(page.getByRole('heading', { name: '다른 블로그' })).toBeVisible();
      await app.close();
      await launch();
      await expect(page.getByRole('heading', { name: '다른 블로그' })).toBeVisible();
    } finally {
      other.dispose();
    }
  });

  test('web links leave for the system browser and the window stays on the app', async () => {
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { opened?: string[] }).opened = opened;
      shell.openExternal = (async (url: string) => void opened.push(url)) as typeof shell.openExternal;
    });
    const appUrl = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await page.evaluate(() => window.open('file:///etc/passwd'));
    await expect.poll(() => app.evaluate(() => (globalThis as { opened?: string[] }).opened)).toEqual(['https://evil.example/']);
    expect(page.url()).toBe(appUrl);
  });
});
