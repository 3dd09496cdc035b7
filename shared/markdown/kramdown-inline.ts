/**
 * Inline rules that make markdown-it read span-level text the way kramdown 2.4's span parsers do:
 * smart quotes by kramdown's own rule table, typographic symbols, kramdown's set of escapable
 * characters, code spans, `$$…$$` math, footnote markers, link targets and titles as written,
 * span HTML tags, span extensions and IALs.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { parseAttributeList } from './kramdown-attributes';
import { isRawSpanElement, parseEndTag, parseStartTag, scanRawHtmlBody, serializeStartTag } from './kramdown-html';
import { setAutoIds } from './kramdown-options';
import { kramdownState } from './kramdown-state';
import type { MarkdownInput } from './types';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Install the inline rules on `md` for the given input dialect. */
export function useKramdownInline(md: MarkdownIt, input: MarkdownInput): void {
  md.inline.ruler.at('text', text);
  md.inline.ruler.before('escape', 'kd_escape', escape(input));
  md.inline.ruler.at('backticks', codeSpan);
  md.inline.ruler.before('backticks', 'kd_math_inline', mathInline);
  md.inline.ruler.before('link', 'kd_footnote_ref', footnoteRef);
  for (const name of ['link', 'image']) {
    const rule = md.inline.ruler.__rules__.find((r) => r.name === name);
    if (rule) md.inline.ruler.at(name, rawTitle(rule.fn));
  }
  md.inline.ruler.before('html_inline', 'kd_raw_span_html', rawSpanHtml);
  md.inline.ruler.before('html_inline', 'kd_span_html', spanHtmlTag);
  md.inline.ruler.after('html_inline', 'kd_smart_quotes', smartQuotes);
  md.inline.ruler.after('kd_smart_quotes', 'kd_typographic', typographic);
  md.inline.ruler.after('kd_typographic', 'kd_span_extension', spanExtension);
  md.inline.ruler.after('kd_span_extension', 'kd_span_ial', spanIal);
  if (input === 'kramdown') {
    // kramdown's own syntax has no ~~strikethrough~~.
    md.inline.ruler.disable('strikethrough');
    md.inline.ruler2.disable('strikethrough');
  }
}

// markdown-it's own stop characters, plus the ones that start a kramdown smart quote (" ') or
// typographic symbol (.): the text rule must stop there so the rules below get to see them.
function isTerminator(code: number): boolean {
  switch (code) {
    case 0x0a: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26: case 0x27:
    case 0x2a: case 0x2b: case 0x2d: case 0x2e: case 0x3a: case 0x3c: case 0x3d: case 0x3e:
    case 0x40: case 0x5b: case 0x5c: case 0x5d: case 0x5e: case 0x5f: case 0x60: case 0x7b:
    case 0x7d: case 0x7e:
      return true;
    default:
      return false;
  }
}

