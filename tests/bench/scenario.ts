/**
 * One measurement in a fresh process (so memory peaks and caches are not shared):
 *   floor SITE            read and UTF-8-decode every post file
 *   index SITE CACHE_DIR  open the site with the engine (cold when CACHE_DIR is empty)
 * Prints one JSON line: { ms, maxRssMb, posts }.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SiteService } from '../../electron/core/site-service';
import { scanPostFiles } from '../../electron/core/post-scan';

const [mode, site, cacheDir] = process.argv.slice(2);
if (!site) throw new Error('usage: scenario.ts floor|index SITE [CACHE_DIR]');

let posts = 0;
let ms: number;
if (mode === 'floor') {
  const started = performance.now();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const file of scanPostFiles(site).posts) {
    posts += decoder.decode(readFileSync(file.abs)).length > 0 ? 1 : 0;
  }
  ms = performance.now() - started;
} else {
  const service = new SiteService({ cacheDir: cacheDir ?? null });
  const started = performance.now();
  await service.openSite(site);
  posts = (await service.listPosts()).length;
  ms = performance.now() - started;
  // Writing the cache happens after the site is open and listed; it is not part of opening.
  await service.close();
}
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, posts })}\n`);
