import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRendererFile } from '../../../../electron/security/renderer-files';
import { tempDir } from '../../../helpers/temp-site';

const temp = tempDir();
const dist = path.join(temp.dir, 'renderer');
mkdirSync(path.join(dist, 'assets'), { recursive: true });
writeFileSync(path.join(dist, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(temp.dir, 'secret.txt'), 'secret');
afterAll(() => temp.dispose());

describe('loadRendererFile', () => {
  it('serves the page with a fresh style nonce in both the CSP and the meta tag', async () => {
    const first = await loadRendererFile(dist, '/');
    const second = await loadRendererFile(dist, '/index.html');
    const nonce = /nonce-([^']+)'/u.exec(first.headers['Content-Security-Policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body.toString()).toContain(`<meta name="hanji-style-nonce" content="${nonce}">`);
    expect(second.headers['Content-Security-Policy']).not.toContain(nonce);
  });

  it('serves assets with their type and the security headers', async () => {
    const js = await loadRendererFile(dist, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toMatch(/^text\/javascript/u);
    expect(js.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/a%00b', '/%E0%A4%A', '/missing.js'])(
    'answers 404 for %s',
    async (urlPath) => {
      expect((await loadRendererFile(dist, urlPath)).status).toBe(404);
    },
  );
});
