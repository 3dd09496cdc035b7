import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { copySampleSite } from '../../helpers/temp-site';
import { Workspace } from '../pages/workspace';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const POST = '_posts/2025-06-01-xss-payloads.md';
const TITLE = 'XSS payloads';

/**
 * Known XSS payloads, each a raw HTML block of the post (blank lines around it). Every one would
 * set `window.__xss` or open a dialog if it ran; none uses `{{`, which Liquid would eat first.
 */
const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src="x" onerror="window.__xss = 2; alert(2)">',
  '<svg onload="window.__xss = 3; alert(3)"><circle r="5"></circle></svg>',
  '<a href="javascript:window.__xss = 4">js link</a>',
  '[markdown js link](javascript:window.__xss=5)',
  '<iframe srcdoc="<script>parent.__xss = 6; parent.alert(6)</script>"></iframe>',
  '<iframe src="javascript:parent.__xss = 7"></iframe>',
  '<object data="javascript:parent.__xss = 8"></object>',
  '<embed src="javascript:parent.__xss = 9">',
  '<form action="javascript:window.__xss = 10"><input type="submit" value="submit-me"></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss = 11">',
  '<base href="javascript:window.__xss = 12//"><a href="relative">base-relative link</a>',
  "<style>@import 'javascript:window.__xss = 13'; body { background: red }</style>",
  '<div style="background: url(javascript:window.__xss = 14)">style url</div>',
  '<div style="width: expression(window.__xss = 15)">style expression</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 16"></style></mglyph></table></mtext></math>',
  '<svg><a xlink:href="javascript:window.__xss = 17"><text x="10" y="20">svg link</text></a></svg>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss = 18">entity js link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTk8L3NjcmlwdD4=">data link</a>',
  '<a href="jav&#x09;ascript:window.__xss = 20">tab js link</a>',
  '<svg><style><img src=x onerror="window.__xss = 22"></style></svg>',
  '<details open ontoggle="window.__xss = 23"><summary>details</summary>inside</details>',
  '<input autofocus onfocus="window.__xss = 24" value="focus me">',
  '<video><source onerror="window.__xss = 25"></video>',
  '<audio src="x" onerror="window.__xss = 26"></audio>',
  '<a href="vbscript:msgbox(27)">vbscript link</a>',
  '<img src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\' onload=\'parent.__xss=28\'/>" alt="svg data image">',
  '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0neCcgb25lcnJvcj0nd2luZG93Ll9feHNzPTI5Jy8+PC9zdmc+#x"></use></svg>',
  '<svg><animate onbegin="window.__xss = 30" attributeName="x" dur="1s"></animate></svg>',
  '<svg><a><set attributeName="href" to="javascript:window.__xss = 31"></set><text x="10" y="20">set href</text></a></svg>',
  '<a href="#" onclick="window.__xss = 32; return false">onclick link</a>',
  '<object data="data:text/html,<script>parent.__xss = 33</script>"></object>',
  '<link rel="stylesheet" href="data:text/css,body{background:red}">',
  '<template><script>window.__xss = 35</script></template>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss = 36</script>"></iframe></foreignObject></svg>',
  '<form><button formaction="javascript:window.__xss = 37">formaction button</button></form>',
  '<a href=" javascript:window.__xss = 38">leading space link</a>',
  '<a href="java&NewLine;script:window.__xss = 39">newline entity link</a>',
  '<math href="javascript:window.__xss = 40"><mi>x</mi></math>',
  '<svg><script>window.__xss = 41</script></svg>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<div onpointerenter="window.__xss = 43" onmouseover="window.__xss = 43">hover me</div>',
  '<a id="__xss" name="__xss">clobbering anchor</a>',
  '<img srcset="https://evil.example/track.png 1x" alt="srcset">',
  '<p><a href="data:text/html,<script>alert(46)</script>">md-inline data link</a></p>',
  '<base href="https://evil.example/">',
  '<a href="/blog/2025/01/15/welcome/" target="_top">site link with target</a>',
];

/** Payloads after which kramdown treats the rest of the post as raw HTML: they go last. */
const SWALLOWING = ['<noscript><p title="</noscript><img src=x onerror=window.__xss=21>"></noscript>'];

const POST_TEXT = `---
title: "${TITLE}"
layout: single
---

## Payloads

${PAYLOADS.join('\n\n')}

## The end

Still here.

${SWALLOWING.join('\n\n')}
`;

/** Everything under the preview region, including its shadow root: tags and attribute names. */
async function previewDom(page: Page): Promise<{ tags: string[]; attributes: string[] }> {
  return page.evaluate(() => {
    const region = document.querySelector('section.preview-pane');
    if (!region) throw new Error('no preview pane');
    const elements: Element[] = [];
    const walk = (root: Element | ShadowRoot) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        elements.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(region);
    return {
      tags: elements.map((e) => e.localName),
      attributes: elements.flatMap((e) => Array.from(e.attributes, (a) => `${a.name}=${a.value}`)),
    };
  });
}

