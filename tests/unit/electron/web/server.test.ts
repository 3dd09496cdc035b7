import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import { startWebServer, type WebServer } from '../../../../electron/web/server';
import { copySampleSite } from '../../../helpers/temp-site';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with full control of the headers (fetch would not let us forge Host). */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.host ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode HTTP bridge', () => {
  const site = copySampleSite();
  let server: WebServer;
  let rpc: (method: string, args: unknown, headers?: Record<string, string>) => Promise<RawResponse>;

  beforeAll(async () => {
    const service = new SiteService();
    await service.openSite(site.root);
    server = await startWebServer({ api: service, events: service.events, maxBodyBytes: 64 * 1024 });
    rpc = (method, args, headers = {}) =>
      request(server.port, {
        method: 'POST',
        path: `/rpc/${method}`,
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
        body: JSON.stringify(args),
      });
  });
  afterAll(async () => {
    await server.close();
    site.dispose();
  });

  it('answers a valid call with a Result', async () => {
    const res = await rpc('getSite', []);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { title: '한지 블로그' } });
  });

  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{40,}$`, 'u'));
  });

  it.each(['evil.example', 'evil.example:80', 'attacker.com:80', '127.0.0.1', '0.0.0.0'])('refuses Host %s with 403', async (host) => {
    const res = await rpc('getSite', [], { Host: host });
    expect(res.status).toBe(403);
  });

  it('refuses a Host on the right name but another port with 403', async () => {
    expect((await rpc('getSite', [], { Host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await request(server.port, { path: '/', headers: { Host: `localhost.evil.example:${server.port}` } })).status).toBe(403);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer wrong' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${'A'.repeat(43)}` }],
    ['another scheme', { Authorization: 'Basic abc' }],
  ])('refuses %s with 401', async (_name, auth) => {
    const headers = { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...auth };
    const res = await request(server.port, { method: 'POST', path: '/rpc/getSite', headers, body: '[]' });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('한지');
  });

  it('refuses the event stream without the token', async () => {
    const res = await request(server.port, { path: '/events', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(res.status).toBe(401);
  });

  it.each(['https://evil.example', 'http://127.0.0.1.evil.example', 'null', `http://127.0.0.1:${1}`])('refuses Origin %s with 403', async (origin) => {
    const res = await rpc('getSite', [], { Origin: origin });
    expect(res.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    expect((await rpc('getSite', [], { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify(['_posts/a.md', 'x'.repeat(70 * 1024), 'a'.repeat(64)]);
    const res = await request(server.port, {
      method: 'POST',
      path: '/rpc/writePost',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: big,
    });
    expect(res.status).toBe(413);
  });

  it('refuses an oversized body sent in chunks without a Content-Length with 413', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/rpc/writePost',
          headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, 'Transfer-Encoding': 'chunked' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(8 * 1024));
      req.end();
    });
    expect(res).toBe(413);
  });

  it('answers a method name that is not valid URL encoding with 400, not a crash', async () => {
    const res = await rpc('%E0%A4%A', []);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a body that is not JSON, and a form post', async () => {
    const res = await request(server.port, {
      method: 'POST',
      path: '/rpc/getSite',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await rpc('getSite', [], { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('sends no CORS headers, not even to a preflight', async () => {
    const preflight = await request(server.port, {
      method: 'OPTIONS',
      path: '/rpc/getSite',
      headers: { Host: `127.0.0.1:${server.port}`, Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST' },
    });
    const call = await rpc('getSite', []);
    for (const res of [preflight, call]) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    await expect(request(server.port, { host: '127.0.0.2', path: '/', headers: { Host: `127.0.0.1:${server.port}` } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      await expect(request(server.port, { host: address, path: '/', headers: { Host: `127.0.0.1:${server.port}` } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    await expect(request(server.port, { host: '::1', path: '/', headers: { Host: `127.0.0.1:${server.port}` } })).rejects.toBeTruthy();
  });
});
