/**
 * Line-level patches for the shapes nearly every post's tags take: a flow list on one line, a
 * block list of simple items, a plain or simply quoted string. About a hundred times faster than
 * the `yaml` Document API; anything else returns null and goes to applyFrontMatterEdits. The
 * planner checks every result by parsing it again, and a differential test holds both paths to
 * the same text.
 */
import { resolvePlainScalar } from '../jekyll/yaml';
import type { ItemAction } from './names';

/** The change to one top-level key, as the fast path takes it. */
export type KeyPatch = { key: string; shape: 'list'; actions: ItemAction[] } | { key: string; shape: 'string'; value: string };

/** The YAML source with the patches made, or null when a key is not in a shape this path knows. */
export function fastPatch(yaml: string, patches: readonly KeyPatch[]): string | null {
  const lines = yaml.split('\n');
  for (const patch of patches) {
    const at = keyLine(lines, patch.key);
    if (at < 0) return null;
    const ok = patch.shape === 'string' ? patchString(lines, at, patch) : patchList(lines, at, patch.actions);
    if (!ok) return null;
  }
  return lines.join('\n');
}

type Style = 'plain' | '"' | "'";

function keyLine(lines: readonly string[], key: string): number {
  let found = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith(`${key}:`) && (line.length === key.length + 1 || line[key.length + 1] === ' ' || line[key.length + 1] === '\r')) {
      if (found >= 0) return -1;
      found = i;
    }
  }
  return found;
}

/** The line's text after `key:`, without the line break, and that break. */
function restOf(line: string, key: string): { rest: string; cr: string } {
  const cr = line.endsWith('\r') ? '\r' : '';
  return { rest: line.slice(key.length + 1, line.length - cr.length), cr };
}

/** The next line starts a new top-level key, or the block ends: nothing continues this value. */
function endsHere(lines: readonly string[], next: number): boolean {
  const line = lines[next];
  return line === undefined || /^[A-Za-z0-9_]/u.test(line) || (next === lines.length - 1 && (line === '' || line === '\r'));
}

function patchString(lines: string[], at: number, patch: { key: string; value: string }): boolean {
  const { rest, cr } = restOf(lines[at] as string, patch.key);
  const lead = /^ +/u.exec(rest)?.[0] ?? '';
  const core = rest.slice(lead.length).trimEnd();
  if (lead === '' || core !== rest.slice(lead.length) || !endsHere(lines, at + 1)) return false;
  const style = styleOf(core, false);
  if (style === null) return false;
  const written = encode(patch.value, style, false);
  if (written === null) return false;
  lines[at] = `${patch.key}:${lead}${written}${cr}`;
  return true;
}

function patchList(lines: string[], at: number, actions: readonly ItemAction[]): boolean {
  const line = lines[at] as string;
  const key = line.slice(0, line.indexOf(':'));
  const { rest, cr } = restOf(line, key);
  if (rest.trim() === '') return patchBlockList(lines, at, actions);
  const open = rest.indexOf('[');
  if (open < 0 || rest.slice(0, open).trim() !== '' || !rest.trimEnd().endsWith(']') || !endsHere(lines, at + 1)) return false;
  const close = rest.trimEnd().length - 1;
  const inner = rest.slice(open + 1, close);
  if (/[[\]{}#]/u.test(inner)) return false;
  const pieces = inner.split(',');
  if (pieces.length !== actions.length) return false;
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    const lead = /^ */u.exec(piece)?.[0] ?? '';
    const core = piece.trim();
    const style = styleOf(core, true);
    if (style === null) return false;
    const action = actions[i] as ItemAction;
    if (action.kind === 'drop') continue;
    if (action.kind === 'keep') {
      out.push(piece);
      continue;
    }
    const written = encode(action.to, style, true);
    if (written === null) return false;
    out.push(`${lead}${written}${piece.slice(lead.length + core.length)}`);
  }
  if (out.length === 0) return false;
  // The first item keeps the spacing the list opened with (`[a, b]` without `a` is `[b]`).
  const firstLead = /^ */u.exec(pieces[0] as string)?.[0] ?? '';
  out[0] = firstLead + (out[0] as string).replace(/^ */u, '');
  lines[at] = `${key}:${rest.slice(0, open + 1)}${out.join(',')}${rest.slice(close)}${cr}`;
  return true;
}

function patchBlockList(lines: string[], at: number, actions: readonly ItemAction[]): boolean {
  const items: { index: number; prefix: string; core: string; cr: string }[] = [];
  let indent: string | null = null;
  let i = at + 1;
  for (; i < lines.length; i++) {
    const raw = lines[i] as string;
    const cr = raw.endsWith('\r') ? '\r' : '';
    const line = raw.slice(0, raw.length - cr.length);
    const m = /^( *)- +(.*)$/u.exec(line);
    if (!m || (indent !== null && m[1] !== indent)) break;
    indent = m[1] as string;
    const core = m[2] as string;
    if (core !== core.trimEnd() || core === '') return false;
    items.push({ index: i, prefix: line.slice(0, line.length - core.length), core, cr });
  }
  if (items.length !== actions.length || items.length === 0 || !endsHere(lines, i)) return false;
  const drop = new Set<number>();
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as (typeof items)[number];
    const style = styleOf(item.core, false);
    if (style === null) return false;
    const action = actions[k] as ItemAction;
    if (action.kind === 'drop') drop.add(item.index);
    else if (action.kind === 'rename') {
      const written = encode(action.to, style, false);
      if (written === null) return false;
      lines[item.index] = `${item.prefix}${written}${item.cr}`;
    }
  }
  if (drop.size === items.length) return false;
  for (const index of [...drop].sort((a, b) => b - a)) lines.splice(index, 1);
  return true;
}

/** How a scalar is written, if it is written simply enough for this path (no escapes, no comments). */
function styleOf(core: string, inFlow: boolean): Style | null {
  if (core.length >= 2 && core.startsWith('"') && core.endsWith('"')) return /^"[^"\\]*"$/u.test(core) ? '"' : null;
  if (core.length >= 2 && core.startsWith("'") && core.endsWith("'")) return /^'[^']*'$/u.test(core) ? "'" : null;
  return isSimplePlain(core, inFlow) ? 'plain' : null;
}

function isSimplePlain(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/u.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  // eslint-disable-next-line no-control-regex -- control characters need quoting
  if (/[\x00-\x1F\x7F\u0085\u2028\u2029\uFEFF]/u.test(text)) return false;
  if (inFlow && /[,[\]{}]/u.test(text)) return false;
  return true;
}

/** `value` written as a string in `style`; null when that style cannot hold it as a string. */
function encode(value: string, style: Style, inFlow: boolean): string | null {
  // eslint-disable-next-line no-control-regex -- control characters need escapes
  if (/[\x00-\x1F\x7F\u0085\u2028\u2029\uFEFF]/u.test(value)) return null;
  if (style === '"') return /["\\]/u.test(value) ? null : `"${value}"`;
  if (style === "'") return value.includes("'") ? null : `'${value}'`;
  return isSimplePlain(value, inFlow) && typeof resolvePlainScalar(value) === 'symbol' ? value : null;
}
