/** `tags …` and `categories …`: list, rename, merge and delete across a site, with a dry run. */
import type { IndexOptions, TaxonomyCount, TaxonomyKind, TaxonomyLineChange, TaxonomyMove, TaxonomyOp, TaxonomyPlan, TaxonomySkip } from '../../shared/model/site';
import { openForCli } from './index-command';

/** `tags list`: every name with its count and posts, as Jekyll with these flags computes them. */
export async function listTaxonomy(root: string, kind: TaxonomyKind, options: IndexOptions): Promise<TaxonomyCount[]> {
  const service = await openForCli(root);
  try {
    return await service.listTaxonomy(kind, options);
  } finally {
    await service.close();
  }
}

/** What a rename, merge or delete did (or, with dryRun, would do). */
export interface TaxonomyRun {
  dryRun: boolean;
  files: TaxonomyPlan['files'];
  moves: TaxonomyPlan['moves'];
  written: string[];
  moved: TaxonomyMove[];
  skipped: TaxonomySkip[];
}

/** Plan `op` and, unless `dryRun`, apply it with the app's safe saves. */
export async function editTaxonomy(root: string, kind: TaxonomyKind, op: TaxonomyOp, dryRun: boolean): Promise<TaxonomyRun> {
  const service = await openForCli(root);
  try {
    const plan = await service.planTaxonomyEdit(kind, op);
    if (dryRun) return { dryRun, files: plan.files, moves: plan.moves, written: [], moved: [], skipped: plan.skipped };
    const result = await service.applyTaxonomyEdit(plan.planId);
    return { dryRun, files: plan.files, moves: plan.moves, written: result.written, moved: result.moved, skipped: [...plan.skipped, ...result.skipped] };
  } finally {
    await service.close();
  }
}

/** One name per line: count, then name. */
export function formatCounts(counts: readonly TaxonomyCount[]): string {
  return counts.map((c) => `${String(c.count).padStart(5)}  ${String(c.name)}`).join('\n');
}

/** Each file with its lines before (-) and after (+), each move, then the skipped files and why. */
export function formatRun(run: TaxonomyRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    lines.push(`${run.dryRun ? 'would change' : run.written.includes(file.path) ? 'changed' : 'not changed'} ${file.path}`);
    lines.push(...changeLines(file.changes));
  }
  for (const move of run.moves) {
    const done = run.moved.some((m) => m.from === move.from);
    lines.push(`${run.dryRun ? 'would move' : done ? 'moved' : 'not moved'} ${move.from} → ${move.to}`);
    lines.push(...changeLines(move.changes));
    if (move.warning !== null) lines.push(`  note: ${move.warning}`);
  }
  for (const s of run.skipped) lines.push(`skipped ${s.path}: ${s.message}`);
  if (lines.length === 0) lines.push('No post has that name.');
  return lines.join('\n');
}

/** A file's changed lines, before (-) and after (+). */
function changeLines(changes: readonly TaxonomyLineChange[]): string[] {
  return changes.flatMap((c) => [...(c.before !== null ? [`  ${c.line}: - ${c.before}`] : []), ...(c.after !== null ? [`  ${c.line}: + ${c.after}`] : [])]);
}
