/**
 * The Content-Security-Policy of the renderer, in both the desktop app and browser mode.
 * Scripts only from the app itself (no inline, no eval), nothing embedded, no base or form
 * targets. CodeMirror injects its styles as <style> elements, so styles also accept a
 * per-document nonce that the editor passes to `EditorView.cspNonce`.
 */
export function rendererCsp(styleNonce?: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", ...(styleNonce ? [`'nonce-${styleNonce}'`] : [])],
    // https: so that "Load remote images" can work: the preview's sanitizer is the gate, keeping a
    // web image's src only once the user allowed it for the post (and never an http: one). Fetching
    // through the engine instead would make it a proxy to any address, the local network included.
    // Site images arrive as blob: URLs made from SiteApi.readAsset.
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers every renderer response gets, in the desktop app and in browser mode. */
export function securityHeaders(styleNonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp(styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
