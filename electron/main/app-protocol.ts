import { protocol } from 'electron';
import { loadRendererFile } from '../security/renderer-files';

/** The renderer is served from `app://hanji/`, a standard secure origin that CSP `'self'` can name. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://hanji`;

/** Must run before `app.ready`: declares the scheme's privileges. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer from `rendererDir` with the same files and headers as browser mode. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'hanji') return new Response('Not found', { status: 404 });
    const file = await loadRendererFile(rendererDir, url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}
