/**
 * Hanji's main process: app lifecycle, the window, the menu and the IPC bridge to the engine.
 * All logic lives in electron/core; this file only wires it to Electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, shell } from 'electron';
import { menuSpecSchema, menuTitlesSchema } from '../../shared/contract/app-menu';
import { EVENT_CHANNEL, MENU_CHANNEL, MENU_COMMAND_CHANNEL, RPC_CHANNEL } from '../../shared/contract/bridge';
import { fail } from '../../shared/contract/result';
import { dispatch } from '../../shared/rpc/dispatch';
import { ensureSampleSite } from '../core/sample-site';
import { SettingsStore } from '../core/settings-store';
import { restrictOpenSite } from '../core/site-access';
import { SiteService } from '../core/site-service';
import { mainWindowOptions } from './window-options';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { buildMenu, type RendererMenu } from './menu';
import { isTrustedSender } from '../security/guards';
import { applySecurityPolicy } from './security';

// Tests and portable setups point Hanji at a fresh profile; must happen before `ready`.
if (process.env['HANJI_USER_DATA']) app.setPath('userData', path.resolve(process.env['HANJI_USER_DATA']));

const here = path.dirname(fileURLToPath(import.meta.url));
const service = new SiteService({
  watch: true,
  revalidate: 'after',
  cacheDir: path.join(app.getPath('userData'), 'cache'),
  recoveryDir: path.join(app.getPath('userData'), 'recovery'),
  trash: (abs) => shell.trashItem(abs),
});
/** Folders the user chose here (startup site, File › Open); the renderer may reopen only these. */
const grantedRoots = new Set<string>();
const rendererApi = restrictOpenSite(service, (root) => grantedRoots.has(root));
let settings: SettingsStore;
let mainWindow: BrowserWindow | null = null;
let rendererMenu: RendererMenu | null = null;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Hanji could not start', String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  settings = new SettingsStore(app.getPath('userData'));
  applySecurityPolicy();
  serveRenderer(path.join(here, '../renderer'));

  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, APP_ORIGIN)) return fail('BAD_REQUEST', 'Refused: the call did not come from Hanji’s own window.');
    if (typeof method !== 'string') return fail('BAD_REQUEST', 'The method name must be a string.');
    return dispatch(rendererApi, method, args);
  });
  service.events.subscribe((message) => mainWindow?.webContents.send(EVENT_CHANNEL, message));
  // The renderer publishes its command registry for the menu bar; anything malformed is ignored.
  ipcMain.on(MENU_CHANNEL, (event, titles: unknown, items: unknown) => {
    if (!isTrustedSender(event.senderFrame, APP_ORIGIN)) return;
    const parsedTitles = menuTitlesSchema.safeParse(titles);
    const parsedItems = menuSpecSchema.safeParse(items);
    if (!parsedTitles.success || !parsedItems.success) return;
    rendererMenu = { titles: parsedTitles.data, items: parsedItems.data };
    buildMenuForPlatform();
  });

  await openStartupSite();
  buildMenuForPlatform();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

/** Reopen the last site; on first start (or if it is gone) open the user's copy of the sample site. */
async function openStartupSite(): Promise<void> {
  const last = settings.get().lastSite;
  if (last && existsSync(last)) {
    try {
      grantedRoots.add((await service.openSite(last)).root);
      return;
    } catch (error) {
      console.error(`hanji: could not reopen ${last}`, error);
    }
  }
  const bundled = app.isPackaged ? path.join(process.resourcesPath, 'sample-site') : path.join(app.getAppPath(), 'resources', 'sample-site');
  const root = ensureSampleSite(bundled, path.join(app.getPath('userData'), 'sample-site'));
  grantedRoots.add((await service.openSite(root)).root);
  await settings.rememberSite(root);
}

async function openSiteFolder(): Promise<void> {
  const options = { title: 'Open a Jekyll site folder', properties: ['openDirectory' as const] };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const folder = choice.filePaths[0];
  if (choice.canceled || !folder) return;
  await openSite(folder);
}

/** Open a site the user chose (File › Open, Open Recent) and remember it. */
async function openSite(folder: string): Promise<void> {
  try {
    grantedRoots.add((await service.openSite(folder)).root);
    await settings.rememberSite(folder);
    buildMenuForPlatform();
  } catch (error) {
    dialog.showErrorBox('Could not open the site', error instanceof Error ? error.message : String(error));
  }
}

function buildMenuForPlatform(): void {
  const recent = (settings.get().recentSites ?? []).filter((root) => existsSync(root));
  const actions = { openSiteFolder: () => void openSiteFolder(), openRecent: (root: string) => void openSite(root), recentSites: recent, runCommand: (id: string) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, id) };
  Menu.setApplicationMenu(buildMenu(actions, process.platform === 'darwin', rendererMenu));
}

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs'), settings.get().window));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  // The renderer's beforeunload handler blocks closing or reloading with unsaved edits; ask the
  // user, in the renderer's language: save (the renderer saves, then closes the window itself),
  // don't save, or cancel.
  window.webContents.on('will-prevent-unload', (event) => {
    const words = rendererMenu?.titles.unsaved ?? { message: 'This post has unsaved changes.', detail: 'If you don’t save, your changes will be lost.', save: 'Save', discard: 'Don’t Save', cancel: 'Cancel' };
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: [words.save, words.discard, words.cancel],
      defaultId: 0,
      cancelId: 2,
      message: words.message,
      detail: words.detail,
    });
    if (choice === 1) event.preventDefault();
    else if (choice === 0) window.webContents.send(MENU_COMMAND_CHANNEL, 'file.saveAndClose');
  });
  window.on('close', () => {
    const { width, height, x, y } = window.getNormalBounds();
    void settings.update({ window: { width, height, x, y } });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
