/**
 * The front-matter form's model: which widget shows each key, and how a value typed into a
 * widget becomes a FrontMatterEdit that keeps the form the file already uses (a flow list stays
 * a flow list, `tags: a b` stays a string). Reading uses the writer's own YAML parse, so the form
 * never shows a value the writer would read differently.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Pair, type ParsedNode } from 'yaml';
import { HanjiError } from '../contract/result';
import { InvalidDate, parseRubyTime } from '../jekyll/time';
import { applyFrontMatterEdits, type FrontMatterEdit, type KeyPath, type YamlValue } from './edit';
import { splitFrontMatter } from './split';
import { getIn, isPlainObject, yamlValueProblem } from './values';
import { TO_JS_OPTIONS, YAML_OPTIONS, lineColumn, parseFrontMatterYaml, type ParsedYaml } from './yaml-source';

/** Every widget the form can show, in no particular order. */
export const WIDGETS = ['text', 'multiline', 'datetime', 'boolean', 'number', 'select', 'chips', 'map', 'raw'] as const;

/** How one value is edited. */
export type Widget = (typeof WIDGETS)[number];

/** How a chips value is written in the file: `[a, b]`, `- a` lines, or `tags: a b`. */
export type ListForm = 'flow' | 'block' | 'string';

/** One chip: list items keep their YAML type, so `2025` stays a number when other chips change. */
export type ChipValue = string | number | boolean;

/** What the rest of the site uses, to fill choices and to pick widgets for empty values. */
export interface SiteUsage {
  /** Layout names, for the `layout` select. */
  layouts?: readonly string[];
  /** Tags in use, most relevant first: suggestions for `tag`/`tags`. */
  tags?: readonly string[];
  /** Categories in use, most relevant first: suggestions for `category`/`categories`. */
  categories?: readonly string[];
  /** The widget other posts use for a key (by dotted label), for keys whose value here is empty. */
  keyKinds?: Readonly<Record<string, Widget>>;
}

/**
 * One key of the front matter and the widget that edits it. `value` depends on the widget:
 * text, multiline and select hold a string or null; datetime the date as written (a YAML
 * timestamp's source text, never reformatted) or null; boolean a boolean or null; number a
 * number or null; chips a ChipValue[]; map its data (see `children`); raw the node's YAML source.
 */
export interface FormField {
  /** Keys from the root; only strings today (list items are edited through their list). */
  path: (string | number)[];
  /** The dotted key, e.g. `title` or `sidebar.nav`: also the widget's accessible name. */
  label: string;
  widget: Widget;
  value: unknown;
  /** For chips: the form the file uses now; absent when the key has no list yet. */
  listForm?: ListForm;
  /** For map: one field per key of the map, in file order. */
  children?: FormField[];
  /** For select: the choices, the current value included. */
  options?: string[];
  /** For chips: suggestions from the site, in the order given, without the chips already there. */
  suggestions?: string[];
  /** A pair the form cannot address by key (a `<<` merge key, a complex key): shown, not edited. */
  readOnly?: boolean;
}

/** The front matter as the form sees it. */
export type FormModel =
  | { kind: 'none' }
  | { kind: 'invalid'; line: number | null; column: number | null; message: string }
  | { kind: 'fields'; fields: FormField[] };

// Jekyll's taxonomy keys: a plural string is split on whitespace, a singular one is one name.
const TAXONOMY: Readonly<Record<string, { plural: boolean; usage: 'tags' | 'categories' }>> = {
  tag: { plural: false, usage: 'tags' },
  tags: { plural: true, usage: 'tags' },
  category: { plural: false, usage: 'categories' },
  categories: { plural: true, usage: 'categories' },
};

// A whole value that reads as a date (with optional time and zone); `2025-01-01 recap` does not.
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ \t]*(?:Z|[A-Za-z]{3,5}|[-+]\d{1,2}(?::?\d{2})?))?)?$/u;

// Ruby's String#split with no argument: ASCII whitespace only (not U+3000 or NBSP).
const RUBY_WHITESPACE = /[ \t\n\v\f\r]+/u;

interface Context {
  src: string;
  data: Record<string, unknown>;
  usage: SiteUsage;
}

