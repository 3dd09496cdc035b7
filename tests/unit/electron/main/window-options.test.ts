import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../electron/main/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('turns off <webview>, insecure content and experimental features', () => {
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and remembered size', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(mainWindowOptions('/p', { width: 900, height: 600, x: 10, y: 20 })).toMatchObject({ width: 900, height: 600, x: 10, y: 20 });
  });
});