function text(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  while (pos < state.posMax && !isTerminator(state.src.charCodeAt(pos))) pos++;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/** kramdown-parser-gfm's ESCAPED_CHARS_GFM; kramdown's own set lacks `~`. */
const GFM_ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~');
const KRAMDOWN_ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-');

function escape(input: MarkdownInput) {
  const escapable = input === 'kramdown' ? KRAMDOWN_ESCAPABLE : GFM_ESCAPABLE;
  return (state: StateInline, silent: boolean): boolean => {
    const { src, pos } = state;
    if (src.charCodeAt(pos) !== 0x5c) return false;
    // kramdown's LINE_BREAK: two backslashes before a newline are a <br />.
    if (src.startsWith('\\\\\n', pos)) {
      if (!silent) state.push('hardbreak', 'br', 0);
      let next = pos + 3;
      while (next < state.posMax && (src[next] === ' ' || src[next] === '\t')) next++;
      state.pos = next;
      return true;
    }
    const next = src[pos + 1];
    if (next === undefined) return false;
    if (next === '\n') {
      if (input === 'GFM') return false; // markdown-it's escape rule makes the <br />, as GFM does
      if (!silent) state.pending += '\\';
      state.pos = pos + 1;
      return true;
    }
    if (escapable.has(next) || !/[!-/:-@[-`{-~]/.test(next)) return false;
    // An ASCII punctuation character kramdown does not unescape: the backslash stays.
    if (!silent) state.pending += '\\';
    state.pos = pos + 1;
    return true;
  };
}

/**
 * kramdown's code spans: the span ends at the next occurrence of the same number of backticks
 * (even inside a longer run); content is kept as written, except that a multi-backtick span loses
 * one space at each end. A single backtick between spaces is a literal backtick.
 */
function codeSpan(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x60) return false;
  let n = 1;
  while (src.charCodeAt(pos + n) === 0x60) n++;
  const simple = n === 1;
  const fence = src.slice(pos, pos + n);
  const before = pos > 0 ? src[pos - 1]! : '';
  const lone = simple && (before === '' || /\s/.test(before)) && /\s/.test(src[pos + 1] ?? '');
  const close = lone ? -1 : src.indexOf(fence, pos + n);
  if (close < 0 || close + n > state.posMax) {
    if (!silent) state.pending += fence;
    state.pos = pos + n;
    return true;
  }
  if (!silent) {
    let content = src.slice(pos + n, close);
    if (!simple) content = content.replace(/^ /, '').replace(/ $/, '');
    const token = state.push('code_inline', 'code', 0);
    token.markup = fence;
    token.content = content;
  }
  state.pos = close + n;
  return true;
}

/**
 * kramdown keeps a link title as written (`"a \\"b\\""` stays with its backslashes, `&amp;` stays
 * an entity); markdown-it unescapes it. Recover the written title from the link's source.
 */
function rawTitle(original: InlineRule): InlineRule {
  return (state, silent) => {
    const start = state.pos;
    const before = state.tokens.length;
    if (!original(state, silent)) return false;
    if (silent) return true;
    const source = state.src.slice(start, state.pos);
    if (!source.includes('\\') && !source.includes('&')) return true;
    const token = state.tokens.slice(before).find((t) => t.type === 'link_open' || t.type === 'image');
    const href = token?.attrGet(token.type === 'image' ? 'src' : 'href');
    if (token && href !== null && href !== undefined) {
      // The destination follows the last `](` whose text unescapes to markdown-it's href.
      for (let at = source.lastIndexOf(']('); at >= 0; at = source.lastIndexOf('](', at - 1)) {
        let raw = source.slice(at + 2, source.endsWith(')') ? -1 : undefined).trim();
        raw = raw.replace(/\s+(["'])[\s\S]*\1$/, '').replace(/^<([\s\S]*)>$/, '$1');
        if (state.md.utils.unescapeAll(raw) === String(href)) {
          token.attrSet(token.type === 'image' ? 'src' : 'href', raw);
          break;
        }
        if (at === 0) break;
      }
    }
    const title = token?.attrGet('title');
    if (token && title !== null && title !== undefined) {
      const written = source.replace(/\s*\)$/, '');
      const quote = written[written.length - 1];
      if (quote === '"' || quote === "'") {
        for (let i = written.length - 2; i >= 0; i--) {
          if (written[i] !== quote) continue;
          const raw = written.slice(i + 1, -1);
          if (state.md.utils.unescapeAll(raw) === String(title)) {
            token.attrSet('title', raw);
            break;
          }
        }
      }
    }
    return true;
  };
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (!src.startsWith('$$', pos)) return false;
  const close = src.indexOf('$$', pos + 2);
  if (close < 0 || close + 2 > state.posMax) return false;
  if (!silent) {
    const token = state.push('kd_math_inline', '', 0);
    token.content = src.slice(pos + 2, close).trim();
    token.markup = '$$';
  }
  state.pos = close + 2;
  return true;
}

const FOOTNOTE_MARKER_RE = /\[\^([A-Za-z0-9_][\w-]*)\]/y;

function footnoteRef(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b) return false;
  FOOTNOTE_MARKER_RE.lastIndex = state.pos;
  const match = FOOTNOTE_MARKER_RE.exec(state.src);
  if (!match || state.pos + match[0].length > state.posMax) return false;
  if (!silent) {
    if (kramdownState(state.env).footnotes.has(match[1]!)) {
      const token = state.push('kd_footnote_ref', '', 0);
      token.meta = { name: match[1] };
    } else {
      // kramdown keeps an undefined marker as text; it never becomes a link.
      state.pending += match[0];
    }
  }
  state.pos += match[0].length;
  return true;
}

/** `<code>`, `<kbd>`, `<samp>`, `<var>`, `<script>`…: kramdown does not parse Markdown inside. */
const RAW_SPAN_START_RE = /<(?:code|kbd|samp|var|script|style|math|option|textarea)[\s/>]/iy;

function rawSpanHtml(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
  RAW_SPAN_START_RE.lastIndex = state.pos;
  if (!RAW_SPAN_START_RE.test(state.src)) return false;
  const tag = parseStartTag(state.src, state.pos);
  if (!tag || tag.closed || tag.end > state.posMax || !isRawSpanElement(tag.name)) return false;
  const body = scanRawHtmlBody(state.src, tag.end, state.posMax, tag.name);
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    const attrs = tag.attrs.filter(([key]) => key !== 'markdown').map(([key, value]): [string, string] => [key, value.replace(/\n+/g, ' ')]);
    token.content = `${serializeStartTag(tag.name, attrs, false)}${body.html}</${tag.name}>`;
    // The element's text counts for heading ids, as kramdown's text children do.
    token.meta = { kdNormalized: true, text: state.src.slice(tag.end, body.end).replace(/<\/[^>]*>\s*$/, '').replace(/<[^>]*>/g, '') };
  }
  state.pos = body.end;
  return true;
}

/**
 * A tag as kramdown's HTML_TAG_RE reads it, which markdown-it's rule may not (`<www.example.org>`
 * is an element to kramdown). Made span HTML by the inline passes, like markdown-it's tags.
 */
function spanHtmlTag(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
  const tag = parseStartTag(state.src, state.pos) ?? parseEndTag(state.src, state.pos);
  if (!tag || tag.end > state.posMax) return false;
  if (!silent) state.push('html_inline', '', 0).content = state.src.slice(state.pos, tag.end);
  state.pos = tag.end;
  return true;
}

// kramdown's smart quote rules (parser/kramdown/smart_quotes.rb), tried in order at the character
// before the quote when that character is plain text, else at the quote. Ruby's \s and \w are ASCII.
const SP = '[ \\t\\r\\n\\f\\v]';
const NSP = '[^ \\t\\r\\n\\f\\v]';
const WD = '[A-Za-z0-9_]';
const PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]';
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(\\-]';

type Quote = 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | 'ldquo' | 'lsquo' | 'rsquo';
type Subst = number | Quote;

const SQ_RULES: [RegExp, Subst[]][] = [
  [new RegExp(`("|')(?=[_*]{1,2}${NSP})`, 'y'), ['lquote1']],
  [new RegExp(`("|')(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), ['rquote1']],
  [new RegExp(`(${SP}?)"'(?=${WD})`, 'y'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${SP}?)'"(?=${WD})`, 'y'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`(${SP}?)'(?=\\d\\ds)`, 'y'), [1, 'rsquo']],
  [new RegExp(`(${SP})('|")(?=${WD})`, 'y'), [1, 'lquote2']],
  [new RegExp(`(${CLOSE})('|")`, 'y'), [1, 'rquote2']],
  [new RegExp(`("|')(?=${SP}|s\\b|$)`, 'ym'), ['rquote1']],
  [/([\s\S]?)'/y, [1, 'lsquo']],
  [/([\s\S]?)"/y, [1, 'ldquo']],
];

const QUOTE_CHARS: Record<string, string> = { ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

function quoteChar(subst: Quote, match: RegExpExecArray): string {
  if (subst === 'ldquo' || subst === 'lsquo' || subst === 'rsquo') return QUOTE_CHARS[subst]!;
  const quote = match[Number(subst.slice(-1))];
  const double = quote === '"';
  return subst.startsWith('l') ? (double ? '“' : '‘') : double ? '”' : '’';
}

/** The plain-text character kramdown's scanner would stand on before this quote, if any. */
function charBefore(state: StateInline): string {
  if (state.pending) return state.pending[state.pending.length - 1]!;
  const last = state.tokens[state.tokens.length - 1];
  return last?.type === 'softbreak' ? '\n' : '';
}

function smartQuotes(state: StateInline, silent: boolean): boolean {
  const code = state.src.charCodeAt(state.pos);
  if (code !== 0x22 && code !== 0x27) return false;
  if (silent) return false;
  const before = charBefore(state);
  // A short window is enough: no rule looks further than four characters past the quote.
  const end = Math.min(state.posMax, state.pos + 8);
  const context = before + state.src.slice(state.pos, end);
  for (const [re, substs] of SQ_RULES) {
    re.lastIndex = 0;
    const match = re.exec(context);
    if (!match || (before && match[0].length <= before.length)) continue;
    for (const subst of substs) {
      if (typeof subst === 'number') {
        if (!(before && subst === 1)) state.pending += match[subst] ?? '';
      } else {
        const token = state.push('kd_sym', '', 0);
        token.content = quoteChar(subst, match);
      }
    }
    state.pos += match[0].length - before.length;
    return true;
  }
  return false;
}

/** kramdown's TYPOGRAPHIC_SYMS, longest first; `<< ` and ` >>` keep a no-break space. */
function typographic(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  const code = src.charCodeAt(pos);
  let content: string;
  let idText: string | undefined;
  let length: number;
  if (code === 0x2d /* - */ && src.startsWith('--', pos)) {
    [content, length] = src.startsWith('---', pos) ? ['—', 3] : ['–', 2];
  } else if (code === 0x2e /* . */ && src.startsWith('...', pos)) {
    [content, length] = ['…', 3];
  } else if (code === 0x3c /* < */ && src.startsWith('<<', pos)) {
    if (src[pos + 2] === ' ') [content, idText, length] = ['«\u00a0', '« ', 3];
    else [content, length] = ['«', 2];
  } else if (code === 0x3e /* > */ && src.startsWith('>>', pos)) {
    if (state.pending.endsWith(' ')) {
      if (!silent) state.pending = state.pending.slice(0, -1);
      [content, idText, length] = ['\u00a0»', ' »', 2];
    } else [content, length] = ['»', 2];
  } else {
    return false;
  }
  if (pos + length > state.posMax) return false;
  if (!silent) {
    const token = state.push('kd_sym', '', 0);
    token.content = content;
    if (idText !== undefined) token.meta = { idText };
  }
  state.pos = pos + length;
  return true;
}

const SPAN_EXTENSION_RE = /\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/y;

/** `{::comment}…{:/comment}`, `{::nomarkdown}…{:/}` and `{::options … /}` inside a paragraph. */
function spanExtension(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{::', state.pos)) return false;
  SPAN_EXTENSION_RE.lastIndex = state.pos;
  const match = SPAN_EXTENSION_RE.exec(state.src);
  if (!match || !['comment', 'nomarkdown', 'options'].includes(match[1]!)) return false;
  let end = state.pos + match[0].length;
  let body: string | null = null;
  if (!match[3]) {
    const stop = new RegExp(`\\{:/(?:${match[1]!})?\\}`, 'g');
    stop.lastIndex = end;
    const found = stop.exec(state.src);
    if (!found || found.index + found[0].length > state.posMax) return false;
    body = state.src.slice(end, found.index);
    end = found.index + found[0].length;
  }
  if (end > state.posMax) return false;
  if (!silent && match[1] === 'options') setAutoIds(state.env, match[2] ?? '');
  if (!silent && body !== null && match[1] !== 'options') {
    const token = state.push('html_inline', '', 0);
    token.content = match[1] === 'comment' ? `<!-- ${body} -->` : body;
    token.meta = { kdNormalized: true };
  }
  state.pos = end;
  return true;
}

const SPAN_IAL_RE = /\{:(?![:/])((?:\\\}|[^}])+)\}/y;

/** `{: .cls}` right after a span element; resolved (or turned back into text) after parsing. */
function spanIal(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b) return false;
  SPAN_IAL_RE.lastIndex = state.pos;
  const match = SPAN_IAL_RE.exec(state.src);
  if (!match || state.pos + match[0].length > state.posMax) return false;
  if (!silent) {
    // Text right before it means "after text": kramdown then keeps the braces as text.
    if (state.pending) {
      state.pending += match[0];
    } else {
      const token = state.push('kd_span_ial', '', 0);
      token.content = match[0];
      token.meta = { list: parseAttributeList(match[1]!) };
    }
  }
  state.pos += match[0].length;
  return true;
}
