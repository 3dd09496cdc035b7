/**
 * Front-matter edits as minimal text patches. The form, the CLI `set`/`unset` and tag renames
 * across a whole site all go through applyFrontMatterEdits, which never re-serializes the YAML:
 * it rewrites the changed values and copies every other byte. YAML is read as YAML 1.1, the way
 * Jekyll's Psych reads it (`published: no` is false).
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type ParsedNode } from 'yaml';
import { HanjiError } from '../contract/result';
import { detectLineSeparator } from '../text/line-endings';
import { appendToEmpty, applyPatches, dependsOnOtherNodes, patchRoot, type PatchContext } from './patch';
import { splitFrontMatter } from './split';
import { deepEqual, deleteIn, getIn, setIn, yamlValueProblem, type KeyPath, type YamlValue } from './values';
import { YAML_OPTIONS, parseFrontMatterYaml, type ParsedYaml, type YamlOrigin } from './yaml-source';

export type { KeyPath, YamlValue } from './values';

/** One change to the front matter: set the value at a key path, or remove the key. */
export type FrontMatterEdit = { path: KeyPath; value: YamlValue } | { path: KeyPath; remove: true };

/**
 * Apply edits to a whole post text; returns the new text. Throws HanjiError INVALID_FRONT_MATTER
 * (with file line/column) when the existing YAML cannot be parsed; never returns damaged text.
 *
 * Edits apply in order. A no-op edit list returns `text` itself. Only the edited values' bytes
 * change: scalars keep their quote style when it can hold the new value, lists are edited item
 * by item, new keys are appended (a new top-level key as the block's last line), and a post
 * without front matter gets a block at the top. Removing the last key of a nested map leaves
 * the parent as `parent: {}` (the data is then exactly the old map minus that key).
 * Throws BAD_REQUEST for a malformed edit, INTERNAL if an edit cannot be made without changing
 * other data (the text is then left alone).
 */
export function applyFrontMatterEdits(text: string, edits: readonly FrontMatterEdit[], file?: string): string {
  edits.forEach(validateEdit);
  let working = text;
  let block = splitFrontMatter(working);
  if (!block) {
    if (!edits.some((edit) => !isRemoval(edit))) return text;
    const eol = detectLineSeparator(text);
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    working = `${bom}---${eol}---${eol}${text.slice(bom.length)}`;
    block = splitFrontMatter(working);
    if (!block) throw internal('a new front-matter block could not be created');
  }
  const origin: YamlOrigin = file === undefined ? { firstLine: block.firstLine } : { firstLine: block.firstLine, file };
  let parsed = parseFrontMatterYaml(block.yaml, origin);
  for (const edit of edits) {
    const source = applyEdit(parsed, edit, block.eol);
    if (source === parsed.source) continue;
    const next = reparse(source, origin, edit);
    verifyEdit(parsed, next, edit);
    parsed = next;
  }
  if (parsed.source === block.yaml) return text;

  const result = working.slice(0, block.yamlStart) + parsed.source + working.slice(block.yamlEnd);
  const check = splitFrontMatter(result);
  if (!check || check.yaml !== parsed.source || result.slice(check.bodyStart) !== working.slice(block.bodyStart)) {
    throw internal('the edited front matter would no longer end where it did');
  }
  return result;
}

/**
 * Parse `KEY=VALUE` (VALUE is YAML, `a.b=` for nested keys) into an edit, for the CLI `set`; and
 * `KEY` into a removal for `unset`. VALUE is read as YAML 1.1 like front matter itself
 * (`published=no` is false, `tags=[a, b]` a list, an empty VALUE null); a date stays the string
 * it was typed as. Throws BAD_REQUEST with a usage hint when the argument is malformed.
 */
export function parseAssignment(arg: string): FrontMatterEdit {
  const equals = arg.indexOf('=');
  if (equals < 0) throw new HanjiError('BAD_REQUEST', `Expected KEY=VALUE (for example title="My post" or sidebar.nav=docs), got "${arg}".`);
  return { path: parseKeyPath(arg.slice(0, equals), arg), value: parseYamlValue(arg.slice(equals + 1), arg) };
}

/** Parse `KEY` (`a.b` for a nested key) into a removal, for the CLI `unset`. */
export function parseRemoval(arg: string): FrontMatterEdit {
  if (arg.includes('=')) throw new HanjiError('BAD_REQUEST', `Expected a key (for example toc or sidebar.nav) without a value, got "${arg}".`);
  return { path: parseKeyPath(arg, arg), remove: true };
}

function isRemoval(edit: FrontMatterEdit): edit is { path: KeyPath; remove: true } {
  return 'remove' in edit && edit.remove === true;
}

function applyEdit(parsed: ParsedYaml, edit: FrontMatterEdit, eol: '\n' | '\r\n'): string {
  const current = parsed.data;
  const next = isRemoval(edit) ? deleteIn(current, edit.path) : setIn(current, edit.path, edit.value);
  if (next === current) return parsed.source;
  const cx: PatchContext = { src: parsed.source, doc: parsed.doc, eol };
  const nextData = next as Record<string, unknown>;
  const patches = isMap(parsed.root) ? patchRoot(cx, parsed.root, current, nextData) : appendToEmpty(cx, nextData);
  return applyPatches(parsed.source, patches);
}

