/**
 * Align an old list with a new one so that a list edit touches as few items as possible:
 * renaming one tag rewrites that tag, removing one drops it, everything else keeps its bytes.
 */

/** Where one item of the new list comes from. */
export type AlignedItem =
  /** Old item `from`, unchanged. */
  | { kind: 'keep'; from: number; to: number }
  /** Old item `from` takes the new value at `to`: it is rewritten in place, keeping its style. */
  | { kind: 'change'; from: number; to: number }
  /** A new item with no old counterpart. */
  | { kind: 'insert'; to: number };

// Above this many cells the LCS table costs more than it saves; lists that long are rare.
const MAX_TABLE = 250_000;

/**
 * The new list as a sequence of keeps, in-place changes and inserts (old items not mentioned
 * are removed). Unchanged items are matched by a longest common subsequence; within each run of
 * differences, removed and added items are paired up in order as in-place changes, so a rename
 * is one change rather than a removal plus an insertion.
 */
export function alignLists<A, B>(before: readonly A[], after: readonly B[], same: (a: A, b: B) => boolean): AlignedItem[] {
  let head = 0;
  while (head < before.length && head < after.length && same(before[head] as A, after[head] as B)) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    same(before[before.length - 1 - tail] as A, after[after.length - 1 - tail] as B)
  ) {
    tail++;
  }
  const oldMid = before.slice(head, before.length - tail);
  const newMid = after.slice(head, after.length - tail);

  const out: AlignedItem[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'keep', from: i, to: i });
  const pending: { removed: number[]; added: number[] } = { removed: [], added: [] };
  const flush = (): void => {
    const pairs = Math.min(pending.removed.length, pending.added.length);
    pending.added.forEach((to, k) => {
      out.push(k < pairs ? { kind: 'change', from: pending.removed[k] as number, to } : { kind: 'insert', to });
    });
    pending.removed = [];
    pending.added = [];
  };

  for (const step of middleSteps(oldMid, newMid, same)) {
    if (step.kind === 'keep') {
      flush();
      out.push({ kind: 'keep', from: head + step.from, to: head + step.to });
    } else if (step.kind === 'remove') pending.removed.push(head + step.from);
    else pending.added.push(head + step.to);
  }
  flush();
  for (let k = 0; k < tail; k++) {
    out.push({ kind: 'keep', from: before.length - tail + k, to: after.length - tail + k });
  }
  return out;
}

type Step = { kind: 'keep'; from: number; to: number } | { kind: 'remove'; from: number } | { kind: 'add'; to: number };

function middleSteps<A, B>(before: readonly A[], after: readonly B[], same: (a: A, b: B) => boolean): Step[] {
  const n = before.length;
  const m = after.length;
  const steps: Step[] = [];
  if (n * m > MAX_TABLE) {
    for (let i = 0; i < n; i++) steps.push({ kind: 'remove', from: i });
    for (let j = 0; j < m; j++) steps.push({ kind: 'add', to: j });
    return steps;
  }
  // lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = same(before[i] as A, after[j] as B)
        ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
        : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(before[i] as A, after[j] as B)) {
      steps.push({ kind: 'keep', from: i++, to: j++ });
    } else if (j < m && (i === n || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) {
      steps.push({ kind: 'add', to: j++ });
    } else {
      steps.push({ kind: 'remove', from: i++ });
    }
  }
  return steps;
}
