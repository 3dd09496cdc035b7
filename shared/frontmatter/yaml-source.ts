/**
 * Parsing one front-matter block for editing: YAML 1.1 as Psych reads it, with the limits that
 * keep a hostile post from freezing the editor, and errors located in the whole file.
 */
import { isAlias, isMap, parseDocument, visit, type Document, type ParsedNode, type Tags } from 'yaml';
import { HanjiError } from '../contract/result';

/** Front matter larger than this is refused: no real post needs it, and parsing it would stall. */
export const MAX_FRONT_MATTER_BYTES = 256 * 1024;

/**
 * The `yaml` package's maxAliasCount: reading stops once an anchor's uses times the aliases
 * inside it reach this (so 99 uses of one scalar anchor are fine, the 100th is refused). Real
 * front matter uses a handful (`<<: *base`); a billion-laughs bomb needs millions and is
 * refused at its first level, before anything is expanded further.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * The `yaml` package's YAML 1.1 schema, narrowed where Psych (Ruby's parser, used by Jekyll)
 * reads differently: Psych's booleans are yes/true/on and no/false/off in any casing (so `y` and
 * `n` stay strings), and an exponent makes a float only with a `.` and a signed exponent (so
 * `1e3` stays the string "1e3", as in JEKYLL-RULES §2.3).
 */
export function psychTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) return tag;
    if (tag.tag === 'tag:yaml.org,2002:bool') {
      return { ...tag, test: tag.identify?.(true) === true ? /^(?:yes|true|on)$/iu : /^(?:no|false|off)$/iu };
    }
    if (tag.tag === 'tag:yaml.org,2002:float' && tag.format === 'EXP') {
      return { ...tag, test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+$/u };
    }
    return tag;
  });
}

/** Options for every parse of front-matter YAML: Psych's YAML 1.1, duplicate keys refused. */
export const YAML_OPTIONS = { version: '1.1', customTags: psychTags, uniqueKeys: true, keepSourceTokens: true, prettyErrors: false } as const;

/** Options for turning parsed nodes into values. */
export const TO_JS_OPTIONS = { maxAliasCount: MAX_ALIAS_COUNT } as const;

/** A parsed front-matter block. */
export interface ParsedYaml {
  /** The YAML source (the block between the `---` lines). */
  source: string;
  doc: Document.Parsed;
  /** The root map, or null when the block holds nothing but comments and blank lines. */
  root: ParsedNode | null;
  /** The whole block as values (YAML 1.1 resolution, merge keys applied). */
  data: Record<string, unknown>;
}

/** Where the block sits in its file, to report errors in file coordinates. */
export interface YamlOrigin {
  /** 1-based file line of the block's first YAML line. */
  firstLine: number;
  /** Site-relative path of the post, when known. */
  file?: string;
}

/**
 * Parse a front-matter block; throws INVALID_FRONT_MATTER with a 1-based file line and column
 * for anything Hanji will not edit: a YAML error, a block over the size limit, an alias bomb, or
 * a block that is not a map of keys to values (Jekyll refuses those too).
 */
export function parseFrontMatterYaml(source: string, origin: YamlOrigin): ParsedYaml {
  const fail = (message: string, offset: number): never => {
    const { line, column } = lineColumn(source, offset);
    const where = { line: origin.firstLine + line - 1, column };
    const at = `${origin.file ?? 'front matter'}:${where.line}:${where.column}`;
    throw new HanjiError('INVALID_FRONT_MATTER', `${at}: ${message}`, { ...where, ...(origin.file === undefined ? {} : { path: origin.file }) });
  };

  if (utf8Length(source, MAX_FRONT_MATTER_BYTES) > MAX_FRONT_MATTER_BYTES) {
    fail(`the front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KiB; Hanji does not edit it`, 0);
  }
  const doc = parseDocument(source, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) fail(`${error.message}. Fix the YAML, then try again.`, errorOffset(doc, error.code, error.pos[0]));

  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    fail('the front matter must be a map of keys to values (like `title: My post`)', root.range[0]);
  }
  let data: unknown;
  try {
    data = doc.toJS(TO_JS_OPTIONS);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    fail(`the YAML cannot be read (${reason}); Hanji expands aliases (*name) fewer than ${MAX_ALIAS_COUNT} times`, firstAliasOffset(doc));
  }
  return { source, doc, root: isMap(root) ? root : null, data: (data ?? {}) as Record<string, unknown> };
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

// UTF-8 byte length, counting no further than `limit` so a huge block is refused at once.
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// The `yaml` package reports an unclosed quote where the input ends; the user needs the quote.
function errorOffset(doc: Document.Parsed, code: string, offset: number): number {
  if (code !== 'MISSING_CHAR') return offset;
  let opening = offset;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      if (range[0] < offset && range[1] >= offset) opening = range[0];
    },
  });
  return opening;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node)) return;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
