/**
 * The preload only exposes: one function per API method, one event subscription and the menu
 * bar's two channels, as `window.hanji`. It holds no logic and never hands the page `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, MENU_CHANNEL, MENU_COMMAND_CHANNEL, RPC_CHANNEL } from '../../shared/contract/bridge';
import { METHOD_NAMES } from '../../shared/contract/method-names';

const methods = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(RPC_CHANNEL, method, args)]),
);

contextBridge.exposeInMainWorld('hanji', {
  ...methods,
  onEvent(listener: (message: unknown) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
  setMenu(titles: unknown, items: unknown): void {
    ipcRenderer.send(MENU_CHANNEL, titles, items);
  },
  onMenuCommand(listener: (id: string) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, id: unknown) => {
      if (typeof id === 'string') listener(id);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
  },
});
