/** The lines an edit changed, for the dry run: file line numbers with the text before and after. */
import type { TaxonomyLineChange } from '../model/site';

/**
 * Lines that differ between two versions of a file, 1-based in the old file. The differing middle
 * (after the common first and last lines) is paired line by line; pairs that are equal are left out.
 */
export function lineChanges(before: string, after: string): TaxonomyLineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMid = a.slice(head, a.length - tail);
  const newMid = b.slice(head, b.length - tail);
  const out: TaxonomyLineChange[] = [];
  for (let k = 0; k < Math.max(oldMid.length, newMid.length); k++) {
    const was = oldMid[k];
    const now = newMid[k];
    if (was === now) continue;
    out.push({ line: head + 1 + k, before: was === undefined ? null : was.replace(/\r$/u, ''), after: now === undefined ? null : now.replace(/\r$/u, '') });
  }
  return out;
}
