/**
 * Turn "this node should now hold that value" into text patches on the YAML source. The parsed
 * document only tells where things are; every byte outside the changed values is copied from the
 * source, so comments, quoting, blank lines, key order and line breaks survive.
 *
 * Collections are diffed, not rewritten: a map keeps its unchanged pairs byte for byte, and a
 * list is aligned item by item (see list-diff.ts) and rebuilt from the old items' own text and
 * the old separators between them, so renaming one tag rewrites only that tag.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document, type ParsedNode, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { HanjiError } from '../contract/result';
import { alignLists } from './list-diff';
import { blockScalarText, booleanText, doubleQuoted, parseBlockHeader, scalarText, styledStringText } from './scalar-text';
import { blockText, flowText, itemText, keyText, pairLine, pairText, type ValueText } from './value-text';
import { deepEqual, isPlainObject, isScalarValue } from './values';
import { TO_JS_OPTIONS } from './yaml-source';

/** Replace `source.slice(from, to)` with `text`. */
export interface Patch {
  from: number;
  to: number;
  text: string;
}

/** What every patch function needs: the source, its parsed document, the block's line break. */
export interface PatchContext {
  src: string;
  doc: Document.Parsed;
  eol: '\n' | '\r\n';
}

/**
 * Where a value sits, which decides how a new value is spelled there: after `key:` in a block
 * map, after `-` in a block list, or inside a flow collection.
 */
type Site =
  | { kind: 'pair' | 'item'; /** column of the key or dash */ indent: number; /** just past `:` or `-` */ after: number }
  | { kind: 'flow' };

/** One pair or item of a collection and the stretch of source it owns. */
interface Region {
  /** First byte of the item (its key, dash, or props). */
  start: number;
  /** Where the item's text begins: its line's start for a block item alone on its line, else `start`. */
  lineStart: number;
  /** Just past the item: the end of its last line in block collections, its last byte in flow. */
  end: number;
  /** The value node (for maps, the pair's value). */
  node: ParsedNode | null;
  site: Site;
  /** The value as data. */
  value: unknown;
  /** The map key as a string; MERGE for `<<`; null for keys Hanji does not address (non-scalars). */
  key?: string | typeof MERGE | null;
  /** The pair's key source, for rebuilding a pair whose value is missing. */
  keySource?: string;
}

const MERGE = Symbol('merge key');

/** Apply non-overlapping patches to `text`. */
export function applyPatches(text: string, patches: readonly Patch[]): string {
  return applyWithin(text, 0, text.length, patches);
}

/**
 * Patches for the root map so that it holds `next` (the whole front matter as data; `current` is
 * what it holds now). New top-level keys go after everything else, as the block's last lines.
 */
export function patchRoot(cx: PatchContext, root: YAMLMap.Parsed, current: Record<string, unknown>, next: Record<string, unknown>): Patch[] {
  return diffMap(cx, root, current, next, true) ?? internal('the root map could not be rebuilt');
}

/** Lines for a block that has no keys yet (empty front matter or comments only). */
export function appendToEmpty(cx: PatchContext, next: Record<string, unknown>): Patch[] {
  const lines = Object.entries(next)
    .map(([key, value]) => pairText(key, value, 0, cx.eol) + cx.eol)
    .join('');
  if (lines === '') return [];
  const end = cx.src.length;
  return [{ from: end, to: end, text: (end === 0 || cx.src.endsWith('\n') ? '' : cx.eol) + lines }];
}

function patchNode(cx: PatchContext, site: Site, node: ParsedNode | null, old: unknown, value: unknown): Patch[] {
  if (deepEqual(old, value)) return [];
  if (node && node.tag === undefined) {
    if (isScalar(node) && isScalarValue(value) && !isEmptyScalar(node)) return rewriteScalar(cx, site, node, value);
    if (isSeq(node) && Array.isArray(value) && (node.flow === true || value.length > 0)) {
      const patches = diffSeq(cx, node, old, value);
      if (patches) return patches;
    }
    if (isMap(node) && isPlainObject(value) && isPlainObject(old)) {
      const patches = diffMap(cx, node, old, value, false);
      if (patches) return patches;
    }
  }
  return replaceValue(cx, site, node, value);
}

