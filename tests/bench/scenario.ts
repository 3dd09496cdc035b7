/**
 * One measurement in a fresh process (so memory peaks and caches are not shared):
 *   floor SITE            read and UTF-8-decode every post file
 *   index SITE CACHE_DIR  open the site and list it, every file checked (cold when CACHE_DIR is empty)
 *   reopen SITE CACHE_DIR open as the app does: listed from the cache, files checked afterwards
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
  const service = new SiteService({ cacheDir: cacheDir ?? null, revalidate: mode === 'reopen' ? 'after' : 'before' });
  const started = performance.now();
  await service.openSite(site);
  posts = (await service.listPosts()).length;
  ms = performance.now() - started;
  if (mode === 'reopen') {
    // Let the background check finish before the process ends (not timed): it is quiet when
    // nothing changed, so wait for the index to settle rather than for an event.
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  // Writing the cache happens after the site is open and listed; it is not part of opening.
  await service.close();
}
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, posts })}\n`);
