/**
 * Front matter read with the meaning Jekyll gives it: Ruby's Psych (YAML 1.1, `safe_load` with
 * Date and Time permitted, aliases on). js-yaml is the fast parser (the index reads every post);
 * this schema makes its plain scalars resolve exactly as Psych's ScalarScanner does.
 */
import yaml from 'js-yaml';
import { parseSimpleFrontMatter } from './yaml-fast';

/** A YAML timestamp (`2025-03-01 20:00:00 -0800`): Psych's Time, kept as the instant it names. */
export class RubyTime {
  constructor(
    /** Milliseconds since the epoch, whole seconds (Ruby's `Time#to_s` drops fractions). */
    readonly epochMs: number,
    /** The text as written, for messages. */
    readonly source: string,
  ) {}
}

/** A YAML date (`2025-05-10`): Psych's Date, a calendar day with no zone. */
export class RubyDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** Ruby's `Date#to_s`. */
  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }
}

// Psych::ScalarScanner (Ruby 3.1, psych 4) regular expressions, transcribed.
const STRINGISH = /^[^\d.:-]?[\p{L}_\s!@#$%^&*(){}<>|/\\~;=]+/u;
const TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/u;
const DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/u;
const BASE60_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/u;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/u;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/u;
const INTEGER_LEGACY = /^(?:[-+]?0b[_,]*[0-1][0-1_,]*|[-+]?0[_,]*[0-7][0-7_,]*|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[_,]*[0-9a-fA-F][0-9a-fA-F_,]*)$/u;

/** Sentinel: the scalar stays a string. */
const STRING = Symbol('string');

/** Scalars repeat across posts (`single`, `true`, tag names): remember what short ones resolve to. */
const resolved = new Map<string, unknown>();

/** What Psych makes of a plain (unquoted) scalar. */
export function resolvePlainScalar(text: string): unknown {
  if (text.length > 40) return tokenize(text);
  let value = resolved.get(text);
  if (value === undefined && !resolved.has(text)) {
    if (resolved.size > 50_000) resolved.clear();
    value = tokenize(text);
    resolved.set(text, value);
  }
  return value;
}

/** Psych's ScalarScanner#tokenize. */
function tokenize(text: string): unknown {
  if (text === '') return null;
  // Fast path for the common case: a word starting with an ASCII letter or a Hangul syllable
  // always matches STRINGISH (it has no end anchor), and past five characters it is a string.
  const first = text.charCodeAt(0);
  const letter = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || (first >= 0xac00 && first <= 0xd7a3);
  if (letter && text.length > 5) return STRING;
  if (letter || STRINGISH.test(text) || text.includes('\n')) {
    if (text.length > 5 || /^[^ytonf~]/iu.test(text)) return STRING;
    if (text === '~' || /^null$/iu.test(text)) return null;
    if (/^(?:yes|true|on)$/iu.test(text)) return true;
    if (/^(?:no|false|off)$/iu.test(text)) return false;
    return STRING;
  }
  if (TIME.test(text)) return parsePsychTime(text) ?? STRING;
  if (DATE.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    return isRealDay(y, m, d) ? new RubyDate(y, m, d) : STRING;
  }
  if (/^\+?\.inf$/iu.test(text)) return Infinity;
  if (/^-\.inf$/iu.test(text)) return -Infinity;
  if (/^\.nan$/iu.test(text)) return NaN;
  if (/^:./u.test(text)) return STRING; // a Ruby Symbol: safe_load refuses it; see parseFrontMatterYaml
  if (BASE60_INT.test(text) || BASE60_FLOAT.test(text)) return base60(text);
  if (FLOAT.test(text)) return /^[-+]?\.$/u.test(text) ? STRING : Number(text.replace(/[,_]/gu, '').replace(/\.(?=[eE]|$)/u, ''));
  if (INTEGER_LEGACY.test(text)) return rubyInteger(text.replace(/[,_]/gu, ''));
  return STRING;
}

function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Psych's sexagesimal: part `e` counts 60^|e-2|, so `12:30:45` is 45045 as YAML 1.1 says, but a
 * two-part `1:30` is 1×3600 + 30×60 = 5400 (a Psych quirk Jekyll inherits). Ruby's `to_i`
 * ignores the sign of the later parts and keeps the first's.
 */
function base60(text: string): number {
  const parts = text.replace(/_/gu, '').split(':');
  return parts.reduce((sum, part, e) => sum + Number(part) * 60 ** Math.abs(e - 2), 0);
}

/** Ruby's `Integer()` on the digits: a leading 0 is octal, 0x hex, 0b binary. */
function rubyInteger(digits: string): number {
  const sign = digits.startsWith('-') ? -1 : 1;
  const body = digits.replace(/^[-+]/u, '');
  if (/^0x/iu.test(body)) return sign * parseInt(body.slice(2), 16);
  if (/^0b/iu.test(body)) return sign * parseInt(body.slice(2), 2);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
  return sign * parseInt(body, 10);
}

/** Psych's `parse_time`: with no zone the wall time is read as UTC; `Z` is UTC; an offset is kept. */
function parsePsychTime(text: string): RubyTime | null {
  const match = /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?\s*(Z|[-+]\d{1,2}(?::?\d\d)?)?$/u.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match as unknown as string[];
  // Ruby's Time.utc raises on these (Psych then keeps the text as a string); day 29-31 rolls over.
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return null;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall)) return null;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const z = /^([-+])(\d{1,2}):?(\d\d)?$/u.exec(zone);
    if (!z) return null;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  return new RubyTime(wall - offsetMinutes * 60_000, text);
}

