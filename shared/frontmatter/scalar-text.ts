/**
 * How one scalar is spelled in YAML 1.1 so that Jekyll (Ruby Psych) reads back exactly the value
 * that was meant. Psych resolves more plain scalars than YAML 1.2 does (`yes`, `012`, `12:30`,
 * `1,000`, dates), so plain style is only used when a string provably stays a string.
 */
import { parseDocument, isScalar, isSeq } from 'yaml';
import { psychTags } from './yaml-source';

/** The scalar styles of the `yaml` package, named as it names them. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * Whether `text` holds a character no quoted or plain scalar may hold raw: C0/C1 controls
 * (including line breaks, unless allowed), line/paragraph separators, a BOM, a lone surrogate.
 */
function hasControl(text: string, allowNewline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 && allowNewline) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

// A leading indicator changes how the whole scalar is read (sequence entry, alias, tag, quote…).
const LEADING_INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/u;
// Psych's bool and null words are case-insensitive; the `yaml` package only knows three casings.
const RESERVED_WORD = /^(?:y|n|yes|no|true|false|on|off|null|~|<<|=)$/iu;
// Psych reads `1,000`, `1_000`, `012`, `1.10` and base-60 `12:30:45` as numbers.
const NUMBER_LIKE = /^[-+]?[\d.][\d_,.:]*$/u;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|nan)$/iu;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}/u;

/**
 * Whether `text` can be written as a plain scalar and be read back as the same string by both
 * Psych (YAML 1.1) and the `yaml` package. Conservative on purpose: a needless pair of quotes is
 * harmless, a string that turns into `false` or a Date is not.
 */
export function canBePlain(text: string, flow: boolean): boolean {
  if (text === '' || text.trim() !== text || hasControl(text)) return false;
  if (LEADING_INDICATOR.test(text) || RESERVED_WORD.test(text)) return false;
  if (NUMBER_LIKE.test(text) || SPECIAL_FLOAT.test(text) || DATE_LIKE.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  // In flow collections `,` `[` `]` `{` `}` end a plain scalar, and libyaml is stricter about `:`.
  if (flow && /[,[\]{}:]/u.test(text)) return false;
  return roundTripsPlain(text, flow);
}

// The final word: parse the plain spelling as YAML 1.1 and demand the same string back.
function roundTripsPlain(text: string, flow: boolean): boolean {
  const doc = parseDocument(flow ? `[${text}]` : `k: ${text}`, { version: '1.1', customTags: psychTags });
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  let node: unknown;
  if (flow) {
    if (!isSeq(contents) || contents.items.length !== 1) return false;
    node = contents.items[0];
  } else {
    node = doc.get('k', true);
  }
  return isScalar(node) && node.type === 'PLAIN' && node.value === text;
}

/** A double-quoted scalar: can hold any string on one line (escapes for control characters). */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code === 0) out += '\\0';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/** A single-quoted scalar, or null when the string needs escapes that single quotes do not have. */
export function singleQuoted(text: string): string | null {
  if (hasControl(text)) return null;
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A number as Psych reads it back: integers without exponent, floats always with a `.` before
 * the exponent (Psych reads `1e+21` as a string), and the YAML spellings of the IEEE specials.
 */
export function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const text = String(value);
  const exponent = text.indexOf('e');
  if (exponent >= 0 && !text.slice(0, exponent).includes('.')) {
    return `${text.slice(0, exponent)}.0${text.slice(exponent)}`;
  }
  return text;
}

// Pairs of YAML 1.1 boolean spellings: replacing `published: no` with true writes `yes`.
const BOOLEAN_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['true', 'false'],
  ['yes', 'no'],
  ['on', 'off'],
];

/** `true`/`false`, or the spelling family (and casing) of the boolean being replaced. */
export function booleanText(value: boolean, previous?: string): string {
  if (previous !== undefined) {
    const lower = previous.toLowerCase();
    const pair = BOOLEAN_WORDS.find(([yes, no]) => lower === yes || lower === no);
    if (pair) {
      const word = value ? pair[0] : pair[1];
      if (previous === previous.toUpperCase()) return word.toUpperCase();
      if (previous[0] === previous[0]?.toUpperCase()) return word[0]?.toUpperCase() + word.slice(1);
      return word;
    }
  }
  return value ? 'true' : 'false';
}

/** A scalar written fresh (no style to keep): plain when safe, else double-quoted. */
export function scalarText(value: string | number | boolean | null, flow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return booleanText(value);
  return canBePlain(value, flow) ? value : doubleQuoted(value);
}

/**
 * A string in the style of the scalar it replaces, when that style can hold it: double quotes
 * always can; single quotes unless escapes are needed; plain when the string round-trips.
 * Returns null for block styles, which need layout the caller knows.
 */
export function styledStringText(value: string, style: ScalarStyle, flow: boolean): string | null {
  if (style === 'QUOTE_DOUBLE') return doubleQuoted(value);
  if (style === 'QUOTE_SINGLE') return singleQuoted(value) ?? doubleQuoted(value);
  if (style === 'PLAIN') return canBePlain(value, flow) ? value : doubleQuoted(value);
  return null;
}

/** The pieces of a block scalar header: `|` or `>`, and whatever follows the indicators. */
export interface BlockHeader {
  indicator: '|' | '>';
  /** Text after the chomping/indentation indicators on the header line (spaces, a comment). */
  rest: string;
}

/** Split a block scalar's header line (`|-  # note`). */
export function parseBlockHeader(line: string): BlockHeader | null {
  const match = /^([|>])(?:[-+]\d?|\d[-+]?)?(.*)$/u.exec(line);
  if (!match) return null;
  return { indicator: match[1] === '>' ? '>' : '|', rest: match[2] ?? '' };
}

/**
 * A block scalar (header line plus indented content lines, each ending with `eol`) holding
 * `value`, or null when this style cannot hold it without an explicit indentation indicator or
 * escapes. The chomping indicator is derived from the value's trailing line breaks.
 */
export function blockScalarText(value: string, header: BlockHeader, indent: number, eol: string): string | null {
  if (value === '' || hasControl(value, true)) return null;
  const body = value.replace(/\n+$/u, '');
  const trailing = value.length - body.length;
  if (body === '' || /^[ \t]/u.test(body)) return null;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  let lines: string[];
  if (header.indicator === '|') {
    lines = body.split('\n');
  } else {
    // Folding turns a single line break into a space, so a kept break needs one more; lines that
    // start with white space are not folded at all, which this encoding does not attempt.
    if (body.startsWith('\n') || /\n[ \t]/u.test(body)) return null;
    lines = body.replace(/\n+/gu, (breaks) => `${breaks}\n`).split('\n');
  }
  const pad = ' '.repeat(indent);
  const content = lines.map((line) => (line === '' ? '' : pad + line));
  for (let i = 1; i < trailing; i++) content.push('');
  return `${header.indicator}${chomp}${header.rest}${eol}${content.map((line) => line + eol).join('')}`;
}
