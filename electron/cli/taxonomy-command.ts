/** `tags …` and `categories …`: list, rename, merge and delete across a site, with a dry run. */
import type { IndexOptions, TaxonomyCount, TaxonomyKind, TaxonomyOp, TaxonomyPlan, TaxonomySkip } from '../../shared/model/site';
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
  written: string[];
  skipped: TaxonomySkip[];
}

/** Plan `op` and, unless `dryRun`, apply it with the app's safe saves. */
export async function editTaxonomy(root: string, kind: TaxonomyKind, op: TaxonomyOp, dryRun: boolean): Promise<TaxonomyRun> {
  const service = await openForCli(root);
  try {
    const plan = await service.planTaxonomyEdit(kind, op);
    if (dryRun) return { dryRun, files: plan.files, written: [], skipped: plan.skipped };
    const result = await service.applyTaxonomyEdit(plan.planId);
    return { dryRun, files: plan.files, written: result.written, skipped: [...plan.skipped, ...result.skipped] };
  } finally {
    await service.close();
  }
}

/** One name per line: count, then name. */
export function formatCounts(counts: readonly TaxonomyCount[]): string {
  return counts.map((c) => `${String(c.count).padStart(5)}  ${String(c.name)}`).join('\n');
}

/** Each file with its lines before (-) and after (+), then the skipped files and why. */
export function formatRun(run: TaxonomyRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    lines.push(`${run.dryRun ? 'would change' : run.written.includes(file.path) ? 'changed' : 'not changed'} ${file.path}`);
    for (const c of file.changes) {
      if (c.before !== null) lines.push(`  ${c.line}: - ${c.before}`);
      if (c.after !== null) lines.push(`  ${c.line}: + ${c.after}`);
    }
  }
  for (const s of run.skipped) lines.push(`skipped ${s.path}: ${s.message}`);
  if (lines.length === 0) lines.push('No post has that name.');
  return lines.join('\n');
}
