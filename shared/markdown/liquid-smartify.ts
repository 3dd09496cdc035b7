/**
 * Jekyll's `smartify`: kramdown's SmartyPants parser (smart quotes, dashes, ellipses, guillemets,
 * entities, inline HTML) and its HTML output with `entity_output: as_char`. Ported from kramdown
 * 2.4 `parser/kramdown/smart_quotes.rb`, `typographic_symbol.rb`, `html_entity.rb`, `span_html`.
 */
import { rubyToS } from './liquid-values';

/** kramdown's entity table (`Kramdown::Utils::Entities`), name:code point in base 36. */
const ENTITY_TABLE = 'Alpha:pd,Beta:pe,Gamma:pf,Delta:pg,Epsilon:ph,Zeta:pi,Eta:pj,Theta:pk,Iota:pl,Kappa:pm,Lambda:pn,Mu:po,Nu:pp,Xi:pq,Omicron:pr,Pi:ps,Rho:pt,Sigma:pv,Tau:pw,Upsilon:px,Phi:py,Chi:pz,Psi:q0,Omega:q1,alpha:q9,beta:qa,gamma:qb,delta:qc,epsilon:qd,zeta:qe,eta:qf,theta:qg,iota:qh,kappa:qi,lambda:qj,mu:qk,nu:ql,xi:qm,omicron:qn,pi:qo,rho:qp,sigma:qr,tau:qs,upsilon:qt,phi:qu,chi:qv,psi:qw,omega:qx,sigmaf:qq,thetasym:r5,upsih:r6,piv:ra,zwnj:6bw,zwj:6bx,lrm:6by,rlm:6bz,hellip:6cm,prime:6cy,Prime:6cz,oline:6da,frasl:6dg,weierp:6jc,image:6j5,real:6jg,alefsym:6k5,bull:6ci,trade:6jm,larr:6mo,rarr:6mq,uarr:6mp,darr:6mr,harr:6ms,crarr:6np,uArr:6oh,dArr:6oj,lArr:6og,rArr:6oi,hArr:6ok,forall:6ps,part:6pu,exist:6pv,empty:6px,nabla:6pz,isin:6q0,ni:6q3,notin:6q1,sum:6q9,prod:6q7,minus:6qa,lowast:6qf,radic:6qi,prop:6ql,infin:6qm,ang:6qo,and:6qv,or:6qw,cap:6qx,cup:6qy,int:6qz,there4:6r8,sim:6rg,asymp:6rs,cong:6rp,ne:6sg,equiv:6sh,le:6sk,ge:6sl,sub:6te,sup:6tf,sube:6ti,supe:6tj,nsub:6tg,oplus:6tx,otimes:6tz,perp:6ud,sdot:6v9,vellip:6we,rceil:6x4,lceil:6x5,lfloor:6x6,rfloor:6x7,rang:6y1,lang:6y2,loz:7gq,spades:7kw,clubs:7kz,hearts:7l1,diams:7l2,amp:12,quot:y,apos:13,copy:4p,lt:1o,gt:1q,OElig:9e,oelig:9f,Scaron:9s,scaron:9t,Yuml:ag,circ:jq,tilde:kc,ndash:6c3,mdash:6c4,lsquo:6c8,rsquo:6c9,ldquo:6cc,rdquo:6cd,dagger:6cg,Dagger:6ch,permil:6cw,euro:6gc,lsaquo:6d5,rsaquo:6d6,nbsp:4g,iexcl:4h,pound:4j,curren:4k,yen:4l,brvbar:4m,sect:4n,uml:4o,laquo:4r,raquo:57,reg:4u,ordf:4q,not:4s,shy:4t,macr:4v,deg:4w,plusmn:4x,acute:50,micro:51,para:52,middot:53,cedil:54,ordm:56,cent:4i,sup1:55,sup2:4y,sup3:4z,frac12:59,frac14:58,frac34:5a,iquest:5b,Agrave:5c,Aacute:5d,Acirc:5e,Atilde:5f,Auml:5g,Aring:5h,AElig:5i,Ccedil:5j,Egrave:5k,Eacute:5l,Ecirc:5m,Euml:5n,Igrave:5o,Iacute:5p,Icirc:5q,Iuml:5r,ETH:5s,Ntilde:5t,Ograve:5u,Oacute:5v,Ocirc:5w,Otilde:5x,Ouml:5y,times:5z,Oslash:60,Ugrave:61,Uacute:62,Ucirc:63,Uuml:64,Yacute:65,THORN:66,szlig:67,agrave:68,aacute:69,acirc:6a,atilde:6b,auml:6c,aring:6d,aelig:6e,ccedil:6f,egrave:6g,eacute:6h,ecirc:6i,euml:6j,igrave:6k,iacute:6l,icirc:6m,iuml:6n,eth:6o,ntilde:6p,ograve:6q,oacute:6r,ocirc:6s,otilde:6t,ouml:6u,divide:6v,oslash:6w,ugrave:6x,uacute:6y,ucirc:6z,uuml:70,yacute:71,thorn:72,yuml:73,sbquo:6ca,fnof:b6,bdquo:6ce,ensp:6bm,emsp:6bn,thinsp:6bt';