// --- scalars -------------------------------------------------------------------------------

function rewriteScalar(cx: PatchContext, site: Site, node: Scalar.Parsed, value: string | number | boolean | null): Patch[] {
  const { src } = cx;
  const [from, to] = node.range;
  const old = src.slice(from, to);
  const flow = site.kind === 'flow';
  let text: string;
  if (typeof value === 'string') {
    text = styledStringText(value, node.type ?? 'PLAIN', flow) ?? blockScalar(cx, site, node, value) ?? doubleQuoted(value);
  } else if (typeof value === 'boolean') {
    text = booleanText(value, node.type === 'PLAIN' && typeof node.value === 'boolean' ? old : undefined);
  } else {
    text = scalarText(value, flow);
  }
  // A block scalar's range includes its last line break, which the next line needs.
  if (old.endsWith('\n') && !text.endsWith('\n')) text += cx.eol;
  return [{ from, to, text }];
}

function blockScalar(cx: PatchContext, site: Site, node: Scalar.Parsed, value: string): string | null {
  const { src } = cx;
  const [from, to] = node.range;
  const headerEnd = src.indexOf('\n', from);
  if (headerEnd < 0 || headerEnd >= to) return null;
  const header = parseBlockHeader(src.slice(from, headerEnd).replace(/\r$/u, ''));
  if (!header) return null;
  const content = src.slice(headerEnd + 1, to).split('\n').find((line) => line.trim() !== '');
  const indent = content === undefined ? (site.kind === 'flow' ? 2 : site.indent + 2) : content.length - content.trimStart().length;
  return blockScalarText(value, header, indent, cx.eol);
}

// --- whole values --------------------------------------------------------------------------