/**
 * The form for a post's text: 'none' without front matter, 'invalid' (with the 1-based file
 * line and column) when the writer would refuse to edit it, else one field per top-level key.
 */
export function describeFrontMatter(text: string, usage: SiteUsage = {}): FormModel {
  const block = splitFrontMatter(text);
  if (!block) return { kind: 'none' };
  let parsed: ParsedYaml;
  try {
    parsed = parseFrontMatterYaml(block.yaml, { firstLine: block.firstLine });
  } catch (error) {
    if (!(error instanceof HanjiError) || error.code !== 'INVALID_FRONT_MATTER') throw error;
    // The line and column are separate fields; the message keeps only what went wrong.
    const message = error.message.replace(/^front matter:\d+:\d+: /u, '');
    return { kind: 'invalid', line: error.line ?? null, column: error.column ?? null, message };
  }
  if (!parsed.root || !isMap(parsed.root)) return { kind: 'fields', fields: [] };
  const cx: Context = { src: parsed.source, data: parsed.data, usage };
  return { kind: 'fields', fields: parsed.root.items.map((pair) => describePair(cx, pair as Pair<ParsedNode | null, ParsedNode | null>, [], '')) };
}

/**
 * The edit that writes `next` into `field`, in the form the file uses. `next` is what the widget
 * holds: a string for text, multiline, select, datetime and raw (raw is YAML, parsed here); a
 * boolean; a number or numeric string; a ChipValue[] for chips; a plain object for map.
 * Throws HanjiError BAD_REQUEST, with a sentence for the user, when `next` cannot be written:
 * invalid YAML in a raw field, an unreadable or empty date, a read-only field.
 */
export function editForField(field: FormField, next: unknown): FrontMatterEdit {
  const path = editablePath(field);
  switch (field.widget) {
    case 'text':
    case 'multiline':
    case 'select': {
      const value = expectString(field, next);
      // Leaving an empty key empty must not write `""` into it.
      return { path, value: value === '' && (field.value === null || field.widget === 'select') ? null : value };
    }
    case 'datetime': {
      const value = expectString(field, next).trim();
      const problem = datetimeProblem(value);
      if (problem !== null) throw badRequest(`"${field.label}": ${problem}`);
      return { path, value };
    }
    case 'boolean':
      if (typeof next !== 'boolean') throw badRequest(`"${field.label}" takes true or false.`);
      return { path, value: next };
    case 'number':
      return { path, value: numberValue(field, next) };
    case 'chips':
      return { path, value: chipsValue(field, next) };
    case 'map': {
      const problem = yamlValueProblem(next);
      if (!isPlainObject(next) || problem !== null) throw badRequest(`"${field.label}" takes a map of keys to values${problem === null ? '' : ` (${problem})`}.`);
      return { path, value: next as YamlValue };
    }
    case 'raw':
      return { path, value: parseYamlText(expectString(field, next), field.label) };
  }
}

/** The edit that removes `field` (its key and value) from the front matter. */
export function removeFieldEdit(field: FormField): FrontMatterEdit {
  return { path: editablePath(field), remove: true };
}

/**
 * The edit that adds `key` (dotted for a nested key, like `sidebar.nav`) with `valueText` read as
 * YAML, as the CLI's `set` reads it (an empty value is null). Throws HanjiError BAD_REQUEST when
 * the key is malformed, already there, or would go under a value that is not a map, and
 * INVALID_FRONT_MATTER when the existing front matter cannot be read.
 */
export function addFieldEdit(text: string, key: string, valueText: string): FrontMatterEdit {
  const path = key.trim().split('.');
  if (path.some((part) => part.trim() === '')) throw badRequest(`"${key}" is not a key name: use a name like title, or parent.key for a nested key.`);
  const block = splitFrontMatter(text);
  const data = block ? parseFrontMatterYaml(block.yaml, { firstLine: block.firstLine }).data : {};
  for (let depth = 1; depth < path.length; depth++) {
    const parent = getIn(data, path.slice(0, depth));
    if (parent !== undefined && parent !== null && !isPlainObject(parent)) {
      throw badRequest(`"${path.slice(0, depth).join('.')}" is not a map, so "${path.join('.')}" cannot go under it.`);
    }
  }
  if (getIn(data, path) !== undefined) throw badRequest(`"${path.join('.')}" is already in the front matter; edit it there.`);
  return { path, value: parseYamlText(valueText, path.join('.')) };
}