// js-yaml calls construct right after a successful resolve on the same text: remember the value.
let lastText: string | null = null;
let lastValue: unknown = null;

const psychScalar = new yaml.Type('tag:yaml.org,2002:psych-scalar', {
  kind: 'scalar',
  resolve: (data: string | null) => {
    if (data === null) return true;
    lastText = data;
    lastValue = resolvePlainScalar(data);
    return lastValue !== STRING;
  },
  construct: (data: string | null) => (data === null ? null : data === lastText ? lastValue : resolvePlainScalar(data)),
});

// js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them.
const mergeKeys = (yaml as unknown as { types: { merge: yaml.Type } }).types.merge;

/** YAML 1.1 as Psych reads it: failsafe str/seq/map, Psych's plain scalars, and merge keys. */
export const PSYCH_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: [psychScalar, mergeKeys] });

/** Largest front matter Hanji reads; real ones are a few hundred bytes. */
export const MAX_FRONT_MATTER_CHARS = 256 * 1024;
/** Most values an alias may expand to before the front matter counts as a "billion laughs" bomb. */
const MAX_EXPANDED_NODES = 100_000;

/** A YAML problem with its position inside the YAML source (0-based line and column). */
export class YamlProblem extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
    this.name = 'YamlProblem';
  }
}

/** The full parser (js-yaml with Psych's schema), for tests that hold the fast path to it. */
export function parseWithJsYaml(source: string): unknown {
  return yaml.load(source, { schema: PSYCH_SCHEMA });
}

/**
 * Parse front-matter YAML as Jekyll would, refusing oversized blocks, duplicate keys (js-yaml's
 * default) and alias bombs (aliases are shared references here, so the expanded size is counted).
 */
export function parseFrontMatterYaml(source: string): Record<string, unknown> {
  if (source.length > MAX_FRONT_MATTER_CHARS) {
    throw new YamlProblem(`front matter is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KiB`, null, null);
  }
  const simple = parseSimpleFrontMatter(source);
  if (simple) return simple;
  // libyaml (Psych) reads U+2028/U+2029 as line breaks, YAML 1.2 parsers as text: where one
  // stands in the block, Psych's reading differs, so report it rather than guess.
  const separator = source.search(/[\u2028\u2029]/u);
  if (separator >= 0) {
    const before = source.slice(0, separator);
    const line = before.split('\n').length - 1;
    throw new YamlProblem('a Unicode line separator (U+2028/U+2029) stands in the front matter; Jekyll reads it as a line break', line, separator - (before.lastIndexOf('\n') + 1));
  }
  let data: unknown;
  try {
    data = yaml.load(source, { schema: PSYCH_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new YamlProblem(reason, mark?.line ?? null, mark?.column ?? null);
  }
  if (/&[^\s[\]{},]+/u.test(source)) assertSmallExpansion(data);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof RubyTime || data instanceof RubyDate) {
    throw new YamlProblem('front matter must be a mapping of keys to values', 0, 0);
  }
  return data as Record<string, unknown>;
}

function assertSmallExpansion(root: unknown): void {
  let budget = MAX_EXPANDED_NODES;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) throw new YamlProblem('aliases expand to too many values (a "billion laughs" bomb?)', null, null);
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object' && !(value instanceof RubyTime) && !(value instanceof RubyDate)) stack.push(...Object.values(value));
  }
}

/** Ruby's `to_s` of a front-matter value, as Jekyll uses it for tags, categories and URLs. */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof RubyTime) return value.source;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : rubyFloat(value);
  if (Array.isArray(value)) return value.map(rubyToS).join('');
  return String(value);
}

/** Ruby prints floats with at least one decimal (`1.0`) and `Infinity` as `Infinity`. */
function rubyFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const text = String(value);
  return /[.e]/u.test(text) ? text : `${text}.0`;
}
