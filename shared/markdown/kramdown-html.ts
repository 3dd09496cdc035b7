/**
 * HTML the way kramdown 2.4 handles it: it parses raw HTML into elements and writes them back, so
 * `<br>` comes out as `<br />`, attributes get double quotes, and a lone `<` or `&` in the text
 * between tags is escaped. Element tables and regular expressions follow kramdown's
 * `parser/html.rb`; the REXML name syntax is approximated with Unicode ranges.
 */

/** Elements kramdown treats as span-level: a line starting with one of these is a paragraph. */
export const HTML_SPAN_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '),
);

/** Elements kramdown refuses inside a paragraph: written there, they stay text. */
export const HTML_BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(' '),
);

/** Void elements: always closed, written with ` />`. */
export const HTML_ELEMENTS_WITHOUT_BODY: ReadonlySet<string> = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
);

const CONTENT_MODEL_BLOCK = 'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(' ');
const CONTENT_MODEL_SPAN = 'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(' ');
const CONTENT_MODEL_RAW = 'script style math option textarea pre code kbd samp var'.split(' ');

/** How kramdown parses an element's body when `markdown="1"` asks it to. */
export type ContentModel = 'block' | 'span' | 'raw';

const CONTENT_MODEL = new Map<string, ContentModel>([
  ...CONTENT_MODEL_BLOCK.map((name) => [name, 'block'] as const),
  ...CONTENT_MODEL_SPAN.map((name) => [name, 'span'] as const),
  ...CONTENT_MODEL_RAW.map((name) => [name, 'raw'] as const),
]);

/** Elements kramdown knows; their names and attribute names are lowercased. */
const KNOWN_ELEMENTS: ReadonlySet<string> = new Set([
  ...HTML_SPAN_ELEMENTS,
  ...HTML_BLOCK_ELEMENTS,
  ...HTML_ELEMENTS_WITHOUT_BODY,
  ...CONTENT_MODEL.keys(),
]);

/** The content model of an element (unknown elements are raw). */
export function contentModelOf(name: string): ContentModel {
  return CONTENT_MODEL.get(name) ?? 'raw';
}

/** Span elements whose body kramdown never parses as Markdown. */
export function isRawSpanElement(name: string): boolean {
  return contentModelOf(name) === 'raw' && !HTML_BLOCK_ELEMENTS.has(name);
}

// XML's NameStartChar and NameChar ranges (REXML), without the joiners; marks as \p{M}.
const NAME_START = 'A-Za-z_\\u00C0-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\p{M}\\u203F-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
const UNAME = `(?:${NCNAME}:)?${NCNAME}`;
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}]';

/** kramdown's HTML_TAG_RE, anchored (sticky): 1 name, 2 attributes, 4 the closing `/`. */
const TAG_RE = new RegExp(`<(${UNAME})\\s*((?:\\s+${UNAME}(?:\\s*=\\s*(?:${WORD}+|("|')[\\s\\S]*?\\3))?)*)\\s*(\\/)?>`, 'uy');
/** kramdown's HTML_TAG_CLOSE_RE, anchored. */
const CLOSE_TAG_RE = new RegExp(`<\\/(${UNAME})\\s*>`, 'uy');
const ATTRIBUTE_RE = new RegExp(`\\s*(${UNAME})(?:\\s*=\\s*(?:(${WORD}+)|("|')([\\s\\S]*?)\\3))?`, 'gu');

/** One parsed start tag. */
export interface HtmlStartTag {
  /** Lowercased when kramdown knows the element. */
  name: string;
  attrs: [string, string][];
  /** Written `<x />`, or a void element. */
  closed: boolean;
  /** Offset just after the `>`. */
  end: number;
}

/** Parse the start tag at `pos` (which holds `<`), or null when kramdown would not see one there. */
export function parseStartTag(src: string, pos: number): HtmlStartTag | null {
  TAG_RE.lastIndex = pos;
  const match = TAG_RE.exec(src);
  if (!match) return null;
  const known = KNOWN_ELEMENTS.has(match[1]!.toLowerCase());
  const name = known ? match[1]!.toLowerCase() : match[1]!;
  const attrs: [string, string][] = [];
  for (const attr of (match[2] ?? '').matchAll(ATTRIBUTE_RE)) {
    const key = known ? attr[1]!.toLowerCase() : attr[1]!;
    const value = attr[2] ?? attr[4] ?? '';
    const at = attrs.findIndex(([k]) => k === key);
    if (at >= 0) attrs[at] = [key, value];
    else attrs.push([key, value]);
  }
  return { name, attrs, closed: match[4] !== undefined || HTML_ELEMENTS_WITHOUT_BODY.has(name), end: pos + match[0].length };
}

/** Parse the end tag at `pos`: its name as written and the offset after it. */
export function parseEndTag(src: string, pos: number): { name: string; end: number } | null {
  CLOSE_TAG_RE.lastIndex = pos;
  const match = CLOSE_TAG_RE.exec(src);
  return match ? { name: match[1]!, end: pos + match[0].length } : null;
}

