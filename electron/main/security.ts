import { app, session, shell } from 'electron';
import { attachNavigationGuards, type GuardedContents } from '../security/guards';
import { APP_ORIGIN } from './app-protocol';

/** Deny every permission, keep every window on the app, and send web links to the system browser. */
export function applySecurityPolicy(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    attachNavigationGuards(contents as unknown as GuardedContents, APP_ORIGIN, (url) => void shell.openExternal(url));
  });
}
