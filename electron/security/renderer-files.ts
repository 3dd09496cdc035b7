import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { STYLE_NONCE_META } from '../../shared/contract/bridge';
import { securityHeaders } from './csp';

/** A file of the built renderer, ready to send: status, headers and body. */
export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};


/**
 * Load one file of the built renderer for a URL path, confined to `rendererDir`. The HTML page
 * gets a fresh style nonce in its CSP and in a meta tag. Used by the app:// protocol and by
 * browser mode, so both serve exactly the same bytes and headers.
 */
export async function loadRendererFile(rendererDir: string, urlPath: string): Promise<RendererResponse> {
  const notFound: RendererResponse = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found.') };
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return notFound;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(rendererDir);
  const file = path.resolve(base, `.${path.posix.normalize(rel)}`);
  if (rel.includes('\0') || !file.startsWith(base + path.sep)) return notFound;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (path.extname(file) !== '.html') return { status: 200, headers: { ...securityHeaders(), 'Content-Type': type }, body };
  const nonce = randomBytes(18).toString('base64');
  const html = body.toString('utf8').replace('</head>', `<meta name="${STYLE_NONCE_META}" content="${nonce}"></head>`);
  return { status: 200, headers: { ...securityHeaders(nonce), 'Content-Type': type }, body: Buffer.from(html) };
}