/** Whether an end tag written `written` closes the element `open` (case-insensitive for known elements). */
export function endTagCloses(open: string, written: string): boolean {
  return open === (KNOWN_ELEMENTS.has(open) ? written.toLowerCase() : written);
}

/** A start tag as kramdown writes it: `<name k="v">`, or `<name k="v" />` when `selfClose`. */
export function serializeStartTag(name: string, attrs: readonly [string, string][], selfClose: boolean): string {
  let out = `<${name}`;
  for (const [key, value] of attrs) {
    if (key === 'id' && value.trim() === '') continue;
    out += ` ${key}="${escapeAttribute(value)}"`;
  }
  return out + (selfClose ? ' />' : '>');
}

const TEXT_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };
const REFERENCE = '&(?:#0*\\d+|#0*x[0-9a-fA-F]+|[A-Za-z_:][\\w.:-]*);';
const TEXT_RE = new RegExp(`${REFERENCE}|[<>&]`, 'g');
const ATTRIBUTE_ESCAPE_RE = new RegExp(`${REFERENCE}|[<>&"]`, 'g');

/** kramdown's `escape_html(text, :text)`: `< > &` are escaped, entity references already written stay. */
export function escapeText(text: string): string {
  return /[<>&]/.test(text) ? text.replace(TEXT_RE, (m) => TEXT_ESCAPES[m] ?? m) : text;
}

/** kramdown's `escape_html(value, :attribute)`: like escapeText, plus `"`. */
export function escapeAttribute(value: string): string {
  return /[<>&"]/.test(value) ? value.replace(ATTRIBUTE_ESCAPE_RE, (m) => TEXT_ESCAPES[m] ?? m) : value;
}

/** `escape_html(text, :all)`, as Rouge and the math engine use it: `& < >`, entities included. */
export function escapeAll(text: string): string {
  return /[<>&]/.test(text) ? text.replace(/[<>&]/g, (m) => TEXT_ESCAPES[m]!) : text;
}

/** The body of a raw element, re-serialized, and where it ends. */
export interface RawHtmlBody {
  html: string;
  /** Offset just after the end tag (or `max` when there is none). */
  end: number;
  /** False when the document ended first (kramdown then closes the element itself). */
  found: boolean;
}

/**
 * kramdown's `parse_raw_html` for the body of `name`, from `pos` (after its start tag) to its end
 * tag. Nested start tags open elements that need their own end tag; an end tag that does not close
 * the innermost open element is kept as text. `script` and `style` bodies are not parsed.
 */
export function scanRawHtmlBody(src: string, pos: number, max: number, name: string): RawHtmlBody {
  const stack = [name];
  let html = '';
  while (pos < max) {
    const lt = src.indexOf('<', pos);
    if (lt < 0 || lt >= max) {
      html += escapeText(src.slice(pos, max));
      break;
    }
    html += escapeText(src.slice(pos, lt));
    if (src.startsWith('<!--', lt)) {
      const close = src.indexOf('-->', lt + 4);
      if (close >= 0 && close + 3 <= max) {
        html += src.slice(lt, close + 3);
        pos = close + 3;
        continue;
      }
    } else if (src.startsWith('<?', lt)) {
      const close = src.indexOf('?>', lt + 2);
      if (close >= 0 && close + 2 <= max) {
        html += src.slice(lt, close + 2);
        pos = close + 2;
        continue;
      }
    }
    const start = parseStartTag(src, lt);
    if (start && start.end <= max) {
      pos = start.end;
      if (start.name === 'script' || start.name === 'style') {
        const closing = new RegExp(`</${start.name}\\s*>`, 'gi');
        closing.lastIndex = pos;
        const found = closing.exec(src);
        const bodyEnd = found && found.index + found[0].length <= max ? found.index : max;
        html += `${serializeStartTag(start.name, start.attrs, false)}${src.slice(pos, bodyEnd)}</${start.name}>`;
        pos = found && bodyEnd < max ? bodyEnd + found[0].length : max;
      } else if (start.closed) {
        html += serializeStartTag(start.name, start.attrs, true);
      } else {
        html += serializeStartTag(start.name, start.attrs, false);
        stack.push(start.name);
      }
      continue;
    }
    const end = parseEndTag(src, lt);
    if (end && end.end <= max) {
      pos = end.end;
      if (endTagCloses(stack[stack.length - 1]!, end.name)) {
        html += `</${stack.pop()!}>`;
        if (stack.length === 0) return { html: html.slice(0, html.length - name.length - 3), end: pos, found: true };
      } else {
        html += escapeText(src.slice(lt, end.end));
      }
      continue;
    }
    html += '&lt;';
    pos = lt + 1;
  }
  // Unclosed nested elements are closed by kramdown's writer; the outer end tag is the caller's.
  while (stack.length > 1) html += `</${stack.pop()!}>`;
  return { html, end: max, found: false };
}