// An edit result that does not parse is Hanji's bug, not the user's, unless the edit removed an
// anchor (`&base`) that aliases (`*base`) still use: then the user has to decide what they mean.
function reparse(source: string, origin: YamlOrigin, edit: FrontMatterEdit): ParsedYaml {
  try {
    return parseFrontMatterYaml(source, origin);
  } catch (cause) {
    const anchor = danglingAlias(source);
    if (anchor !== null) {
      throw new HanjiError(
        'BAD_REQUEST',
        `"${edit.path.join('.')}" holds the anchor &${anchor} that *${anchor} uses elsewhere in the front matter; change those aliases first.`,
        origin.file === undefined ? {} : { path: origin.file },
      );
    }
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw internal(`the edit produced invalid YAML: ${reason}`);
  }
}

function danglingAlias(source: string): string | null {
  const doc = parseDocument(source, { ...YAML_OPTIONS, keepSourceTokens: false });
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
  });
  let dangling: string | null = null;
  visit(doc, {
    Alias(_key, alias) {
      if (anchors.has(alias.source)) return undefined;
      dangling = alias.source;
      return visit.BREAK;
    },
  });
  return dangling;
}

/**
 * Check the data after an edit: the edited path holds the new value (or is gone), and every
 * other top-level key holds what it held, unless it reads through an alias or merge key (which
 * may legitimately follow an edited anchor).
 */
function verifyEdit(before: ParsedYaml, after: ParsedYaml, edit: FrontMatterEdit): void {
  const path = edit.path;
  if (isRemoval(edit)) {
    if (getIn(after.data, path) !== undefined && !hasMergeKey(after, path.slice(0, -1))) {
      throw internal(`"${path.join('.')}" is still there`);
    }
  } else if (!deepEqual(getIn(after.data, path), edit.value)) {
    throw internal(`"${path.join('.')}" would not read back as the value given`);
  }
  const linked = new Set([...aliasedKeys(before), ...aliasedKeys(after)]);
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  for (const key of keys) {
    if (key === path[0] || linked.has(key)) continue;
    if (!deepEqual(before.data[key], after.data[key])) throw internal(`"${key}" would change too`);
  }
}

// Top-level keys whose data depends on another node: values holding aliases, and merged keys.
function aliasedKeys(parsed: ParsedYaml): string[] {
  const root = parsed.root;
  if (!isMap(root)) return [];
  const own = new Set<string>();
  const linked: string[] = [];
  let merges = false;
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    if (typeof pair.key.value === 'symbol') merges = true;
    else {
      const key = pair.key.value === null ? '' : String(pair.key.value);
      own.add(key);
      if (dependsOnOtherNodes(pair.value)) linked.push(key);
    }
  }
  if (merges) linked.push(...Object.keys(parsed.data).filter((key) => !own.has(key)));
  return linked;
}

function hasMergeKey(parsed: ParsedYaml, path: KeyPath): boolean {
  const node = path.length === 0 ? parsed.root : (parsed.doc.getIn(path, true) as ParsedNode | undefined);
  return isMap(node) && node.items.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol');
}

function validateEdit(edit: FrontMatterEdit): void {
  const path: unknown = (edit as { path?: unknown }).path;
  if (!Array.isArray(path) || path.length === 0 || !path.every((key) => typeof key === 'string' && key !== '')) {
    throw new HanjiError('BAD_REQUEST', 'A front-matter edit needs a key path of one or more non-empty keys, like ["title"] or ["sidebar", "nav"].');
  }
  if (isRemoval(edit)) return;
  if (!('value' in edit)) throw new HanjiError('BAD_REQUEST', `The edit of "${path.join('.')}" needs a value or remove: true.`);
  const problem = yamlValueProblem(edit.value);
  if (problem !== null) throw new HanjiError('BAD_REQUEST', `The value for "${path.join('.')}" cannot be written as YAML (${problem}).`);
}

function parseKeyPath(key: string, arg: string): KeyPath {
  const path = key.trim().split('.');
  if (path.some((part) => part === '')) {
    throw new HanjiError('BAD_REQUEST', `"${arg}" does not name a key: use KEY or PARENT.KEY (for example sidebar.nav).`);
  }
  return path;
}

function parseYamlValue(source: string, arg: string): YamlValue {
  const doc = parseDocument(source, { ...YAML_OPTIONS, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    throw new HanjiError('BAD_REQUEST', `The value in "${arg}" is not valid YAML (${error.message}). Quote it, for example title='"A: B"'.`);
  }
  return toYamlValue(doc.contents, source, arg);
}

// Data as typed on a command line: a date keeps its spelling, exotic YAML is refused.
function toYamlValue(node: unknown, source: string, arg: string): YamlValue {
  if (node === null || node === undefined) return null;
  const parsed = node as ParsedNode;
  if (isScalar(parsed)) {
    const value: unknown = parsed.value;
    if (value instanceof Date) return source.slice(parsed.range[0], parsed.range[1]);
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  } else if (isMap(parsed)) {
    const out: { [key: string]: YamlValue } = {};
    for (const pair of parsed.items) {
      const key = toYamlValue(pair.key, source, arg);
      if (typeof key === 'object' && key !== null) break;
      out[key === null ? '' : String(key)] = toYamlValue(pair.value, source, arg);
    }
    if (Object.keys(out).length === parsed.items.length && parsed.tag === undefined) return out;
  } else if (isSeq(parsed) && parsed.tag === undefined) {
    return parsed.items.map((item) => toYamlValue(item, source, arg));
  }
  throw new HanjiError('BAD_REQUEST', `The value in "${arg}" uses YAML that Hanji does not write (aliases, tags or complex keys); write it out plainly.`);
}

function internal(reason: string): HanjiError {
  return new HanjiError('INTERNAL', `Hanji could not edit the front matter safely (${reason}); the file was not changed.`);
}
