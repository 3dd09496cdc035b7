/**
 * The preload only exposes: one function per API method and one event subscription, as
 * `window.hanji`. It holds no logic and never hands the page `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../shared/contract/bridge';
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
});
