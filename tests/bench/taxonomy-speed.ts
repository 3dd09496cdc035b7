/**
 * Renaming the most used tag of a generated 10,000-post site (issue 6), beside a floor measured in
 * the same run: read every affected file, replace the tag text, write it to a temp file, fsync,
 * rename over. The fsync is in the floor because every Hanji save makes the new bytes durable
 * before the rename (DESIGN.md, step 5); the floor without it is printed too, for reference.
 * Timed for Hanji: the dry run plus the apply (hash re-check, per-file save lock, atomic write,
 * index update, undo journal). Each round runs the floor there and back, then the edit (undone
 * after timing), and divides the edit by the mean of the two floors; the figure is the median of
 * the per-round ratios, since a shared VM drifts by a factor of two within a minute.
 *
 * Target: edit ≤ 1.5× the floor.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SiteService } from '../../electron/core/site-service';
import { generateSite } from './generate-site';

const POSTS = Number(process.env['BENCH_TAXONOMY_POSTS'] ?? 10_000);
const ROUNDS = 5;
const TARGET = 1.5;

/** The floor: each file read, the name replaced, written to a temp file (fsynced when `sync`) and renamed over. */
function floor(root: string, files: readonly string[], from: string, to: string, sync: boolean): number {
  const started = performance.now();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  files.forEach((rel, i) => {
    const abs = path.join(root, rel);
    const bytes = Buffer.from(decoder.decode(readFileSync(abs)).replace(from, to), 'utf8');
    const temp = path.join(path.dirname(abs), `.floor-${i}.tmp`);
    const fd = openSync(temp, 'wx');
    writeSync(fd, bytes);
    if (sync) fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, abs);
  });
  return performance.now() - started;
}

/** Run the taxonomy benchmark; true when its target is met. */
export async function runTaxonomyBench(): Promise<boolean> {
  const work = mkdtempSync(path.join(tmpdir(), 'hanji-bench-taxonomy-'));
  try {
    const root = path.join(work, 'site');
    generateSite(root, POSTS);
    const service = new SiteService({ cacheDir: null });
    await service.openSite(root);
    const top = (await service.listTaxonomy('tags', { drafts: true, unpublished: true, future: true })).sort((a, b) => b.count - a.count)[0];
    if (!top) throw new Error('the generated site has no tags');
    const from = String(top.name);
    const to = `${from}-renamed`;
    const ratios: number[] = [];
    const rows: string[] = [];
    const files = (await service.planTaxonomyEdit('tags', { from: [from], to })).files.map((f) => f.path);
    for (let round = 0; round < ROUNDS; round++) {
      execFileSync('sync');
      const there = floor(root, files, from, to, true);
      const back = floor(root, files, to, from, true);
      const synced = (there + back) / 2;
      execFileSync('sync');
      const started = performance.now();
      const plan = await service.planTaxonomyEdit('tags', { from: [from], to });
      const planned = performance.now() - started;
      const result = await service.applyTaxonomyEdit(plan.planId);
      const edit = performance.now() - started;
      if (result.written.length !== files.length) throw new Error(`wrote ${result.written.length} of ${files.length} files`);
      await service.undoTaxonomyEdit(result.editId as string);
      let unsynced = '';
      if (round === 0) {
        execFileSync('sync');
        unsynced = `, ${floor(root, files, from, to, false).toFixed(0)} ms without fsync`;
        floor(root, files, to, from, false);
      }
      ratios.push(edit / synced);
      rows.push(`  round ${round + 1}: ${files.length} files; edit ${edit.toFixed(0)} ms (dry run ${planned.toFixed(0)} ms), floor ${synced.toFixed(0)} ms${unsynced} → ${(edit / synced).toFixed(2)}×`);
    }
    await service.close();
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] as number;
    const ok = median <= TARGET;
    console.log(`taxonomy: rename "${from}" on ${POSTS} posts\n${rows.join('\n')}\n  median ${median.toFixed(2)}× the floor (target ≤ ${TARGET}×) ${ok ? 'ok' : 'MISSED'}`);
    return ok;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
