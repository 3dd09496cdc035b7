/**
 * Keystroke-to-preview latency in Debian's Chromium (issue 5): the time from a key's `keydown`
 * until the frame showing the typed text in the preview is painted (and, printed beside it, until
 * the preview's DOM holds it), for the users' 5 KB sample post and a 1 MB post
 * made of it, in Hanji (browser mode, preview shown) and in a floor page measured in the same run
 * (preview-floor.ts: bare CodeMirror + markdown-it re-rendering the whole post on every change).
 * Each key waits for the previous one to show, so the figures are latencies, not queueing.
 *
 * Targets, on the painted latency: 5 KB p95 ≤ 1.5× the floor's p95; 1 MB p95 ≤ 0.1× the floor's p95.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { startBrowserMode } from '../e2e/web/browser-mode';
import { REPO_ROOT, SHARED_SAMPLES, tempDir } from '../helpers/temp-site';

const MARKER = 'HANJIBENCH';
const WARM_UP = 5;
const KEYS = Number(process.env['BENCH_KEYS'] ?? 30);
/** Rounds of floor-then-Hanji per size; the ratio judged is the median round's (odd, so it is one round's). */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SAMPLE = '2025-02-05-openai-sam-altman-korea-visit.md';

/** Percentiles of one page's latencies, in ms. */
interface Percentiles {
  p50: number;
  p95: number;
}

/** Keydown to the text painted on screen (what the targets judge), and keydown to the DOM holding it. */
interface Latencies {
  painted: Percentiles;
  dom: Percentiles;
}