/** `text` with one edit applied, through the minimal-patch writer (see applyFrontMatterEdits). */
export function withFieldEdit(text: string, edit: FrontMatterEdit): string {
  return applyFrontMatterEdits(text, [edit]);
}

/** Why Jekyll would stop on `text` as a date (a sentence), or null when it reads it. */
export function datetimeProblem(text: string): string | null {
  if (text.trim() === '') return 'a date cannot be empty (Jekyll stops the build on `date:` with no value); remove the field instead.';
  try {
    // The zone only moves the instant; whether Ruby reads the text does not depend on it.
    parseRubyTime(text.trim(), 'UTC');
    return null;
  } catch (error) {
    if (!(error instanceof InvalidDate)) throw error;
    return `"${text.trim()}" is not a date Jekyll reads; write it like 2025-02-05 or 2025-02-05 10:30:00 +0900.`;
  }
}

/** A chip as the form shows it (`2025`, `true`); the chip itself keeps its YAML type. */
export function chipText(chip: ChipValue): string {
  return String(chip);
}

function describePair(cx: Context, pair: Pair<ParsedNode | null, ParsedNode | null>, parent: readonly string[], parentLabel: string): FormField {
  const keyNode = pair.key;
  const key = isScalar(keyNode) && isKeyValue(keyNode.value) ? String(keyNode.value) : null;
  if (key === null || key === '') {
    // `<<: *base`, `? [a, b]` or an empty key: the writer addresses values by key path only.
    const keyText = keyNode ? cx.src.slice(keyNode.range[0], keyNode.range[1]) : '';
    const label = parentLabel === '' ? keyText : `${parentLabel}.${keyText}`;
    return { path: [...parent, keyText], label, widget: 'raw', value: pairValueSource(cx.src, pair), readOnly: true };
  }
  const path = [...parent, key];
  const label = parentLabel === '' ? key : `${parentLabel}.${key}`;
  const topLevel = parent.length === 0;
  const node = pair.value;
  const value = getIn(cx.data, path);
  const field = (widget: Widget, fieldValue: unknown, extra: Partial<FormField> = {}): FormField => ({ path, label, widget, value: fieldValue, ...extra });
  const raw = (): FormField => field('raw', pairValueSource(cx.src, pair));

  if (isAlias(node) || (node && (node.anchor !== undefined || node.tag !== undefined))) return raw();
  if (node === null || (isScalar(node) && node.value === null)) return emptyField(cx, field, key, label, topLevel, null);
  if (isScalar(node)) {
    const scalar: unknown = node.value;
    if (typeof scalar === 'boolean') return field('boolean', scalar);
    if (typeof scalar === 'number') return Number.isFinite(scalar) ? field('number', scalar) : raw();
    if (scalar instanceof Date) return field('datetime', cx.src.slice(node.range[0], node.range[1]));
    if (typeof scalar !== 'string') return raw();
    const taxonomy = topLevel ? TAXONOMY[key] : undefined;
    if (taxonomy) {
      const chips = taxonomy.plural ? scalar.split(RUBY_WHITESPACE).filter((word) => word !== '') : scalar === '' ? [] : [scalar];
      return field('chips', chips, { listForm: 'string', suggestions: suggestionsFor(cx.usage, key, chips) });
    }
    if (scalar === '') return emptyField(cx, field, key, label, topLevel, '');
    if (topLevel && key === 'layout') return field('select', scalar, { options: layoutOptions(cx.usage, scalar) });
    if ((topLevel && key === 'date') || DATE_LIKE.test(scalar)) return field('datetime', scalar);
    return field(scalar.includes('\n') ? 'multiline' : 'text', scalar);
  }
  if (isSeq(node)) {
    const chips = chipItems(node.items);
    if (chips === null) return raw();
    return field('chips', chips, { listForm: node.flow === true ? 'flow' : 'block', suggestions: suggestionsFor(cx.usage, topLevel ? key : '', chips) });
  }
  if (isMap(node) && node.items.every((item) => isScalar(item.key) && typeof item.key.value !== 'symbol')) {
    const children = node.items.map((item) => describePair(cx, item as Pair<ParsedNode | null, ParsedNode | null>, path, label));
    return field('map', value, { children });
  }
  return raw();
}

