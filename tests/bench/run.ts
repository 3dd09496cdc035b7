/**
 * `npm run bench`: index speed on generated sites of 1,000 and 10,000 posts like
 * ../shared/samples. Every figure is measured in this run, each in a fresh process, and printed
 * as a ratio to the read floor (reading and UTF-8-decoding every post file), so the result does
 * not depend on the machine. The engine is bundled with esbuild first, as the app ships it (tsx's
 * on-the-fly transform adds overhead the app does not have).
 *
 * Targets (issue 3): cold index ≤ 1.5× the floor; cached re-open ≤ 0.2× the floor.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { parseFrontMatterYaml } from '../../shared/jekyll/yaml';
import { REPO_ROOT } from '../helpers/temp-site';
import { generateSite } from './generate-site';

interface Sample {
  ms: number;
  maxRssMb: number;
  posts: number;
}

const RUNS = 5;
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
const BUNDLE = path.join(REPO_ROOT, 'out', 'bench', 'scenario.mjs');

await build({
  entryPoints: [path.join(REPO_ROOT, 'tests/bench/scenario.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: BUNDLE,
  logLevel: 'warning',
});

/**
 * Flush dirty pages first: the generated site and each run's cache file are still being written
 * back to disk, and that writeback competes with the run being measured.
 */
function settle(): void {
  if (process.platform !== 'win32') execFileSync('sync');
}

function scenario(...args: string[]): Sample {
  settle();
  const out = execFileSync(process.execPath, [BUNDLE, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] as Sample;
}

const ratio = (a: Sample, floor: Sample) => (a.ms / floor.ms).toFixed(2);
let failed = false;
for (const size of SIZES) {
  const work = mkdtempSync(path.join(tmpdir(), 'hanji-bench-'));
  try {
    const site = path.join(work, 'site');
    generateSite(site, size);
    scenario('floor', site); // warm the page cache: every scenario reads from memory
    const floor = median(Array.from({ length: RUNS }, () => scenario('floor', site)));
    const cold = median(Array.from({ length: RUNS }, (_, i) => scenario('index', site, path.join(work, `cold-${i}`))));
    const cache = path.join(work, 'cache');
    scenario('index', site, cache);
    const reopen = median(Array.from({ length: RUNS }, () => scenario('reopen', site, cache)));
    const verified = median(Array.from({ length: RUNS }, () => scenario('index', site, cache)));
    failed ||= cold.ms > 1.5 * floor.ms || reopen.ms > 0.2 * floor.ms;
    console.log(
      `${String(size).padStart(6)} posts: read floor ${floor.ms.toFixed(0)} ms | cold index ${cold.ms.toFixed(0)} ms = ${ratio(cold, floor)}x (target ≤ 1.50) | ` +
        `cached re-open ${reopen.ms.toFixed(0)} ms = ${ratio(reopen, floor)}x (target ≤ 0.20; every file then checked in the background) | ` +
        `cached re-open, checked first (CLI) ${verified.ms.toFixed(0)} ms = ${ratio(verified, floor)}x | ` +
        `peak RSS: floor ${floor.maxRssMb.toFixed(0)} MB, cold ${cold.maxRssMb.toFixed(0)} MB, re-open ${reopen.maxRssMb.toFixed(0)} MB`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// A "billion laughs" front matter must be refused fast (issue 3: within 100 ms).
const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
const started = performance.now();
let refused = false;
try {
  parseFrontMatterYaml(lines.join('\n'));
} catch {
  refused = true;
}
const bombMs = performance.now() - started;
failed ||= !refused || bombMs > 100;
console.log(`alias bomb: ${refused ? 'refused' : 'ACCEPTED'} in ${bombMs.toFixed(1)} ms (target ≤ 100)`);
console.log(failed ? 'bench: a target was missed' : 'bench: all targets met');
process.exitCode = failed ? 1 : 0;