let entities: Map<string, number> | undefined;

function entityCode(name: string): number | undefined {
  entities ??= new Map(ENTITY_TABLE.split(',').map((pair) => {
    const [entity = '', code = '0'] = pair.split(':');
    return [entity, Number.parseInt(code, 36)];
  }));
  return entities.get(name);
}

/** Characters kramdown writes as entities even with `as_char` (its ESCAPE_MAP, minus the quote). */
const ESCAPED: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** An entity as `entity_to_str` writes it with `entity_output: as_char`. */
function entityText(code: number): string {
  if (code < 0 || code > 0x10ffff) return '';
  const ch = String.fromCodePoint(code);
  return ESCAPED[ch] ?? ch;
}

function escapeText(text: string): string {
  return text.replace(/[<>&]/gu, (ch) => ESCAPED[ch] ?? ch);
}

// Ruby's \s, \S and \w are ASCII-only; JavaScript's \s is not.
const S = '[ \\t\\n\\v\\f\\r]';
const NOT_S = '[^ \\t\\n\\v\\f\\r]';
const SQ_PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const SQ_CLOSE = '[^ \\\\\\t\\r\\n\\[{(-]';

type Quote = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';
/** A rule's output: a captured group as text, a quote, or a quote chosen by the captured character. */
type Subst = number | Quote | { left: boolean; group: number };

