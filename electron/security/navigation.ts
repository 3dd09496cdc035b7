/** What to do with a URL the renderer tries to navigate to or open in a new window. */
export type NavigationDecision = 'allow' | 'external' | 'deny';

/**
 * Scheme and host of a URL. WHATWG `URL.origin` is "null" for custom schemes such as `app:`,
 * so the comparison is done on the parsed parts instead.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** True when `rawUrl` parses and belongs to `appOrigin` (e.g. `app://hanji` or `http://127.0.0.1:5173`). */
export function isAppUrl(rawUrl: string, appOrigin: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.host !== '' && originOf(url) === appOrigin;
  } catch {
    return false;
  }
}

/**
 * Decide a navigation by parsing the URL, never by string prefix: the app's own origin stays in
 * the window, http(s) goes to the system browser, everything else (file:, javascript:, data:,
 * custom schemes, unparsable text) is refused.
 */
export function decideNavigation(rawUrl: string, appOrigin: string): NavigationDecision {
  if (isAppUrl(rawUrl, appOrigin)) return 'allow';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'deny';
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  return web && url.hostname !== '' && url.username === '' && url.password === '' ? 'external' : 'deny';
}

/** What the window does with one navigation or window-open request. */
export interface NavigationOutcome {
  /** Whether the window itself may go there. */
  stayInWindow: boolean;
  /** A URL to hand to the system browser, or null. */
  openExternally: string | null;
}

/** `will-navigate`: only the app's own pages load in the window; web links go to the system browser. */
export function onWillNavigate(rawUrl: string, appOrigin: string): NavigationOutcome {
  const decision = decideNavigation(rawUrl, appOrigin);
  return { stayInWindow: decision === 'allow', openExternally: decision === 'external' ? new URL(rawUrl).href : null };
}

/** `setWindowOpenHandler`: Hanji never opens a second window; web links go to the system browser. */
export function onWindowOpen(rawUrl: string, appOrigin: string): NavigationOutcome {
  const decision = decideNavigation(rawUrl, appOrigin);
  return { stayInWindow: false, openExternally: decision === 'external' ? new URL(rawUrl).href : null };
}
