import path from 'node:path';
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT } from '../../helpers/temp-site';

/**
 * The preview's sanitizer needs a real DOM (DOMPurify), and jsdom is not installed: it runs here in
 * Chromium, bundled on the fly, on a blank page. These are its unit tests; preview-xss.spec.ts
 * runs the payloads through the whole app.
 */

interface Sanitized {
  html: string;
  blocked: number;
}

let bundle = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'renderer/features/preview/sanitize.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'HanjiSanitize',
    platform: 'browser',
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]?.text ?? '';
});

async function load(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle });
}

async function sanitize(page: Page, html: string, remoteImages = false): Promise<Sanitized> {
  return page.evaluate(
    ({ input, remote }) => {
      const api = (window as unknown as { HanjiSanitize: typeof import('../../../renderer/features/preview/sanitize') }).HanjiSanitize;
      const { fragment, blockedRemoteImages } = api.sanitizePreview(input, {
        baseurl: '/blog',
        postUrl: '/ai/post/',
        remoteImages: remote,
        labels: { remoteImage: 'REMOTE', siteImage: 'SITE', insecureImage: 'HTTP' },
      });
      const box = document.createElement('div');
      box.append(fragment);
      return { html: box.innerHTML, blocked: blockedRemoteImages };
    },
    { input: html, remote: remoteImages },
  );
}