/** Replace a value by new text, for a type change (a string where a list was) or a new value. */
function replaceValue(cx: PatchContext, site: Site, node: ParsedNode | null, value: unknown): Patch[] {
  const { src, eol } = cx;
  const props = node ? propsBefore(src, node.range[0]) : null;
  // An explicit tag (`!!str`) would misread the new value; an anchor may be aliased elsewhere.
  const dropTag = node?.tag !== undefined && props !== null;
  const anchor = dropTag && node?.anchor ? `&${node.anchor}` : '';

  if (site.kind === 'flow') {
    if (!node) return internal('a flow value without a node');
    const from = dropTag && props ? props.start : node.range[0];
    let text = (anchor ? `${anchor} ` : '') + flowText(value);
    if (from === node.range[1] && !/[\s[{,]/u.test(src[from - 1] ?? ' ')) text = ` ${text}`;
    return [{ from, to: node.range[1], text }];
  }

  const childIndent = (start: number): number => {
    const column = start - lineStart(src, start);
    return column > site.indent ? column : site.indent + 2;
  };
  const written = (indent: number): ValueText => {
    const text = blockText(value, indent, eol);
    // After `-`, a block value starts on the dash's line.
    return site.kind === 'item' && 'lines' in text ? { inline: itemText(value, indent, eol) } : text;
  };

  // Empty value: `key:` or `key:  # comment`.
  if (!node || isEmptyScalar(node)) {
    const at = node ? node.range[0] : site.after;
    const text = written(site.indent + 2);
    if ('inline' in text) {
      const before = /[ \t]/u.test(src[at - 1] ?? '') ? '' : ' ';
      const after = at >= src.length || /[\s]/u.test(src[at] ?? '') ? '' : ' ';
      return [{ from: at, to: at, text: before + text.inline + after }];
    }
    const end = lineEnd(src, at);
    return [{ from: end, to: end, text: (src[end - 1] === '\n' ? '' : eol) + text.lines }];
  }

  const [start, valueEnd] = node.range;
  const patches: Patch[] = [];

  // The value starts on the key's (or dash's) line: a scalar, a flow collection, an alias, or a
  // block scalar's header.
  if (!src.slice(site.after, start).includes('\n')) {
    const from = dropTag && props ? props.start : start;
    const endsLine = src[valueEnd - 1] === '\n';
    const text = written(site.indent + 2);
    if ('inline' in text) {
      return [{ from, to: valueEnd, text: (anchor ? `${anchor} ` : '') + text.inline + (endsLine ? eol : '') }];
    }
    // A block value cannot share the key's line: end the line (keeping its comment), then indent.
    let trimmed = from;
    while (trimmed > site.after && /[ \t]/u.test(src[trimmed - 1] ?? '')) trimmed--;
    const end = lineEnd(src, valueEnd);
    const rest = src.slice(valueEnd, end);
    const restOfLine = rest.endsWith('\n') ? rest : rest + eol;
    return [{ from: trimmed, to: end, text: (anchor ? ` ${anchor}` : '') + restOfLine + text.lines }];
  }

  // The value starts on a later line (a block collection, or a scalar on its own line): the
  // key's line keeps its props and comment; the value's lines are replaced.
  let insertAt = props ? props.end : site.after;
  if (dropTag && props) {
    let trimmed = props.start;
    while (trimmed > site.after && /[ \t]/u.test(src[trimmed - 1] ?? '')) trimmed--;
    patches.push({ from: trimmed, to: props.end, text: anchor ? ` ${anchor}` : '' });
    insertAt = props.end;
  }
  const from = lineStart(src, start);
  const to = lineEnd(src, valueEnd);
  const text = written(childIndent(start));
  if ('inline' in text) {
    if (dropTag && props) {
      const last = patches.pop() as Patch;
      patches.push({ ...last, text: `${last.text} ${text.inline}` });
    } else {
      patches.push({ from: insertAt, to: insertAt, text: ` ${text.inline}` });
    }
    patches.push({ from, to, text: '' });
  } else {
    patches.push({ from, to, text: text.lines });
  }
  return patches;
}

// --- sequences -----------------------------------------------------------------------------

function diffSeq(cx: PatchContext, seq: YAMLSeq.Parsed, old: unknown, value: readonly unknown[]): Patch[] | null {
  const regions = seq.flow === true ? flowRegions(cx, seq) : blockSeqRegions(cx, seq);
  if (!regions || !Array.isArray(old) || old.length !== regions.items.length) return null;
  const aligned = alignLists(old, value, deepEqual);
  const pieces: Piece[] = aligned.map((step) => {
    if (step.kind === 'keep') return { slot: step.from, text: regionText(cx, regions.items[step.from] as Region) };
    if (step.kind === 'change') {
      const region = regions.items[step.from] as Region;
      const patches = patchNode(cx, region.site, region.node, region.value, value[step.to]);
      return { slot: step.from, text: applyWithin(cx.src, region.lineStart, region.end, patches) };
    }
    const item = value[step.to];
    return { text: seq.flow === true ? flowText(item) : `${regions.pad}- ${itemText(item, regions.indent + 2, cx.eol)}${cx.eol}` };
  });
  return [rebuild(cx, regions, pieces)];
}

function blockSeqRegions(cx: PatchContext, seq: YAMLSeq.Parsed): Regions | null {
  const token = seq.srcToken;
  if (token?.type !== 'block-seq' || token.items.length !== seq.items.length) return null;
  const items: Region[] = [];
  for (const [i, node] of seq.items.entries()) {
    const dash = token.items[i]?.start.find((t) => t.type === 'seq-item-ind');
    if (!dash || isPair(node)) return null;
    const valueNode = node as ParsedNode | null;
    const after = dash.offset + 1;
    items.push({
      start: dash.offset,
      lineStart: dash.offset,
      end: lineEnd(cx.src, Math.max(after, valueNode?.range[1] ?? after)),
      node: valueNode,
      site: { kind: 'item', indent: column(cx.src, dash.offset), after },
      value: valueNode ? valueNode.toJS(cx.doc, TO_JS_OPTIONS) : null,
    });
  }
  return blockRegions(cx, items);
}

// --- maps ----------------------------------------------------------------------------------

/**
 * Patches so that `map` holds `next`. Pairs keep their order; removed keys lose their lines; new
 * keys are appended. Keys that only come from a merge (`<<: *base`) are left to the merge when
 * unchanged. Returns null when the caller should write the value afresh (a block map that
 * would be left with no pairs becomes `{}`).
 */
function diffMap(cx: PatchContext, map: YAMLMap.Parsed, old: Record<string, unknown>, next: Record<string, unknown>, root: boolean): Patch[] | null {
  const flow = map.flow === true;
  const regions = flow ? flowRegions(cx, map) : blockMapRegions(cx, map);
  if (!regions) return null;
  const own = new Set<string>();
  const pieces: Piece[] = [];
  regions.items.forEach((region, slot) => {
    const key = region.key;
    // Keys Hanji cannot name the way the data names them (merge keys, non-scalar keys) stay as they are.
    if (typeof key !== 'string' || !Object.hasOwn(old, key)) {
      pieces.push({ slot, text: regionText(cx, region) });
      return;
    }
    own.add(key);
    if (!Object.hasOwn(next, key)) return;
    const value = next[key];
    if (deepEqual(region.value, value)) {
      pieces.push({ slot, text: regionText(cx, region) });
    } else if (!region.node) {
      const keySource = region.keySource ?? keyText(key, flow);
      pieces.push({ slot, text: flow ? `${keySource}: ${flowText(value)}` : `${regions.pad}${pairLine(keySource, value, regions.indent, cx.eol)}${cx.eol}` });
    } else {
      const patches = patchNode(cx, region.site, region.node, region.value, value);
      pieces.push({ slot, text: applyWithin(cx.src, region.lineStart, region.end, patches) });
    }
  });
  for (const key of Object.keys(old)) {
    if (!own.has(key) && !Object.hasOwn(next, key)) {
      throw new HanjiError('BAD_REQUEST', `"${key}" comes from a merge key (<<: *…); remove it from the map the merge refers to.`);
    }
  }
  const added: Piece[] = [];
  for (const [key, value] of Object.entries(next)) {
    if (own.has(key) || (Object.hasOwn(old, key) && deepEqual(old[key], value))) continue;
    added.push({ text: flow ? `${keyText(key, true)}: ${flowText(value)}` : `${regions.pad}${pairText(key, value, regions.indent, cx.eol)}${cx.eol}` });
  }

  if (!flow && !root && pieces.length === 0 && added.length === 0) return null;
  if (!root || flow) return [rebuild(cx, regions, [...pieces, ...added])];
  // At the root, new keys go after any trailing comments: they become the block's last lines.
  const patches = regions.items.length > 0 ? [rebuild(cx, regions, pieces)] : [];
  if (added.length > 0) {
    const end = cx.src.length;
    const lead = end === 0 || cx.src.endsWith('\n') ? '' : cx.eol;
    patches.push({ from: end, to: end, text: lead + added.map((piece) => piece.text).join('') });
  }
  return patches;
}

function blockMapRegions(cx: PatchContext, map: YAMLMap.Parsed): Regions | null {
  const token = map.srcToken;
  if (token?.type !== 'block-map' || token.items.length !== map.items.length) return null;
  const items: Region[] = [];
  for (const [i, pair] of map.items.entries()) {
    const item = token.items[i];
    if (!item) return null;
    const keyNode = pair.key as ParsedNode | null;
    const valueNode = pair.value as ParsedNode | null;
    const first = item.start.find((t) => t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment');
    const start = first?.offset ?? keyNode?.range[0] ?? valueNode?.range[0];
    if (start === undefined) return null;
    const colon = item.sep?.find((t) => t.type === 'map-value-ind');
    const after = colon ? colon.offset + 1 : (keyNode?.range[1] ?? start);
    // `? key` entries and keyless pairs are kept as they are: Hanji never addresses them.
    const opaque = first?.type === 'explicit-key-ind' || !keyNode;
    items.push({
      start,
      lineStart: start,
      end: lineEnd(cx.src, Math.max(after, valueNode?.range[1] ?? after, keyNode?.range[1] ?? after)),
      node: valueNode,
      site: { kind: 'pair', indent: column(cx.src, start), after },
      value: valueNode ? valueNode.toJS(cx.doc, TO_JS_OPTIONS) : null,
      key: opaque ? null : keyName(pair),
      keySource: keyNode ? cx.src.slice(start, keyNode.range[1]) : '',
    });
  }
  return blockRegions(cx, items);
}

function keyName(pair: Pair): string | typeof MERGE | null {
  const key = pair.key;
  if (!isScalar(key)) return null;
  if (typeof key.value === 'symbol') return MERGE;
  return key.value === null ? '' : String(key.value);
}

// --- rebuilding collections ----------------------------------------------------------------

/** A collection's items and the text around and between them. */
interface Regions {
  items: Region[];
  /** Where the rebuilt text goes. */
  from: number;
  to: number;
  flow: boolean;
  /** Flow: text between the bracket and the first item, and after the last item. */
  lead: string;
  trail: string;
  /** Flow: separator for items that had no neighbour before. */
  separator: string;
  /** Block: column of the items, and that many spaces. */
  indent: number;
  pad: string;
  /** Block: the first item shares its line with a parent's `- ` (`- name: x`). */
  compact: boolean;
}

/** An item of the rebuilt collection; `slot` is its index in the old one, if it has one. */
interface Piece {
  slot?: number;
  text: string;
}

function blockRegions(cx: PatchContext, items: Region[]): Regions | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  const indent = column(cx.src, first.start);
  // Block items are whole lines (indentation included), so removing one removes its lines.
  for (const item of items) {
    const start = lineStart(cx.src, item.start);
    if (cx.src.slice(start, item.start).trim() === '') item.lineStart = start;
  }
  const compact = first.lineStart === first.start && indent > 0;
  return { items, from: first.lineStart, to: last.end, flow: false, lead: '', trail: '', separator: '', indent, pad: ' '.repeat(indent), compact };
}

/**
 * Items of a flow collection, found by walking the separators between the parsed nodes (a `#`
 * inside a comment must not be taken for structure, so the walk goes forward from `[`).
 */
function flowRegions(cx: PatchContext, coll: YAMLSeq.Parsed | YAMLMap.Parsed): Regions | null {
  const { src } = cx;
  const open = coll.range[0];
  const close = coll.range[1] - 1;
  const brackets = isMap(coll) ? '{}' : '[]';
  if (src[open] !== brackets[0] || src[close] !== brackets[1]) return null;
  const items: Region[] = [];
  let cursor = open + 1;
  for (const [i, item] of (coll.items as unknown[]).entries()) {
    let start = skipBlank(src, cursor, close);
    if (i > 0) {
      if (src[start] !== ',') return null;
      start = skipBlank(src, start + 1, close);
    }
    let node: ParsedNode | null;
    let end: number;
    let key: Region['key'];
    let keySource: string | undefined;
    if (isPair(item)) {
      if (isSeq(coll)) return null;
      const keyNode = item.key as ParsedNode | null;
      node = item.value as ParsedNode | null;
      if (!keyNode) return null;
      end = Math.max(keyNode.range[1], node?.range[1] ?? 0);
      key = keyName(item);
      keySource = src.slice(start, keyNode.range[1]);
    } else {
      node = item as ParsedNode;
      end = node.range[1];
    }
    if (end < start) return null;
    const value: unknown = node ? node.toJS(cx.doc, TO_JS_OPTIONS) : null;
    items.push({ start, lineStart: start, end, node, site: { kind: 'flow' }, value, key, keySource });
    cursor = end;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const inner = src.slice(open + 1, close);
  const lead = first ? src.slice(open + 1, first.start) : inner.trim() === '' ? '' : inner;
  const trail = last ? src.slice(last.end, close) : '';
  const separator = items.length >= 2 ? src.slice((items[items.length - 2] as Region).end, last?.start) : ', ';
  return { items, from: open + 1, to: close, flow: true, lead, trail, separator, indent: 0, pad: '', compact: false };
}

/** One patch that rebuilds the collection from old item texts, new item texts and the old text between items. */
function rebuild(cx: PatchContext, regions: Regions, pieces: readonly Piece[]): Patch {
  const text = regions.flow ? rebuildFlow(cx, regions, pieces) : rebuildBlock(cx, regions, pieces);
  return { from: regions.from, to: regions.to, text };
}

// Between two surviving neighbours, their old separator; a removed item takes its separator along.
function rebuildFlow(cx: PatchContext, regions: Regions, pieces: readonly Piece[]): string {
  const { items } = regions;
  const gap = (i: number): string => cx.src.slice((items[i] as Region).end, (items[i + 1] as Region).start);
  const separator = (left: Piece, right: Piece): string => {
    if (left.slot !== undefined && right.slot === left.slot + 1) return gap(left.slot);
    if (left.slot !== undefined && left.slot < items.length - 1) return gap(left.slot);
    if (right.slot !== undefined && right.slot > 0) return gap(right.slot - 1);
    return regions.separator;
  };
  let text = regions.lead;
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    if (previous) text += separator(previous, piece);
    text += piece.text;
  });
  return text + regions.trail;
}

// Block items are whole lines; the lines between them (comments, blank lines) all stay, and a
// new item goes right after the item it follows.
function rebuildBlock(cx: PatchContext, regions: Regions, pieces: readonly Piece[]): string {
  const { items } = regions;
  const gap = (i: number): string => cx.src.slice((items[i] as Region).end, (items[i + 1] as Region).lineStart);
  let text = '';
  let next = 0;
  for (const piece of pieces) {
    if (piece.slot !== undefined) {
      for (; next < piece.slot; next++) if (text !== '' || !regions.compact) text += gap(next);
    }
    let line = piece.text;
    // The first item of a compact collection shares its parent's `- ` line and has no
    // indentation of its own: it loses it when it comes first, and gains it when it does not.
    if (regions.compact && text === '') line = line.trimStart();
    else if (regions.compact && piece.slot === 0) line = regions.pad + line;
    if (text !== '' && !text.endsWith('\n')) text += cx.eol;
    text += line;
  }
  for (; next < items.length - 1; next++) text += gap(next);
  return text;
}

function regionText(cx: PatchContext, region: Region): string {
  return cx.src.slice(region.lineStart, region.end);
}

// --- source helpers ------------------------------------------------------------------------

/** The text of `[start, end)` of `source` with `patches` (which must lie inside it) applied. */
function applyWithin(source: string, start: number, end: number, patches: readonly Patch[]): string {
  const sorted = [...patches].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let cursor = start;
  for (const patch of sorted) {
    if (patch.from < cursor || patch.to < patch.from || patch.to > end) internal('overlapping or misplaced patches');
    out += source.slice(cursor, patch.from) + patch.text;
    cursor = patch.to;
  }
  return out + source.slice(cursor, end);
}

function isEmptyScalar(node: ParsedNode): boolean {
  return isScalar(node) && node.value === null && node.range[0] === node.range[1];
}

function lineStart(src: string, offset: number): number {
  return src.lastIndexOf('\n', offset - 1) + 1;
}

/** Just past the line break of the line holding `offset`; `offset` itself if it starts a line. */
function lineEnd(src: string, offset: number): number {
  if (offset > 0 && src[offset - 1] === '\n') return offset;
  const at = src.indexOf('\n', offset);
  return at < 0 ? src.length : at + 1;
}

function column(src: string, offset: number): number {
  return offset - lineStart(src, offset);
}

// Skip white space, line breaks and comments inside a flow collection.
function skipBlank(src: string, from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    const char = src[at];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') at++;
    else if (char === '#' && (at === 0 || /\s/u.test(src[at - 1] ?? ''))) {
      const next = src.indexOf('\n', at);
      at = next < 0 || next > limit ? limit : next;
    } else break;
  }
  return at;
}

/** The anchor/tag tokens (`&a`, `!!str`) just before a value, if any. */
function propsBefore(src: string, valueStart: number): { start: number; end: number } | null {
  let start = valueStart;
  let end = -1;
  for (let found = 0; found < 2; found++) {
    let at = start;
    while (at > 0 && /\s/u.test(src[at - 1] ?? '')) at--;
    let tokenStart = at;
    while (tokenStart > 0 && !/[\s[{,]/u.test(src[tokenStart - 1] ?? '')) tokenStart--;
    const token = src.slice(tokenStart, at);
    if (!/^[&!]/u.test(token)) break;
    if (end < 0) end = at;
    start = tokenStart;
  }
  return end < 0 ? null : { start, end };
}

/** Whether an alias (`*name`, also how `<<: *base` merges) occurs in a node: its data then depends on another node. */
export function dependsOnOtherNodes(node: unknown): boolean {
  let found = false;
  if (!node || typeof node !== 'object') return false;
  visit(node as ParsedNode, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function internal(reason: string): never {
  throw new HanjiError('INTERNAL', `Hanji could not edit the front matter safely (${reason}); the file was not changed.`);
}