// A key with no value (or an empty string): the widget other posts use for it, else its name's.
function emptyField(
  cx: Context,
  field: (widget: Widget, value: unknown, extra?: Partial<FormField>) => FormField,
  key: string,
  label: string,
  topLevel: boolean,
  empty: null | '',
): FormField {
  const taxonomy = topLevel ? TAXONOMY[key] : undefined;
  const byName: Widget | undefined = taxonomy ? 'chips' : topLevel && key === 'layout' ? 'select' : topLevel && key === 'date' ? 'datetime' : undefined;
  const preferred = cx.usage.keyKinds?.[label];
  const fitsEmptyString: readonly Widget[] = ['text', 'multiline', 'datetime', 'select', 'chips'];
  const usable = preferred !== undefined && preferred !== 'raw' && (empty === null || fitsEmptyString.includes(preferred)) ? preferred : undefined;
  const widget = byName ?? usable ?? 'text';
  switch (widget) {
    case 'chips':
      return field('chips', [], {
        ...(taxonomy && empty === '' ? { listForm: 'string' as const } : {}),
        suggestions: suggestionsFor(cx.usage, topLevel ? key : '', []),
      });
    case 'select':
      return field('select', null, { options: layoutOptions(cx.usage, null) });
    case 'map':
      return field('map', {}, { children: [] });
    case 'text':
    case 'multiline':
      return field(widget, empty);
    default:
      return field(widget, null);
  }
}

function chipItems(items: readonly unknown[]): ChipValue[] | null {
  const chips: ChipValue[] = [];
  for (const item of items) {
    if (!isScalar(item) || item.anchor !== undefined || item.tag !== undefined) return null;
    const value: unknown = item.value;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) chips.push(value);
    else return null;
  }
  return chips;
}

function suggestionsFor(usage: SiteUsage, key: string, chips: readonly ChipValue[]): string[] {
  const kind = TAXONOMY[key]?.usage;
  if (!kind) return [];
  const present = new Set(chips.map(chipText));
  return [...new Set(usage[kind] ?? [])].filter((name) => !present.has(name));
}

function layoutOptions(usage: SiteUsage, current: string | null): string[] {
  const layouts = [...(usage.layouts ?? [])];
  if (current !== null && current !== '' && !layouts.includes(current)) layouts.push(current);
  return [...new Set(layouts)];
}

function isKeyValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The YAML source of a pair's value, as a user would type it on its own: props (`&a`, `!!str`)
 * kept, a block collection taken from its first line, and the common indentation removed.
 */
function pairValueSource(src: string, pair: Pair<ParsedNode | null, ParsedNode | null>): string {
  const node = pair.value;
  if (!node) return '';
  const keyEnd = pair.key ? pair.key.range[1] : node.range[0];
  const between = src.slice(keyEnd, node.range[0]).replace(/^[ \t]*:/u, '');
  const props = between
    .split(/\r?\n/u)
    .map((line) => line.replace(/(?:^|[ \t])#.*$/u, '').trim())
    .filter((line) => line !== '')
    .join(' ');
  const block = (isMap(node) || isSeq(node)) && node.flow !== true;
  const lineStart = src.lastIndexOf('\n', node.range[0] - 1) + 1;
  const start = block ? lineStart : node.range[0];
  const lines = src.slice(start, node.range[1]).replace(/\s+$/u, '').split(/\r?\n/u);
  // A block collection's items sit at its first item's column; comments may sit further left.
  const indents = lines.slice(1).filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)?.[0].length ?? 0);
  const indent = block ? node.range[0] - lineStart : indents.length === 0 ? 0 : Math.min(...indents);
  const dedented = lines.map((line, i) => (block || i > 0 ? line.slice(Math.min(indent, /^ */u.exec(line)?.[0].length ?? 0)) : line)).join('\n');
  if (props === '') return dedented;
  return `${props}${block ? '\n' : ' '}${dedented}`;
}

/**
 * YAML typed into the form (a raw field, a new field's value), read as YAML 1.1 like the front
 * matter itself. Dates stay the text they were typed as; aliases are expanded; what the writer
 * cannot write (sets, ordered maps, merge keys) is refused with a sentence.
 */