test.describe('sanitizePreview (in Chromium)', () => {
  test.beforeEach(async ({ page }) => load(page));

  const removed: [string, string, RegExp][] = [
    ['script elements', '<p>a</p><script>window.__xss=1</script>', /<script|__xss/iu],
    ['event handlers', '<img src="x.png" onerror="alert(1)"><p onclick="alert(1)" onmouseover="x()">a</p>', /\son[a-z]+=/iu],
    ['javascript: links, also entity- and tab-encoded', '<a href="javascript:alert(1)">a</a><a href="jav&#x09;ascript:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>', /href/iu],
    ['vbscript: and data:text/html links', '<a href="vbscript:msgbox(1)">a</a><a href="data:text/html,<script>alert(1)</script>">b</a>', /href/iu],
    ['iframes, srcdoc, object, embed', '<iframe srcdoc="<script>alert(1)</script>"></iframe><object data="x.swf"></object><embed src="x.swf">', /<iframe|srcdoc|<object|<embed/iu],
    ['forms, buttons and text inputs', '<form action="https://evil.example"><input name="q"><button formaction="https://evil.example">go</button></form>', /<form|<input|<button|action/iu],
    ['meta, base, link and style', '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><style>body{background:url(https://evil.example/t)}</style>', /<meta|<base|<link|<style|evil/iu],
    ['style attributes other than text alignment', '<p style="background:url(javascript:alert(1))">a</p><p style="color:red">b</p>', /style=/iu],
    ['external SVG <use>', '<svg><use href="https://evil.example/x.svg#a"></use><use xlink:href="data:image/svg+xml,<svg/>#a"></use></svg>', /href/iu],
    ['SVG image and external paint servers', '<svg><image href="https://evil.example/t.png"></image><rect fill="url(https://evil.example/p.svg#g)"></rect></svg>', /<image|evil/iu],
    ['targets', '<a href="https://example.com" target="_top">a</a>', /target=/iu],
    ['mXSS through <svg><style>', '<svg><style><img src=x onerror=alert(1)></style></svg>', /onerror|<style/iu],
    ['noscript title break-out', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', /onerror|<noscript/iu],
  ];
  for (const [what, input, forbidden] of removed) {
    test(`removes ${what}`, async ({ page }) => {
      const { html } = await sanitize(page, input);
      expect(html).not.toMatch(forbidden);
    });
  }

  test('keeps ids exactly, classes, roles and Liquid notices', async ({ page }) => {
    const { html } = await sanitize(page, '<h2 id="title">T</h2><h2 id="개요-1" class="no_toc">개요</h2><div class="liquid-error" role="note">Liquid: bad tag</div><sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote">1</a></sup>');
    expect(html).toContain('<h2 id="title">');
    expect(html).toContain('<h2 id="개요-1" class="no_toc">');
    expect(html).toContain('<div class="liquid-error" role="note">Liquid: bad tag</div>');
    expect(html).toContain('<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="noopener noreferrer">1</a></sup>');
  });

  test('turns kramdown table alignment into classes', async ({ page }) => {
    const { html } = await sanitize(page, '<table><tr><th style="text-align: left">a</th><td style="text-align: center">b</td><td class="x" style="text-align:right;">c</td><td data-hanji-align="javascript:x">d</td></tr></table><p style="text-align: justify">e</p>');
    expect(html).toContain('<th class="text-align-left">a</th>');
    expect(html).toContain('<td class="text-align-center">b</td>');
    expect(html).toContain('<td class="x text-align-right">c</td>');
    expect(html).toContain('<td>d</td>');
    expect(html).toContain('<p class="text-align-justify">e</p>');
  });

  test('keeps disabled task-list checkboxes only', async ({ page }) => {
    const { html } = await sanitize(page, '<ul class="task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked">done</li><li><input type="checkbox">live</li><li><input type="text" disabled></li></ul>');
    expect(html.match(/<input/gu)).toHaveLength(1);
    expect(html).toContain('<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked">');
  });

  test('gives every link rel="noopener noreferrer"', async ({ page }) => {
    const { html } = await sanitize(page, '<a href="https://example.com/">a</a><a href="#개요">b</a><a href="/blog/x/">c</a>');
    expect(html.match(/rel="noopener noreferrer"/gu)).toHaveLength(3);
  });

  test('keeps raster data: images, and shows other data: images as their alt text', async ({ page }) => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { html } = await sanitize(page, `<img src="${png}" alt="dot"><img src="data:image/svg+xml,<svg onload=alert(1)>" alt="svg"><img src="data:text/html,x" alt="page">`);
    expect(html).toContain(`<img src="${png}" alt="dot">`);
    expect(html.match(/<img/gu)).toHaveLength(1);
    expect(html).toContain('aria-label="svg"');
    expect(html).toContain('aria-label="page"');
  });

  test('shows site images, with or without the baseurl, as hanji-asset: placeholders with their alt text', async ({ page }) => {
    const { html, blocked } = await sanitize(page, '<img src="/assets/images/a.png" alt="첫 그림"><img src="/blog/assets/images/b.png" alt="B"><img src="x" alt="rel">');
    expect(html).not.toContain('<img');
    expect(html).toContain('data-asset="hanji-asset:assets/images/a.png"');
    expect(html).toContain('data-asset="hanji-asset:assets/images/b.png"');
    expect(html).toContain('data-asset="hanji-asset:ai/post/x"');
    expect(html).toContain('<span class="preview-image-alt">첫 그림</span>');
    expect(blocked).toBe(0);
  });

  test('sanitizes a batch of pieces exactly as it sanitizes each alone, even when one swallows the rest', async ({ page }) => {
    const results = await page.evaluate(() => {
      const api = (window as unknown as { HanjiSanitize: typeof import('../../../renderer/features/preview/sanitize') }).HanjiSanitize;
      const options = { baseurl: '', postUrl: '/', remoteImages: false, labels: { remoteImage: 'REMOTE', siteImage: 'SITE', insecureImage: 'HTTP' } };
      const serialize = (fragment: DocumentFragment) => {
        const box = document.createElement('div');
        box.append(fragment);
        return box.innerHTML;
      };
      const pieces = ['<h2 id="a">A</h2>\n', '<p onclick="x()">b <img src="https://e.example/i.png" alt="i"></p>\n', '\n', '<table><tr><td style="text-align: right">c</td></tr></table>\n', '<script>alert(1)</script>\n'];
      const swallowing = ['<p>a</p>\n', '<textarea><p>b</p>\n', '<p>c</p>\n'];
      return [pieces, swallowing].map((list) => ({
        batch: api.sanitizePieces(list, options).map((r) => [serialize(r.fragment), r.blockedRemoteImages]),
        alone: list.map((piece) => api.sanitizePreview(piece, options)).map((r) => [serialize(r.fragment), r.blockedRemoteImages]),
      }));
    });
    for (const { batch, alone } of results) expect(batch).toEqual(alone);
    expect(results[0]?.batch[1]).toEqual(['<p>b <span class="preview-image preview-image-remote" role="img" aria-label="i" title="https://e.example/i.png"><span class="preview-image-alt">i</span><span class="preview-image-note">REMOTE</span></span></p>\n', 1]);
    expect(results[0]?.batch[4]).toEqual(['\n', 0]);
  });

  test('holds remote images back until they are allowed, then loads them without a referrer', async ({ page }) => {
    const input = '<img src="https://example.com/a.png" alt="A"><img src="//example.com/b.png" alt="B">';
    const held = await sanitize(page, input);
    expect(held.blocked).toBe(2);
    expect(held.html).not.toContain('<img');
    expect(held.html).toContain('REMOTE');
    const allowed = await sanitize(page, input, true);
    expect(allowed.blocked).toBe(0);
    expect(allowed.html.match(/<img[^>]*referrerpolicy="no-referrer"/gu)).toHaveLength(2);
    // The CSP allows https: only; a protocol-relative image is loaded as the published site would over https.
    expect(allowed.html).toContain('src="https://example.com/b.png"');
  });

  test('never loads an http: image, even when remote images are allowed, and does not offer it', async ({ page }) => {
    for (const remote of [false, true]) {
      const { html, blocked } = await sanitize(page, '<img src="http://example.com/a.png" alt="A">', remote);
      expect(blocked).toBe(0);
      expect(html).not.toContain('<img');
      expect(html).toContain('<span class="preview-image-note">HTTP</span>');
    }
  });
});