test.describe('preview against XSS', () => {
  let site: ReturnType<typeof copySampleSite>;
  let server: BrowserMode;
  let errors: string[];
  let dialogs: string[];
  let popups: string[];

  test.beforeEach(async ({ page, context }) => {
    errors = [];
    dialogs = [];
    popups = [];
    site = copySampleSite();
    writeFileSync(path.join(site.root, POST), POST_TEXT);
    server = await startBrowserMode(site.root);
    page.on('pageerror', (error) => errors.push(error.message));
    // The CSP also applies while DOMPurify parses the post, and reports each handler, style and
    // <base> it meets there: those reports are the second wall working, not a failure. What
    // reaches the live DOM is checked below, element by element.
    page.on('console', (message) => {
      if (/Refused to (?:load|frame|connect|execute script|apply)|Uncaught/u.test(message.text())) errors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    context.on('page', (popup) => {
      popups.push(popup.url());
      void popup.close();
    });
    // Links to the site's other pages open `url + baseurl + path` in a popup: answer off-machine
    // requests here, so no test reaches the network and a popup keeps the URL it was opened with
    // (a failed load would show as chrome-error://).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/u, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '' }));
  });

  test.afterEach(async () => {
    await server.stop();
    site.dispose();
  });

  test('no payload runs, survives in the DOM, or navigates the window when clicked', async ({ page }) => {
    await page.goto(server.url);
    const workspace = new Workspace(page);
    await workspace.open(TITLE, POST);
    await page.getByRole('button', { name: /Show preview/u }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    // The render landed (both ends of the post), so the checks below are about real output.
    await expect(preview.getByRole('heading', { name: 'Payloads', exact: true })).toBeVisible();
    await expect(preview.getByRole('heading', { name: 'The end', exact: true })).toBeVisible();
    await expect(preview.getByText('svg link')).toBeVisible();
    await expect(preview.getByText('entity js link')).toBeVisible();
    const startUrl = page.url();

    const dom = await previewDom(page);
    expect(dom.tags.length).toBeGreaterThan(PAYLOADS.length + SWALLOWING.length);
    expect(PAYLOADS.length + SWALLOWING.length).toBeGreaterThanOrEqual(30);
    for (const tag of ['script', 'iframe', 'object', 'embed', 'form', 'meta', 'base', 'link', 'style', 'template', 'video', 'audio', 'source', 'noscript']) {
      expect(dom.tags, `<${tag}> in the preview`).not.toContain(tag);
    }
    expect(dom.attributes.filter((a) => /^on/iu.test(a))).toEqual([]);
    expect(dom.attributes.filter((a) => /^(?:href|xlink:href|src|action|formaction)=\s*(?:javascript|vbscript|data:text)/iu.test(a))).toEqual([]);
    expect(dom.attributes.filter((a) => /^(?:srcdoc|srcset|style)=/iu.test(a))).toEqual([]);
    expect(dom.tags.filter((t) => t === 'input')).toEqual([]);

    // Every element, clicked from script (hidden ones too), then the visible ones with the mouse.
    const clicked = await page.evaluate(() => {
      const host = document.querySelector('.preview-content');
      const all = Array.from(host?.shadowRoot?.querySelectorAll('*') ?? []);
      for (const element of all) {
        if (element instanceof HTMLElement) element.click();
        else element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        element.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 }));
      }
      return all.length;
    });
    expect(clicked).toBeGreaterThan(PAYLOADS.length);
    const elements = preview.locator('.preview-content *');
    const count = await elements.count();
    for (let i = 0; i < count; i++) {
      const element = elements.nth(i);
      if (!(await element.isVisible())) continue;
      await element.click({ timeout: 2000 }).catch(() => undefined);
      expect(page.url()).toBe(startUrl);
    }
    await hoverAcross(page);
    await page.waitForTimeout(300);

    expect(page.url()).toBe(startUrl);
    expect(dialogs).toEqual([]);
    expect(popups.filter((url) => !/^https?:/u.test(url))).toEqual([]);
    expect(await page.evaluate(() => typeof (window as unknown as { __xss?: unknown }).__xss)).toBe('undefined');
    expect(errors).toEqual([]);
  });
});

/** Move the mouse over the whole preview, for payloads that wait for hover or pointer events. */
async function hoverAcross(page: Page): Promise<void> {
  const box = await page.getByRole('region', { name: 'Preview' }).boundingBox();
  if (!box) return;
  for (let y = box.y; y < box.y + box.height; y += 20) await page.mouse.move(box.x + box.width / 2, y);
}
