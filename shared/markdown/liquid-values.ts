/**
 * Liquid values with Ruby's meaning: how Jekyll's Liquid prints, inspects, compares, converts and
 * serializes the plain data Hanji gives it. liquidjs would print a hash as `[object Object]` and
 * `1.5e-7` as JavaScript does; a Jekyll site expects what Ruby writes.
 */
import { Drop, toValue } from 'liquidjs';
import { LiquidTime } from './liquid-time';

/** An error a Jekyll tag or filter raises, in Jekyll's words; `fatal: false` for preview-only notes. */
export class LiquidFailure extends Error {
  constructor(
    message: string,
    /** Whether `jekyll build` stops on it (every Liquid exception does; preview limitations do not). */
    readonly fatal = true,
  ) {
    super(message);
    this.name = 'LiquidFailure';
  }
}

/** liquidjs hands `nil`, `empty` and `blank` literals to filters as Drops: the plain value behind them. */
export function plain(value: unknown): unknown {
  return value instanceof Drop ? toValue(value) : value;
}

/** Ruby's nil. */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** A JSON-like object (not an array, not a Time). */
export function isHash(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof LiquidTime) && !(value instanceof Drop);
}

/** Ruby's number printing: integers plainly, floats as Ruby's `Float#to_s`. */
export function rubyNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '0';
  // JSON cannot tell 2 from 2.0: a whole number is taken for a Ruby Integer, printed in full.
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  // JavaScript switches to exponents at 1e21 and 1e-7; Ruby at 1e16 and 1e-4, always with a mantissa dot.
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([-+])(\d+)$/u.exec(value.toExponential());
  if (exponent && (Math.abs(value) >= 1e16 || Math.abs(value) < 1e-4)) {
    const [, sign, whole, decimals, expSign, expDigits] = exponent;
    return `${sign}${whole}.${decimals ?? '0'}e${expSign}${(expDigits ?? '').padStart(2, '0')}`;
  }
  return text;
}

/** Ruby's `to_s`: nil is empty, arrays and hashes are their `inspect`. */
export function rubyToS(value: unknown): string {
  const v = plain(value);
  if (isNil(v)) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return rubyNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) || isHash(v)) return rubyInspect(v);
  return String(v);
}

/** What `{{ value }}` prints (Liquid 5.4 `render_obj_to_output`): arrays flattened and joined, nil empty. */
export function liquidOutput(value: unknown): string {
  const v = plain(value);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(liquidOutput).join('');
  return rubyToS(v);
}

/** Ruby 3.1's `inspect`: `{"a"=>1, "b"=>[nil, true]}`. */
export function rubyInspect(value: unknown, seen: Set<object> = new Set()): string {
  const v = plain(value);
  if (isNil(v)) return 'nil';
  if (typeof v === 'string') return inspectString(v);
  if (typeof v === 'number') return rubyNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof LiquidTime) return v.toString();
  if (Array.isArray(v)) {
    if (seen.has(v)) return '[...]';
    seen.add(v);
    const text = `[${v.map((item) => rubyInspect(item, seen)).join(', ')}]`;
    seen.delete(v);
    return text;
  }
  if (isHash(v)) {
    if (seen.has(v)) return '{...}';
    seen.add(v);
    const text = `{${Object.entries(v).map(([key, item]) => `${inspectString(key)}=>${rubyInspect(item, seen)}`).join(', ')}}`;
    seen.delete(v);
    return text;
  }
  return inspectString(String(v));
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\f': '\\f',
  '\v': '\\v',
  '\b': '\\b',
  '\u0007': '\\a',
  '\u001b': '\\e',
};

/** Ruby's `String#inspect` for UTF-8 text: printable characters as they are, the rest escaped. */
function inspectString(text: string): string {
  // Control characters (\a, \e…) are matched by \p{Cc} and named through STRING_ESCAPES.
  const body = text.replace(/["\\]|#(?=[{$@])|[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, (ch) => {
    const escape = STRING_ESCAPES[ch];
    if (escape !== undefined) return escape;
    if (ch === '#') return '\\#';
    const code = ch.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/** Ruby's `JSON.generate` of a Liquid value (Jekyll's `jsonify`): Times as their `to_s`, nil as null. */
export function rubyJson(value: unknown): string {
  const text = JSON.stringify(plain(value), (_key, item: unknown) => {
    const v = plain(item);
    return v === undefined ? null : v;
  }) as string | undefined;
  return text ?? 'null';
}

/** Ruby's `Array(value)`: nil is `[]`, a hash its pairs, anything else a one-item array. */
export function rubyArray(value: unknown): unknown[] {
  const v = plain(value);
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v;
  if (isHash(v)) return Object.entries(v);
  return [v];
}

/** Ruby's `<=>`: a number, or null when Ruby cannot compare the two (a String with an Integer). */
export function rubyCompare(a: unknown, b: unknown): number | null {
  const x = plain(a);
  const y = plain(b);
  if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
  if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
  if (x instanceof LiquidTime && y instanceof LiquidTime) return Math.sign(x.epochMs - y.epochMs);
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const order = rubyCompare(x[i], y[i]);
      if (order !== 0) return order;
    }
    return Math.sign(x.length - y.length);
  }
  if (isNil(x) && isNil(y)) return 0;
  return x === y ? 0 : null;
}

/** Byte order of UTF-8 strings, which is code point order (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xHigh = x >= 0xd800 && x <= 0xdfff;
    const yHigh = y >= 0xd800 && y <= 0xdfff;
    // A surrogate stands for a code point above every BMP character.
    if (xHigh !== yHigh) return xHigh ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

/** Ruby class names for messages (`comparison of String with Integer failed`). */
export function rubyClass(value: unknown): string {
  const v = plain(value);
  if (isNil(v)) return 'NilClass';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (v instanceof LiquidTime) return 'Time';
  if (Array.isArray(v)) return 'Array';
  return 'Hash';
}

/** Ruby's `to_i` for the values Liquid holds. */
export function rubyToI(value: unknown): number {
  const v = plain(value);
  if (isNil(v)) return 0;
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0;
  if (typeof v === 'string') {
    const match = /^[\t\n\v\f\r ]*([-+]?\d+(?:_\d+)*)/u.exec(v);
    return match ? Number((match[1] ?? '0').replaceAll('_', '')) : 0;
  }
  if (v instanceof LiquidTime) return Math.floor(v.epochMs / 1000);
  throw new LiquidFailure(`undefined method \`to_i' for ${rubyInspect(v)}:${rubyClass(v)}`);
}

/** An own property of a hash, as liquidjs reads it with `ownPropertyOnly`. */
export function ownProperty(value: unknown, key: string): unknown {
  const v = plain(value);
  return isHash(v) && Object.hasOwn(v, key) ? v[key] : undefined;
}

const INTEGER_LIKE = /^\s*-?\d+\s*$/u;
const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/u;

/**
 * Jekyll's `item_property`: a property of an item (`a.b` reads nested hashes), with number-like
 * strings turned into numbers (`parse_sort_input`), as `where`, `sort`, `group_by` compare them.
 */
export function itemProperty(item: unknown, property: string): unknown {
  let value: unknown = item;
  for (const key of property.includes('.') ? property.split('.') : [property]) value = ownProperty(value, key);
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    if (INTEGER_LIKE.test(text)) return Number.parseInt(text.trim(), 10);
    if (FLOAT_LIKE.test(text)) return Number.parseFloat(text.trim());
  }
  return value;
}

/** Text escaped for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