/** The sample with the marker at the end of a paragraph line in the middle; `copies` repeats its body (headings numbered, as a long post has). */
function post(copies: number, title: string): string {
  const sample = readFileSync(path.join(SHARED_SAMPLES, SAMPLE), 'utf8');
  const end = sample.indexOf('\n---\n', 4) + 5;
  const front = sample.slice(0, end).replace(/^title: .*$/mu, `title: "${title}"`);
  const body = sample.slice(end);
  const parts = Array.from({ length: copies }, (_, i) => body.replace(/^## (.*)$/gmu, (_line, text: string) => `## ${text} ${i + 1}`));
  const middle = Math.floor(copies / 2);
  parts[middle] = parts[middle]!.replace('기대된다.\n', `기대된다. ${MARKER}\n`);
  return front + parts.join('\n\n');
}

/** How many copies of the sample body make about `bytes` bytes. */
function copiesFor(bytes: number): number {
  const sample = readFileSync(path.join(SHARED_SAMPLES, SAMPLE));
  return Math.max(1, Math.round(bytes / sample.length));
}

/**
 * Record in the page: each keydown's time, when a node under `root` first shows the text expected
 * after it (DOM), and when the frame holding that DOM has been painted (the next task after the
 * next animation frame: style, layout and paint of that frame are done by then).
 */
function instrument(page: Page, rootScript: string): Promise<void> {
  return page.evaluate((script) => {
    const root = (0, eval)(script) as Node;
    const state = { expected: null as string | null, matched: false, started: 0, dom: [] as number[], painted: [] as number[] };
    (window as unknown as { benchLatency: typeof state }).benchLatency = state;
    window.addEventListener('keydown', (event) => (state.started = event.timeStamp), true);
    new MutationObserver((mutations) => {
      const now = performance.now();
      if (state.expected === null || state.matched) return;
      for (const mutation of mutations) {
        const nodes = mutation.type === 'characterData' ? [mutation.target] : Array.from(mutation.addedNodes);
        if (nodes.some((node) => node.textContent?.includes(state.expected!))) {
          state.matched = true;
          state.dom.push(now - state.started);
          requestAnimationFrame(() =>
            setTimeout(() => {
              state.painted.push(performance.now() - state.started);
              state.expected = null;
              state.matched = false;
            }, 0),
          );
          return;
        }
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, rootScript);
}

/** Type `a` after the marker WARM_UP + KEYS times, each once the last one is painted; the measured latencies. */
async function typeAndMeasure(page: Page): Promise<Latencies> {
  for (let k = 1; k <= WARM_UP + KEYS; k++) {
    await page.evaluate((expected) => ((window as unknown as { benchLatency: { expected: string | null } }).benchLatency.expected = expected), `${MARKER}${'a'.repeat(k)}`);
    await page.keyboard.press('a');
    await page.waitForFunction(() => (window as unknown as { benchLatency: { expected: string | null } }).benchLatency.expected === null, undefined, { timeout: 30_000 });
    await page.waitForTimeout(40);
  }
  const { dom, painted } = await page.evaluate(() => (window as unknown as { benchLatency: { dom: number[]; painted: number[] } }).benchLatency);
  const ranks = (all: number[]) => {
    const measured = all.slice(WARM_UP).sort((a, b) => a - b);
    const rank = (q: number) => measured[Math.min(measured.length - 1, Math.ceil(q * measured.length) - 1)]!;
    return { p50: rank(0.5), p95: rank(0.95) };
  };
  return { painted: ranks(painted), dom: ranks(dom) };
}

async function floorRun(browser: Browser, bundle: string, text: string): Promise<Latencies> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<!doctype html><meta charset="utf-8"><div id="editor" style="height:45vh;overflow:auto"></div><div id="preview"></div>');
    await page.evaluate((doc) => ((window as unknown as { benchDoc: string }).benchDoc = doc), text);
    await page.addScriptTag({ content: bundle });
    await instrument(page, "document.getElementById('preview')");
    // Put the cursor right after the marker, as a writer clicking there would.
    await page.evaluate((marker) => {
      const view = (window as unknown as { benchView: { state: { doc: { toString(): string } }; dispatch(spec: unknown): void; focus(): void } }).benchView;
      const at = view.state.doc.toString().indexOf(marker) + marker.length;
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    }, MARKER);
    return await typeAndMeasure(page);
  } finally {
    await page.close();
  }
}

async function hanjiRun(browser: Browser, url: string, title: string): Promise<Latencies> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    // Each round closes its page with unsaved typing; where the round paused long enough for a
    // recovery copy (a key of the 1 MB post waits for its render), the next page offers it back.
    const recovery = page.getByRole('alertdialog', { name: 'Recover unsaved text?' });
    await page.addLocatorHandler(recovery, () => recovery.getByRole('button', { name: "Don't save" }).click());
    await page.goto(url);
    await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
    await page.getByRole('button', { name: /Show preview/u }).click();
    await page.waitForFunction((marker) => document.querySelector('.preview-content')?.shadowRoot?.textContent?.includes(marker) ?? false, MARKER, { timeout: 120_000 });
    await instrument(page, "document.querySelector('.preview-content').shadowRoot");
    // Find the marker with the editor's search (Ctrl+F), as a writer would, then go to its line's end.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(MARKER);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    return await typeAndMeasure(page);
  } finally {
    await page.close();
  }
}

/** Run the benchmark; true when both targets are met. */
export async function runPreviewBench(): Promise<boolean> {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const floorBundle = path.join(REPO_ROOT, 'out', 'bench', 'preview-floor.js');
  await build({ entryPoints: [path.join(REPO_ROOT, 'tests/bench/preview-floor.ts')], bundle: true, format: 'iife', target: 'chrome120', outfile: floorBundle, logLevel: 'warning' });
  const bundle = readFileSync(floorBundle, 'utf8');

  const work = tempDir('hanji-preview-bench-');
  const site = path.join(work.dir, 'site');
  mkdirSync(path.join(site, '_posts'), { recursive: true });
  writeFileSync(path.join(site, '_config.yml'), 'title: "Bench blog"\ntimezone: Asia/Seoul\n');
  const sizes = [
    { name: '5 KB', title: 'Bench small post', copies: 1, target: 1.5 },
    { name: '1 MB', title: 'Bench large post', copies: copiesFor(1_000_000), target: 0.1 },
  ];
  const texts = sizes.map((size, i) => {
    const text = post(size.copies, size.title);
    writeFileSync(path.join(site, '_posts', `2025-02-0${5 + i}-bench-${i}.md`), text);
    return text;
  });
  const server = await startBrowserMode(site);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let ok = true;
  try {
    for (const [i, size] of sizes.entries()) {
      const text = texts[i]!;
      const rounds: { floor: Latencies; hanji: Latencies }[] = [];
      for (let round = 0; round < ROUNDS; round++) rounds.push({ floor: await floorRun(browser, bundle, text), hanji: await hanjiRun(browser, server.url, size.title) });
      const ratioOf = (kind: keyof Latencies) => {
        const ratios = rounds.map((r) => r.hanji[kind].p95 / r.floor[kind].p95).sort((a, b) => a - b);
        return ratios[Math.floor(ratios.length / 2)]!;
      };
      const ratio = ratioOf('painted');
      ok &&= ratio <= size.target;
      const show = (p: Percentiles) => `p50 ${p.p50.toFixed(1)} / p95 ${p.p95.toFixed(1)} ms`;
      const figures = rounds.map((r, k) => `round ${k + 1}: painted floor ${show(r.floor.painted)}, Hanji ${show(r.hanji.painted)}; DOM floor ${show(r.floor.dom)}, Hanji ${show(r.hanji.dom)}`);
      console.log(
        `preview keystroke, ${size.name} post (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${KEYS} keys a round): ` +
          `painted p95 ${ratio.toFixed(3)}x the floor (target ≤ ${size.target}), DOM p95 ${ratioOf('dom').toFixed(3)}x | ${figures.join(' | ')}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    work.dispose();
    rmSync(floorBundle, { force: true });
  }
  return ok;
}
