/**
 * `npm run screenshots`: the README's pictures of the main window, light and dark, taken in
 * browser mode (Debian's Chromium) on a copy of the sample site with our users' Korean post open.
 * Run after `npm run build`; writes resources/screenshots/workspace-{light,dark}.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { REPO_ROOT, SHARED_SAMPLES, copySampleSite } from '../helpers/temp-site';
import { startBrowserMode } from '../e2e/web/browser-mode';

const SAMPLE = '2025-02-05-openai-sam-altman-korea-visit.md';
const out = path.join(REPO_ROOT, 'resources', 'screenshots');
mkdirSync(out, { recursive: true });

const site = copySampleSite();
writeFileSync(path.join(site.root, '_posts', SAMPLE), readFileSync(path.join(SHARED_SAMPLES, SAMPLE)));
const server = await startBrowserMode(site.root);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: theme, locale: 'ko-KR' });
    await page.goto(server.url);
    await page.getByRole('option', { name: /AI News - 오픈AI 샘 올트먼 방한/u }).click();
    await page.getByRole('form', { name: '머리말' }).waitFor();
    await page.screenshot({ path: path.join(out, `workspace-${theme}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  site.dispose();
}
console.log(`screenshots written to ${path.relative(REPO_ROOT, out)}`);
