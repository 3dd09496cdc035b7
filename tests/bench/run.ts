/**
 * `npm run bench`: index speed on generated sites of 1,000 and 10,000 posts like
 * ../shared/samples. Every figure is measured in this run and printed as a ratio to the read
 * floor (reading and decoding every post file), so the result does not depend on the machine.
 * Targets (issue 3): cold index ≤ 1.5× the floor, cached re-open ≤ 0.2× the floor.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/temp-site';
import { generateSite } from './generate-site';

interface Sample {
  ms: number;
  maxRssMb: number;
  posts: number;
}

const RUNS = 5;
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);

function scenario(...args: string[]): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/bench/scenario.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] as Sample;
}

const rows: string[] = [];
let failed = false;
for (const size of SIZES) {
  const work = mkdtempSync(path.join(tmpdir(), 'hanji-bench-'));
  try {
    const site = path.join(work, 'site');
    generateSite(site, size);
    scenario('floor', site); // warm the page cache so every scenario reads from memory
    const floor = median(Array.from({ length: RUNS }, () => scenario('floor', site)));
    const cold = median(
      Array.from({ length: RUNS }, (_, i) => {
        const cache = path.join(work, `cold-${i}`);
        return scenario('index', site, cache);
      }),
    );
    const warmCache = path.join(work, 'cached');
    scenario('index', site, warmCache);
    const cached = median(Array.from({ length: RUNS }, () => scenario('index', site, warmCache)));
    const coldRatio = cold.ms / floor.ms;
    const cachedRatio = cached.ms / floor.ms;
    failed ||= coldRatio > 1.5 || cachedRatio > 0.2;
    rows.push(
      `${String(size).padStart(6)} posts | floor ${floor.ms.toFixed(0).padStart(5)} ms | cold ${cold.ms.toFixed(0).padStart(5)} ms = ${coldRatio.toFixed(2)}x (≤ 1.50) | ` +
        `cached ${cached.ms.toFixed(0).padStart(4)} ms = ${cachedRatio.toFixed(2)}x (≤ 0.20) | peak RSS cold ${cold.maxRssMb.toFixed(0)} MB, cached ${cached.maxRssMb.toFixed(0)} MB (floor ${floor.maxRssMb.toFixed(0)} MB)`,
    );
    console.log(rows[rows.length - 1]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
console.log(failed ? 'bench: a target was missed' : 'bench: all targets met');
process.exitCode = failed ? 1 : 0;
