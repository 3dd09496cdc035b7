import { app, session, shell, type WebContents, type WebFrameMain } from 'electron';
import { decideNavigation, isAppUrl, onWillNavigate, onWindowOpen } from '../security/navigation';
import { APP_ORIGIN } from './app-protocol';

/** Deny every permission, keep every window on the app, and send web links to the system browser. */
export function applySecurityPolicy(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      const outcome = onWillNavigate(url, APP_ORIGIN);
      if (!outcome.stayInWindow) event.preventDefault();
      if (outcome.openExternally) void shell.openExternal(outcome.openExternally);
    });
    contents.on('will-redirect', (event, url) => {
      if (decideNavigation(url, APP_ORIGIN) !== 'allow') event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const outcome = onWindowOpen(url, APP_ORIGIN);
      if (outcome.openExternally) void shell.openExternal(outcome.openExternally);
      return { action: 'deny' };
    });
  });
}

/** True when an IPC message comes from the app's own top-level page, not a frame or another origin. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, APP_ORIGIN);
}
