/**
 * A fast path for the front matter most posts have (`key: value`, flow lists, one level of block
 * lists or maps, plain or simply quoted scalars): about four times faster than js-yaml, which is
 * most of a first index of a large site. Anything outside that shape returns null and goes to
 * the full parser; a differential test holds both to the same values.
 */
import { resolvePlainScalar } from './yaml';

const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/u;
/** Characters that start something this fast path does not read (anchors, tags, block scalars…). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`]/u;

/** Parse simple front matter with Psych's meaning, or null when it needs the full parser. */
export function parseSimpleFrontMatter(source: string): Record<string, unknown> | null {
  // Comments, tabs, flow maps, anchors, tags, block scalars, escapes, control characters (which
  // Psych refuses) and `__proto__` keys all go to the full parser.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[#\t{}&*!|>\\\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/u.test(source) || source.includes('__proto__')) return null;
  const lines = source.split('\n');
  const data: Record<string, unknown> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = trimEnd(lines[i] as string);
    if (line === '') continue;
    const match = KEY_LINE.exec(line);
    if (!match) return null;
    const key = match[1] as string;
    // Keys are scalars too (`on:` is the key true): only plain-string keys stay on this path.
    if (Object.hasOwn(data, key) || typeof resolvePlainScalar(key) !== 'symbol') return null;
    const raw = match[2];
    if (raw !== undefined && raw !== '') {
      const value = inlineValue(raw);
      if (value === FAIL) return null;
      data[key] = value;
      continue;
    }
    // An empty value: a block list or map on the following indented lines, else null.
    const children: string[] = [];
    while (i + 1 < lines.length) {
      const next = trimEnd(lines[i + 1] as string);
      if (next === '') {
        i++;
        continue;
      }
      if (!next.startsWith(' ') && !next.startsWith('- ') && next !== '-') break;
      children.push(next);
      i++;
    }
    const value = children.length === 0 ? null : blockValue(children);
    if (value === FAIL) return null;
    data[key] = value;
  }
  return data;
}

const FAIL = Symbol('fail');

function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 32 && c !== 13) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

function blockValue(children: string[]): unknown {
  const indent = /^ */u.exec(children[0] as string)?.[0].length ?? 0;
  if (children.some((c) => (/^ */u.exec(c)?.[0].length ?? 0) !== indent)) return FAIL;
  const body = children.map((c) => c.slice(indent));
  if (body.every((c) => c === '-' || c.startsWith('- '))) {
    const items = body.map((c) => (c === '-' ? null : inlineValue(c.slice(2).trimStart(), true)));
    return items.includes(FAIL) ? FAIL : items;
  }
  const map: Record<string, unknown> = {};
  for (const c of body) {
    const m = KEY_LINE.exec(c);
    if (!m || Object.hasOwn(map, m[1] as string) || typeof resolvePlainScalar(m[1] as string) !== 'symbol') return FAIL;
    const value = m[2] === undefined || m[2] === '' ? null : inlineValue(m[2]);
    if (value === FAIL) return FAIL;
    map[m[1] as string] = value;
  }
  return map;
}

/** A value on the key's own line: quoted, a flow list, or a plain scalar. */
function inlineValue(raw: string, inBlockList = false): unknown {
  if (raw.startsWith('"')) return quoted(raw, '"');
  if (raw.startsWith("'")) return quoted(raw, "'");
  if (raw.startsWith('[') && !inBlockList) return flowList(raw);
  return plain(raw, false);
}

function quoted(raw: string, quote: '"' | "'"): unknown {
  if (raw.length < 2 || !raw.endsWith(quote)) return FAIL;
  const inner = raw.slice(1, -1);
  if (quote === '"') return inner.includes('"') ? FAIL : inner;
  if (inner.replaceAll("''", '').includes("'")) return FAIL;
  return inner.replaceAll("''", "'");
}

function plain(raw: string, flow: boolean): unknown {
  if (raw === '' || SPECIAL_START.test(raw) || raw.includes(': ') || raw.endsWith(':')) return FAIL;
  if (flow && /[[\],]/u.test(raw)) return FAIL;
  const value = resolvePlainScalar(raw);
  return typeof value === 'symbol' ? raw : value;
}

function flowList(raw: string): unknown {
  if (!raw.endsWith(']') || raw.indexOf('[', 1) >= 0 || raw.indexOf(']') !== raw.length - 1) return FAIL;
  const inner = raw.slice(1, -1).trim();
  if (inner === '') return [];
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    if (item === '') return FAIL;
    const value = item.startsWith('"') ? quoted(item, '"') : item.startsWith("'") ? quoted(item, "'") : plain(item, true);
    if (value === FAIL) return FAIL;
    items.push(value);
  }
  return items;
}
