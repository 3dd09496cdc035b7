import { createClient, type SiteClient } from '../../shared/rpc/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

const TOKEN_KEY = 'hanji.token';

/**
 * The only module that knows which transport is present: the preload's `window.hanji` in the
 * desktop app, otherwise the browser-mode HTTP bridge with the token from the address.
 */
export function connect(): SiteClient {
  if (window.hanji) return createClient(createIpcTransport(window.hanji));
  return createClient(createHttpTransport({ baseUrl: window.location.origin, token: takeToken() }));
}

/** Read the token from `#token=…` once, then drop it from the address bar and keep it for reloads. */
function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/u.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
