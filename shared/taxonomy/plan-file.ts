/**
 * The dry run of a tag or category edit on one post: which front-matter keys change and how, as
 * minimal text patches (a flow list stays a flow list on its line, a block list loses or changes
 * only the item's line, a `tags: a b` string stays a string, `tag:` stays `tag:`).
 */
import { HanjiError } from '../contract/result';
import { applyFrontMatterEdits, type FrontMatterEdit, type YamlValue } from '../frontmatter/edit';
import { splitFrontMatter } from '../frontmatter/split';
import { parseFrontMatterYaml } from '../jekyll/yaml';
import type { TaxonomyKind, TaxonomyLineChange, TaxonomyName, TaxonomyOp, TaxonomySkipReason } from '../model/site';
import { fastPatch, type KeyPatch } from './fast-patch';
import { lineChanges } from './line-changes';
import { applyActions, changesAny, itemActions, taxonomyText } from './names';
import { joinWords, splitWords } from './words';

/** What the planner knows of the post besides its text: what the index says Jekyll gives it. */
export interface PostContext {
  path: string;
  /** The post's tags or categories (the kind being edited) as Jekyll computes them. */
  names: readonly TaxonomyName[];
  /** Categories from the folders above `_posts` / `_drafts`. */
  folderCategories: readonly string[];
}

/** The planned edit of one post. */
export type FileOutcome =
  | { kind: 'change'; after: string; changes: TaxonomyLineChange[]; fast: boolean }
  | { kind: 'skip'; reason: TaxonomySkipReason; message: string }
  | { kind: 'none' };

/** Options for tests: `fast: false` forces the `yaml` Document path. */
export interface PlanOptions {
  fast?: boolean;
}

/** A key's change: the new value (or removal) and, for the fast path, how it was derived. */
interface KeyChange {
  edit: FrontMatterEdit;
  patch: KeyPatch | null;
}

/** Plan `op` on one post's text. Never throws for a problem of the post: that is a skip, with a message naming the file. */
export function planFileEdit(text: string, kind: TaxonomyKind, op: TaxonomyOp, post: PostContext, options: PlanOptions = {}): FileOutcome {
  const from = new Set(op.from);
  const fromFolder = kind === 'categories' ? post.folderCategories.filter((c) => from.has(c)) : [];
  if (fromFolder.length > 0 && op.moveFolders !== true) {
    const folder = post.path.slice(0, post.path.indexOf('_posts') >= 0 ? post.path.indexOf('_posts') : post.path.indexOf('_drafts'));
    return skip('folder', `${post.path}: the category "${fromFolder.join('", "')}" comes from the folder ${folder} above _posts, not from front matter; move the post to another folder to change it (Hanji offers the move: "Move posts" in the dry run, --move-folders in the CLI).`);
  }
  const block = splitFrontMatter(text);
  let data: Record<string, unknown> = {};
  if (block) {
    try {
      data = parseFrontMatterYaml(block.yaml);
    } catch (error) {
      return skip('invalid-front-matter', `${post.path}: the front matter is not valid YAML (${(error as Error).message}); fix it, then run the edit again.`);
    }
  }
  let changes: KeyChange[];
  try {
    changes = keyChanges(kind, data, from, op.to, post.path);
  } catch (error) {
    if (error instanceof SkipPost) return skip(error.reason, error.message);
    throw error;
  }
  if (changes.length === 0) {
    // With moveFolders the folder names are the move's to change, not the defaults'.
    const given = fromFolder.length === 0 && post.names.some((n) => from.has(String(n)));
    return given ? skip('defaults', `${post.path}: "${op.from.join('", "')}" comes from the front-matter defaults in _config.yml, not from the post; change it there.`) : { kind: 'none' };
  }
  let after: string | null = null;
  let fast = false;
  if (options.fast !== false && block && changes.every((c) => c.patch !== null)) {
    const yaml = fastPatch(block.yaml, changes.map((c) => c.patch as KeyPatch));
    if (yaml !== null && readsAs(yaml, data, changes)) {
      after = text.slice(0, block.yamlStart) + yaml + text.slice(block.yamlEnd);
      fast = true;
    }
  }
  if (after === null) {
    try {
      after = applyFrontMatterEdits(text, changes.map((c) => c.edit), post.path);
    } catch (error) {
      if (error instanceof HanjiError) return skip('unsupported', `${post.path}: ${error.message}`);
      throw error;
    }
  }
  return { kind: 'change', after, changes: lineChanges(text, after), fast };
}

