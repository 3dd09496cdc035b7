import type { BrowserWindowConstructorOptions } from 'electron';

/** Window size and position remembered between starts. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/**
 * The options of Hanji's main window. The renderer is untrusted content: isolated from the
 * preload, sandboxed, without Node, without <webview>, and unable to open other windows itself.
 */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds = { width: 1280, height: 820 }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Hanji',
    show: false,
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
