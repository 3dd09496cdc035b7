/**
 * Site-wide tag and category edits: the dry run over the posts the index says carry a name, and
 * the undo journal of an applied edit. Writing goes through SiteService (its save locks, atomic
 * writes and events); this module decides what to write and remembers what to restore.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';
import type { DefaultsSet } from '../../shared/jekyll/config';
import { classifyPostPath } from '../../shared/jekyll/post-filename';
import { folderCategories, type PostFacts } from '../../shared/jekyll/post-facts';
import type { TaxonomyFilePlan, TaxonomyKind, TaxonomyMovePlan, TaxonomyOp, TaxonomyPlan, TaxonomySkip } from '../../shared/model/site';
import { taxonomyText } from '../../shared/taxonomy/names';
import { planFileEdit, type PostContext } from '../../shared/taxonomy/plan-file';
import { defaultsWarning, planFolderMove } from '../../shared/taxonomy/plan-move';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** One file an applied edit wrote: the exact bytes it had, and the hash of what was written. */
export interface JournalEntry {
  path: string;
  original: Buffer;
  writtenHash: string;
}

/** One post an applied edit moved: undone by moving `to` back to `from` with the original bytes. */
export interface MoveJournalEntry extends JournalEntry {
  /** Where the post is now; `path` is where it was. */
  to: string;
  /** Site-relative folders the move created, deepest first: the undo removes them when empty. */
  createdFolders: string[];
}

/** What an undo restores. */
export interface Journal {
  writes: JournalEntry[];
  moves: MoveJournalEntry[];
}

/**
 * The planned bytes of one file as a splice of the bytes it was planned from: those bytes up to
 * `head`, then `middle`, then their last `tail` bytes. Small (only the changed front-matter span
 * is kept), and valid exactly when the file still has the planned hash.
 */
export interface Splice {
  head: number;
  tail: number;
  middle: Buffer;
}

/** A plan as the engine keeps it between the dry run and the apply; splices are keyed by the planned file's path (a move's `from`). */
export interface StoredPlan extends TaxonomyPlan {
  splices: Map<string, Splice>;
}

/** The splice that turns `before` into `after`. */
export function spliceOf(before: Buffer, after: Buffer): Splice {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail, middle: Buffer.from(after.subarray(head, after.length - tail)) };
}

/** The planned bytes, from the bytes the splice was made from. */
export function applySplice(bytes: Buffer, { head, tail, middle }: Splice): Buffer {
  return Buffer.concat([bytes.subarray(0, head), middle, bytes.subarray(bytes.length - tail)]);
}

/** The context the planner needs for one post, from its indexed facts. */
export function postContext(facts: PostFacts, kind: TaxonomyKind): PostContext {
  const postKind = classifyPostPath(facts.path) ?? 'post';
  return { path: facts.path, names: facts[kind], folderCategories: folderCategories(facts.path, postKind) };
}

/** Check an op from outside: names are non-empty single lines, `to` is not just spaces. */
export function checkOp(op: TaxonomyOp): void {
  const bad = [...op.from, ...(op.to === null ? [] : [op.to])].find((n) => n.trim() === '' || /[\r\n]/u.test(n));
  if (bad !== undefined || op.from.length === 0) {
    throw new HanjiError('BAD_REQUEST', 'Name at least one tag or category to change, and give names that are not empty and fit on one line.');
  }
}

/** Decode a post's bytes, or null when they are not UTF-8. */
function decodePost(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The dry run: every post whose indexed tags (or categories) include a name of `op.from`, read
 * and planned; with `op.moveFolders`, a post whose category comes from its folder is planned as a
 * move (with its front-matter change, if any, and a warning where the site's `defaults` differ
 * at the new path). `hash` hashes each file's bytes.
 */
export function planSiteEdit(root: string, posts: Iterable<PostFacts>, kind: TaxonomyKind, op: TaxonomyOp, hash: (bytes: Uint8Array) => string, defaults: readonly DefaultsSet[]): StoredPlan {
  checkOp(op);
  const from = new Set(op.from);
  const files: TaxonomyFilePlan[] = [];
  const moves: TaxonomyMovePlan[] = [];
  const targets = new Set<string>();
  const skipped: TaxonomySkip[] = [];
  const splices = new Map<string, Splice>();
  const affected = [...posts].filter((p) => p[kind].some((n) => from.has(taxonomyText(n) ?? ''))).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const facts of affected) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(root, ...facts.path.split('/')));
    } catch (error) {
      skipped.push({ path: facts.path, reason: 'unreadable', message: `${facts.path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left alone.` });
      continue;
    }
    const text = decodePost(bytes);
    if (text === null) {
      skipped.push({ path: facts.path, reason: 'unreadable', message: `${facts.path} is not valid UTF-8; Hanji leaves it alone.` });
      continue;
    }
    const move = kind === 'categories' && op.moveFolders === true ? planFolderMove(facts.path, op, classifyPostPath(facts.path) === 'draft') : null;
    if (move?.kind === 'skip') {
      skipped.push({ path: facts.path, reason: 'folder', message: move.message });
      continue;
    }
    if (move !== null && (targets.has(move.to) || existsSync(path.join(root, ...move.to.split('/'))))) {
      skipped.push({ path: facts.path, reason: 'collision', message: `${facts.path} would move to ${move.to}, which ${targets.has(move.to) ? 'another moved post takes' : 'exists already'}; it was left alone. Rename one of them first.` });
      continue;
    }
    const outcome = planFileEdit(text, kind, op, postContext(facts, kind));
    if (outcome.kind === 'skip') skipped.push({ path: facts.path, reason: outcome.reason, message: outcome.message });
    else if (move !== null) {
      moves.push({ from: facts.path, to: move.to, hash: hash(bytes), changes: outcome.kind === 'change' ? outcome.changes : [], warning: defaultsWarning(defaults, facts.path, move.to) });
      targets.add(move.to);
      if (outcome.kind === 'change') splices.set(facts.path, spliceOf(bytes, Buffer.from(outcome.after, 'utf8')));
    } else if (outcome.kind === 'change') {
      files.push({ path: facts.path, hash: hash(bytes), changes: outcome.changes });
      splices.set(facts.path, spliceOf(bytes, Buffer.from(outcome.after, 'utf8')));
    }
  }
  return { planId: randomUUID(), kind, op, files, moves, skipped, splices };
}

/** A small store of the last few values by id: plans waiting to be applied, journals waiting for an undo. */
export class RecentStore<T> {
  private readonly items = new Map<string, T>();

  /** `kept`: how many values to keep; an older plan has to be run again, an older edit cannot be undone. */
  constructor(private readonly kept: number) {}

  /** Keep `value` under `id`, forgetting the oldest beyond `kept`. */
  put(id: string, value: T): void {
    this.items.set(id, value);
    while (this.items.size > this.kept) this.items.delete(this.items.keys().next().value as string);
  }

  /** The value, or NOT_FOUND with what to do next. */
  get(id: string, what: 'plan' | 'edit'): T {
    const value = this.items.get(id);
    if (value === undefined) {
      throw new HanjiError('NOT_FOUND', what === 'plan' ? `No dry run ${id} is waiting: it was applied already or is too old. Run the dry run again.` : `No applied edit ${id} can be undone: it was undone already or is too old.`);
    }
    return value;
  }

  /** Forget one value. */
  delete(id: string): void {
    this.items.delete(id);
  }
}