function skip(reason: TaxonomySkipReason, message: string): FileOutcome {
  return { kind: 'skip', reason, message };
}

class SkipPost extends Error {
  constructor(
    readonly reason: TaxonomySkipReason,
    message: string,
  ) {
    super(message);
  }
}

/** The keys Jekyll reads for `kind`, in the order it reads them. */
function keysFor(kind: TaxonomyKind, data: Record<string, unknown>): { key: string; split: boolean }[] {
  if (kind === 'categories') return [{ key: 'categories', split: true }, { key: 'category', split: false }];
  // `tag` wins when it is present and not nil (or false); `tags` is then ignored.
  const tag = data['tag'];
  return tag === undefined || tag === null || tag === false ? [{ key: 'tags', split: true }] : [{ key: 'tag', split: false }];
}

function keyChanges(kind: TaxonomyKind, data: Record<string, unknown>, from: ReadonlySet<string>, to: string | null, file: string): KeyChange[] {
  const out: KeyChange[] = [];
  for (const { key, split } of keysFor(kind, data)) {
    const value = data[key];
    if (Array.isArray(value)) {
      const actions = itemActions(value, from, to);
      if (!changesAny(actions)) continue;
      const next = applyActions(value, actions);
      if (next.length === 0) out.push(emptied(key, data));
      else out.push({ edit: { path: [key], value: next as YamlValue }, patch: { key, shape: 'list', actions } });
    } else if (typeof value === 'string' && split) {
      const words = splitWords(value);
      const actions = itemActions(words.words, from, to);
      if (!changesAny(actions)) continue;
      if (to !== null && /[ \t\n\v\f\r]/u.test(to)) {
        throw new SkipPost('string-with-space', `${file}: ${key} is a space-separated string, so "${to}" would become several ${kind}; write ${key} as a list ([a, b]) first.`);
      }
      const next = joinWords(words, actions);
      if (next.trim() === '') out.push(emptied(key, data));
      else out.push({ edit: { path: [key], value: next }, patch: { key, shape: 'string', value: next } });
    } else {
      const text = taxonomyText(value);
      if (text === null || !from.has(text)) continue;
      if (to === null) out.push(emptied(key, data));
      else if (value !== to) out.push({ edit: { path: [key], value: to }, patch: { key, shape: 'string', value: to } });
    }
  }
  return out;
}

/** A key whose last name goes: removed, unless that would let a `tags:` the post also has take over. */
function emptied(key: string, data: Record<string, unknown>): KeyChange {
  if (key === 'tag' && data['tags'] !== undefined && data['tags'] !== null) return { edit: { path: [key], value: [] }, patch: null };
  return { edit: { path: [key], remove: true }, patch: null };
}

/** The fast result reads back as the planned values, and every other key as before. */
function readsAs(yaml: string, before: Record<string, unknown>, changes: readonly KeyChange[]): boolean {
  let after: Record<string, unknown>;
  try {
    after = parseFrontMatterYaml(yaml);
  } catch {
    return false;
  }
  const edited = new Map(changes.map((c) => [c.edit.path[0] as string, 'value' in c.edit ? c.edit.value : undefined]));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const expected = edited.has(key) ? edited.get(key) : before[key];
    if (JSON.stringify(after[key]) !== JSON.stringify(expected)) return false;
  }
  return true;
}
