import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteApi } from '../../shared/contract/api';
import { fail } from '../../shared/contract/result';
import { MAX_POST_CHARS } from '../../shared/contract/schemas';
import { dispatch } from '../../shared/rpc/dispatch';
import type { EventBus } from '../../shared/rpc/emitter';
import { loadRendererFile } from '../security/renderer-files';

/** Largest request body: the largest post text, at worst 6 JSON bytes per character (`\u001f`), plus room. */
export const DEFAULT_MAX_BODY_BYTES = MAX_POST_CHARS * 6 + 64 * 1024;
const LOOPBACK = '127.0.0.1';

/** What the browser-mode server needs: the engine, its events, and where the built renderer is. */
export interface WebServerOptions {
  api: SiteApi;
  events: EventBus;
  /** Folder of the built renderer; without it only the API is served. */
  staticDir?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

/** A running browser-mode server. */
export interface WebServer {
  port: number;
  token: string;
  /** The address to open, with the token in the fragment so it never reaches a log or a Referer. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve the renderer and the API on 127.0.0.1 only. Every request must name the loopback host
 * (defeats DNS rebinding) and come from no foreign Origin; API calls need the bearer token.
 * No CORS headers are ever sent, so other sites cannot read anything.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('hanji: web request failed', error);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'The server failed; see its log.'));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden: unexpected Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) return sendText(res, 403, 'Forbidden: foreign Origin.');
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

    if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') {
      if (!hasToken(req.headers.authorization, token)) return sendText(res, 401, 'Unauthorized: missing or wrong token.');
      if (url.pathname === '/events') return streamEvents(req, res, options.events);
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for API calls.');
      return handleRpc(req, res, url.pathname.slice('/rpc/'.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(res, options.staticDir, url.pathname, req.method === 'HEAD');
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, encodedMethod: string): Promise<void> {
    let method: string;
    try {
      method = decodeURIComponent(encodedMethod);
    } catch {
      return sendJson(res, 400, fail('BAD_REQUEST', 'The method name is not valid URL encoding.'));
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/u.test(type)) return sendText(res, 415, 'Send API calls as application/json.');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return sendText(res, 413, 'Request body too large.', true);
    const body = await readBody(req, maxBody);
    if (body === null) return sendText(res, 413, 'Request body too large.', true);
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('BAD_REQUEST', 'The request body is not valid JSON.'));
    }
    sendJson(res, 200, await dispatch(options.api, method, args));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The names this server answers to; any other Host is a DNS-rebinding attempt. */
const HOST_NAMES = [LOOPBACK, 'localhost'];

/** True when the Host header names this server on a loopback name and its own port. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return HOST_NAMES.some((name) => host === `${name}:${port}`);
}

function isOwnOrigin(origin: string, port: number): boolean {
  return HOST_NAMES.some((name) => origin === `http://${name}:${port}`);
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/u.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Read a body up to `limit` bytes; null as soon as it is larger (the rest is not buffered). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, events: EventBus): void {
  res.writeHead(200, { ...PLAIN_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
  // Comments keep idle connections from being closed by the browser or a proxy.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

async function serveStatic(res: http.ServerResponse, root: string | undefined, pathname: string, headOnly: boolean): Promise<void> {
  if (!root) return sendText(res, 404, 'Not found.');
  const file = await loadRendererFile(root, pathname);
  res.writeHead(file.status, { ...file.headers, 'Content-Length': file.body.length, 'Cache-Control': 'no-cache' });
  res.end(headOnly ? undefined : file.body);
}

/** Headers of every API or error response: never cached, never sniffed. */
const PLAIN_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendText(res: http.ServerResponse, status: number, text: string, close = false): void {
  send(res, status, 'text/plain; charset=utf-8', text, close ? { Connection: 'close' } : {});
}

function send(res: http.ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...PLAIN_HEADERS, ...extra, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
