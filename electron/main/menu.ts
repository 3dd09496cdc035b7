import { Menu, type MenuItemConstructorOptions } from 'electron';
import { toAccelerator, type MenuItemSpec, type MenuTitles } from '../../shared/contract/app-menu';

/** What the menu can ask the app to do. */
export interface MenuActions {
  openSiteFolder(): void;
  /** Sites opened before, most recent first, for File › Open Recent. */
  recentSites: readonly string[];
  openRecent(root: string): void;
  /** A command of the renderer's registry was chosen. */
  runCommand(id: string): void;
}

/** The renderer's commands as they arrived last (none until the window has loaded). */
export interface RendererMenu {
  titles: MenuTitles;
  items: MenuItemSpec[];
}

/**
 * Build the application menu: File, Post and View hold the renderer's commands (the same records
 * its toolbar, context menu and shortcuts use); platform roles give Edit and Window. On Windows
 * and Linux the shortcuts are shown but left to the renderer, which handles them already; on
 * macOS the menu answers them, as users expect there.
 */
export function buildMenu(actions: MenuActions, isMac: boolean, renderer: RendererMenu | null): Menu {
  const commands = (menu: MenuItemSpec['menu']): MenuItemConstructorOptions[] =>
    (renderer?.items ?? [])
      .filter((item) => item.menu === menu)
      .map((item) => ({
        id: item.id,
        label: item.label,
        enabled: item.enabled,
        ...(item.shortcut ? { accelerator: toAccelerator(item.shortcut), registerAccelerator: isMac } : {}),
        click: () => actions.runCommand(item.id),
      }));
  const post = commands('post');
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: renderer?.titles.file ?? '&File',
      submenu: [
        ...commands('file'),
        { id: 'file.openSite', label: 'Open Site Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openSiteFolder() },
        {
          label: 'Open Recent',
          enabled: actions.recentSites.length > 0,
          submenu: actions.recentSites.map((root) => ({ label: root, click: () => actions.openRecent(root) })),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...(post.length > 0 ? [{ label: renderer?.titles.post ?? '&Post', submenu: post }] : []),
    {
      label: renderer?.titles.view ?? '&View',
      submenu: [
        ...commands('view'),
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
