import { isAppUrl, onWillNavigate, onWindowOpen } from './navigation';

/** The part of an Electron `WebContents` the guards use; tests pass a fake. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of an IPC sender frame that identifies it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Keep a web contents on the app: no <webview>, no navigation or redirect away from `appOrigin`,
 * no new windows; http(s) links are handed to `openExternal` (the system browser).
 */
export function attachNavigationGuards(contents: GuardedContents, appOrigin: string, openExternal: (url: string) => void): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    const outcome = onWillNavigate(url, appOrigin);
    if (!outcome.stayInWindow) event.preventDefault();
    if (outcome.openExternally) openExternal(outcome.openExternally);
  });
  contents.on('will-redirect', (event, url) => {
    if (!onWillNavigate(url, appOrigin).stayInWindow) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const outcome = onWindowOpen(url, appOrigin);
    if (outcome.openExternally) openExternal(outcome.openExternally);
    return { action: 'deny' };
  });
}

/** True when an IPC message comes from the app's own top-level page, not a subframe or another origin. */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url, appOrigin);
}
