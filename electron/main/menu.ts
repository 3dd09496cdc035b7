import { Menu, type MenuItemConstructorOptions } from 'electron';

/** What the menu can ask the app to do. */
export interface MenuActions {
  openSiteFolder(): void;
}

/** Build the application menu; platform roles give the expected Edit and Window items. */
export function buildMenu(actions: MenuActions, isMac: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'file.openSite', label: 'Open Site Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openSiteFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