/** `SQ_RULES`, in order; each is tried at the scanner's position. */
const SQ_RULES: [RegExp, Subst[]][] = [
  [new RegExp(`("|')(?=[_*]{1,2}${NOT_S})`, 'y'), [{ left: true, group: 1 }]],
  [new RegExp(`("|')(?=${SQ_PUNCT}(?!\\.\\.)\\B)`, 'y'), [{ left: false, group: 1 }]],
  [new RegExp(`(${S}?)"'(?=\\w)`, 'y'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${S}?)'"(?=\\w)`, 'y'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`(${S}?)'(?=\\d\\ds)`, 'y'), [1, 'rsquo']],
  [new RegExp(`(${S})('|")(?=\\w)`, 'y'), [1, { left: true, group: 2 }]],
  [new RegExp(`(${SQ_CLOSE})('|")`, 'y'), [1, { left: false, group: 2 }]],
  [new RegExp(`("|')(?=${S}|s\\b|$)`, 'my'), [{ left: false, group: 1 }]],
  [/(.?)'/sy, [1, 'lsquo']],
  [/(.?)"/sy, [1, 'ldquo']],
];

const SPAN_START = /[^\\]?["']|&|--|\.\.\.|(?:\\| )?(?:<<|>>)|<(?:[A-Za-z_]|\?|!--|\/)/g;
const SMART_QUOTE_START = /[^\\]?["']/y;
const ENTITY = /&(?:([\w:][-\w.:]*);|#(\d+);|#x([0-9a-fA-F]+);)/y;
const TYPOGRAPHIC = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/y;
const NAME = '(?:[A-Za-z_][-A-Za-z0-9._]*:)?[A-Za-z_][-A-Za-z0-9._]*';
// A quoted value is looked for within 1 KB only: an unclosed quote before each of many tags would
// make every attempt scan to the end of the text.
const TAG = new RegExp(`<(${NAME})\\s*((?:\\s+${NAME}(?:\\s*=\\s*(?:[\\w]+|("|')[\\s\\S]{0,1024}?\\3))?)*)\\s*(\\/)?>`, 'y');
const CLOSE_TAG = new RegExp(`<\\/(${NAME})\\s*>`, 'sy');
const COMMENT = /<!--[\s\S]*?-->/y;
const INSTRUCTION = /<\?[\s\S]*?\?>/y;
const ATTRIBUTE = new RegExp(`(${NAME})(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`, 'g');

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK_ELEMENTS = new Set(['address', 'article', 'aside', 'applet', 'body', 'blockquote', 'caption', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'head', 'iframe', 'legend', 'menu', 'li', 'main', 'map', 'nav', 'ol', 'optgroup', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul']);

const TYPOGRAPHIC_TEXT: Readonly<Record<string, string>> = {
  '---': '\u2014',
  '--': '\u2013',
  '...': '\u2026',
  '\\<<': '&lt;&lt;',
  '\\>>': '&gt;&gt;',
  '<< ': '\u00ab\u00a0',
  ' >>': '\u00a0\u00bb',
  '<<': '\u00ab',
  '>>': '\u00bb',
};

/** The four quote characters, from kramdown's `smart_quotes` option (entity names or code points). */
function quoteCharacters(setting: unknown): Record<Quote, string> {
  const names = typeof setting === 'string' ? setting.split(',').map((s) => s.trim()) : [];
  const pick = (index: number, fallback: string) => {
    const name = names[index];
    if (name === undefined) return fallback;
    const code = /^\d+$/u.test(name) ? Number(name) : entityCode(name);
    return code === undefined ? fallback : entityText(code);
  };
  return { lsquo: pick(0, '\u2018'), rsquo: pick(1, '\u2019'), ldquo: pick(2, '\u201c'), rdquo: pick(3, '\u201d') };
}

/** Jekyll's `smartify` of `input`; `smartQuotes` is the site's `kramdown.smart_quotes`, if any. */
export function smartify(input: unknown, smartQuotes?: unknown): string {
  const source = rubyToS(input).replace(/\r\n?/gu, '\n');
  // A block-level element at the start is kramdown's block HTML: written out as it is.
  const block = /^ {0,3}<([A-Za-z][A-Za-z0-9]*)/u.exec(source);
  if (block && BLOCK_ELEMENTS.has((block[1] ?? '').toLowerCase())) return source.replace(/\n$/u, '');
  const quotes = quoteCharacters(smartQuotes);
  const text = source.replace(/\n$/u, '') + '\n';
  const { html } = spans(text, 0, null, quotes, 0);
  return html.replace(/\n$/u, '');
}

/** Elements nested deeper than this are written as text: the parser recurses per level. */
const MAX_DEPTH = 200;

/** Parse spans from `start` until `stop` (an end tag) or the end; returns the HTML and where it ended. */
function spans(text: string, start: number, stop: RegExp | null, quotes: Record<Quote, string>, depth: number): { html: string; end: number } {
  let html = '';
  let pos = start;
  // Where the end tag is; searched again only once the scan has passed it (a nested element took it).
  let closing: { index: number; length: number } | null | undefined;
  while (pos < text.length) {
    SPAN_START.lastIndex = pos;
    const next = SPAN_START.exec(text);
    const at = next ? next.index : text.length;
    if (stop) {
      if (closing === undefined || (closing !== null && closing.index < pos)) {
        stop.lastIndex = pos;
        const found = stop.exec(text);
        closing = found ? { index: found.index, length: found[0].length } : null;
      }
      // An end tag before the next span ends this element.
      if (closing && closing.index <= at) {
        html += escapeText(text.slice(pos, closing.index));
        return { html, end: closing.index + closing.length };
      }
    }
    html += escapeText(text.slice(pos, at));
    pos = at;
    if (!next) break;
    const parsed = smartQuote(text, pos, quotes) ?? entity(text, pos) ?? typographic(text, pos) ?? spanHtml(text, pos, quotes, depth);
    if (parsed) {
      html += parsed.html;
      pos = parsed.end;
    } else {
      html += escapeText(text[pos] ?? '');
      pos += 1;
    }
  }
  return { html, end: pos };
}

type Parsed = { html: string; end: number } | null;

function smartQuote(text: string, pos: number, quotes: Record<Quote, string>): Parsed {
  SMART_QUOTE_START.lastIndex = pos;
  if (!SMART_QUOTE_START.test(text)) return null;
  for (const [rule, substs] of SQ_RULES) {
    rule.lastIndex = pos;
    const m = rule.exec(text);
    if (!m) continue;
    let html = '';
    for (const subst of substs) {
      if (typeof subst === 'number') html += escapeText(m[subst] ?? '');
      else if (typeof subst === 'string') html += quotes[subst];
      else {
        const double = m[subst.group] === '"';
        html += quotes[subst.left ? (double ? 'ldquo' : 'lsquo') : double ? 'rdquo' : 'rsquo'];
      }
    }
    return { html, end: pos + m[0].length };
  }
  return null;
}

function entity(text: string, pos: number): Parsed {
  ENTITY.lastIndex = pos;
  const m = ENTITY.exec(text);
  if (!m) return null;
  const code = m[1] !== undefined ? entityCode(m[1]) : m[2] !== undefined ? Number(m[2]) : Number.parseInt(m[3] ?? '0', 16);
  // An unknown name is text: its `&` is escaped and the rest scanned again.
  if (code === undefined) return { html: '&amp;', end: pos + 1 };
  return { html: entityText(code), end: pos + m[0].length };
}

function typographic(text: string, pos: number): Parsed {
  TYPOGRAPHIC.lastIndex = pos;
  const m = TYPOGRAPHIC.exec(text);
  return m ? { html: TYPOGRAPHIC_TEXT[m[0]] ?? m[0], end: pos + m[0].length } : null;
}

function spanHtml(text: string, pos: number, quotes: Record<Quote, string>, depth: number): Parsed {
  for (const verbatim of [COMMENT, INSTRUCTION]) {
    verbatim.lastIndex = pos;
    const m = verbatim.exec(text);
    if (m) return { html: m[0], end: pos + m[0].length };
  }
  CLOSE_TAG.lastIndex = pos;
  const close = CLOSE_TAG.exec(text);
  // An end tag with no element open is text.
  if (close) return { html: escapeText(close[0]), end: pos + close[0].length };
  TAG.lastIndex = pos;
  const tag = TAG.exec(text);
  if (!tag) return null;
  const name = tag[1] ?? '';
  if (BLOCK_ELEMENTS.has(name.toLowerCase()) || depth >= MAX_DEPTH) return { html: escapeText(tag[0]), end: pos + tag[0].length };
  const open = `<${name}${attributes(tag[2] ?? '')}`;
  const end = pos + tag[0].length;
  if (tag[4] === '/' || VOID_ELEMENTS.has(name.toLowerCase())) return { html: `${open} />`, end };
  const inner = spans(text, end, new RegExp(`<\\/${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s*>`, 'gi'), quotes, depth + 1);
  return { html: `${open}>${inner.html}</${name}>`, end: inner.end };
}

/** Attributes as kramdown writes them back: ` name="value"`, quotes escaped. */
function attributes(source: string): string {
  let out = '';
  for (const m of source.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    out += ` ${m[1]}="${value.replace(/&(?!(?:#\d+|#x[\da-fA-F]+|[a-zA-Z]+);)/gu, '&amp;').replace(/[<>"]/gu, (ch) => ({ '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch)}"`;
  }
  return out;
}