function parseYamlText(text: string, label: string): YamlValue {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const { line, column } = lineColumn(text, error.code === 'MISSING_CHAR' ? openingQuote(doc, error.pos[0]) : error.pos[0]);
    throw badRequest(`"${label}" is not valid YAML (line ${line}, column ${column} of the value: ${error.message}). Quote text that holds ": " or " #", like "A: B".`);
  }
  try {
    // Expanding once with the writer's limit refuses an alias bomb before nodeValue walks it.
    doc.toJS(TO_JS_OPTIONS);
  } catch (cause) {
    throw badRequest(`"${label}" cannot be read (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
  return nodeValue(doc, doc.contents, text, label);
}

// The `yaml` package reports an unclosed quote where the text ends; the user needs the quote
// (the writer's own reports do the same for the whole block).
function openingQuote(doc: Document.Parsed, offset: number): number {
  let opening = offset;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && range[0] < offset && range[1] >= offset) opening = range[0];
    },
  });
  return opening;
}

function nodeValue(doc: Document.Parsed, node: unknown, text: string, label: string): YamlValue {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return nodeValue(doc, node.resolve(doc), text, label);
  if (isScalar(node)) {
    const value: unknown = node.value;
    if (value instanceof Date) return node.range ? text.slice(node.range[0], node.range[1]) : value.toISOString();
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  } else if (isSeq(node) && !(node.tag ?? '').endsWith(':omap') && !(node.tag ?? '').endsWith(':pairs')) {
    return node.items.map((item) => nodeValue(doc, item, text, label));
  } else if (isMap(node) && !(node.tag ?? '').endsWith(':set')) {
    const out: { [key: string]: YamlValue } = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (!isKeyValue(key) && key !== null) break;
      out[key === null ? '' : String(key)] = nodeValue(doc, pair.value, text, label);
    }
    if (Object.keys(out).length === node.items.length) return out;
  }
  throw badRequest(`"${label}" uses YAML the form cannot write (merge keys, complex keys, sets or ordered maps); write it out plainly, or edit it in the text.`);
}

function editablePath(field: FormField): KeyPath {
  if (field.readOnly === true) throw badRequest(`"${field.label}" cannot be edited in the form; edit it in the text.`);
  if (field.path.length === 0 || !field.path.every((key): key is string => typeof key === 'string')) {
    throw badRequest(`"${field.label}" is inside a list; edit the whole list instead.`);
  }
  return field.path as string[];
}

function expectString(field: FormField, next: unknown): string {
  if (typeof next !== 'string') throw badRequest(`"${field.label}" takes text.`);
  return next;
}

function numberValue(field: FormField, next: unknown): number | null {
  if (typeof next === 'number' && Number.isFinite(next)) return next;
  if (typeof next === 'string') {
    if (next.trim() === '') return null;
    const value = Number(next.trim());
    if (Number.isFinite(value)) return value;
  }
  throw badRequest(`"${field.label}" takes a number, like 3 or 2.5.`);
}

// Chips are written back in the file's form where that form can hold them: a plural string
// (`tags: a b`) while no chip has a space, a singular string (`tag: machine learning`) while
// there is one chip; anything else becomes a list, which the writer keeps flow or block.
function chipsValue(field: FormField, next: unknown): YamlValue {
  if (!Array.isArray(next)) throw badRequest(`"${field.label}" takes a list.`);
  const chips: ChipValue[] = [];
  for (const item of next as unknown[]) {
    if (typeof item === 'string') {
      if (item.trim() !== '') chips.push(item);
    } else if (typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) chips.push(item);
    else throw badRequest(`"${field.label}" takes names (text or numbers).`);
  }
  if (field.listForm !== 'string') return chips;
  const key = field.path[field.path.length - 1];
  const plural = typeof key === 'string' && TAXONOMY[key]?.plural === true;
  if (plural) {
    const words = chips.every((chip): chip is string => typeof chip === 'string' && !RUBY_WHITESPACE.test(chip));
    return words ? chips.join(' ') : chips;
  }
  const [only] = chips;
  return chips.length === 1 && typeof only === 'string' ? only : chips;
}

function badRequest(message: string): HanjiError {
  return new HanjiError('BAD_REQUEST', message);
}
