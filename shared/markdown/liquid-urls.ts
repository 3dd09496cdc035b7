/**
 * URL work of Jekyll's Liquid filters and tags, as Ruby does it: Addressable's URI normalization
 * (`relative_url`, `absolute_url`, `uri_escape`), `CGI.escape`, `xml_escape`, and the URL Jekyll
 * gives a page or static file that `{% link %}` names.
 */
import { expandPermalink } from '../jekyll/url';
import { isHash, isNil, plain, rubyToS } from './liquid-values';

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
/** Characters each component keeps as they are (Addressable's character classes). */
const KEEP = {
  /** `normalize_component`'s default: reserved and unreserved. */
  any: new RegExp(`[${UNRESERVED}:/?#\\[\\]@${SUB_DELIMS}]`, 'u'),
  pchar: new RegExp(`[${UNRESERVED}${SUB_DELIMS}:@]`, 'u'),
  query: new RegExp(`[${UNRESERVED}!$'()*+,=:@/?]`, 'u'),
  fragment: new RegExp(`[${UNRESERVED}${SUB_DELIMS}:@/?]`, 'u'),
};

/** UTF-8 bytes of text (lone surrogates as their 3-byte forms, as Ruby's binary view would show). */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    i += code > 0xffff ? 2 : 1;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Percent-encode every character `keep` does not match, byte by byte, with upper-case hex. */
function encodeExcept(text: string, keep: RegExp): string {
  let out = '';
  for (const ch of text) out += keep.test(ch) ? ch : utf8(ch).map(percent).join('');
  return out;
}

/**
 * `Addressable::URI.normalize_component`: decode every `%XX` (except those of `leaveEncoded`), NFKC,
 * then encode what `keep` does not allow. A stray `%` becomes `%25`.
 */
function normalizeComponent(component: string, keep: RegExp, leaveEncoded = ''): string {
  let result = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    let decoded: string | null;
    try {
      decoded = decodeURIComponent(bytes.map(percent).join(''));
    } catch {
      decoded = null;
    }
    // Bytes that are not UTF-8 cannot be normalized: Addressable then just encodes them.
    result += decoded === null ? bytes.map((b) => (b < 0x80 && keep.test(String.fromCharCode(b)) ? String.fromCharCode(b) : percent(b))).join('') : encodeExcept(decoded.normalize('NFKC'), keep);
    bytes = [];
  };
  for (let i = 0; i < component.length; ) {
    if (component[i] === '%' && /^[0-9A-Fa-f]{2}$/u.test(component.slice(i + 1, i + 3))) {
      const byte = Number.parseInt(component.slice(i + 1, i + 3), 16);
      if (leaveEncoded.includes(String.fromCharCode(byte))) {
        flush();
        result += component.slice(i, i + 3).toUpperCase();
      } else bytes.push(byte);
      i += 3;
      continue;
    }
    const code = component.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    bytes.push(...utf8(ch));
    i += ch.length;
  }
  flush();
  return result;
}

/** RFC 3986 remove_dot_segments, as `Addressable::URI.normalize_path` applies it. */
function removeDotSegments(path: string): string {
  if (!path.includes('.')) return path;
  const input = path.split('/');
  const output: string[] = [];
  input.forEach((segment, index) => {
    const last = index === input.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      if (output.length > 1 || (output.length === 1 && output[0] !== '')) output.pop();
      if (last) output.push('');
    } else output.push(segment);
  });
  const joined = output.join('/');
  return path.startsWith('/') && !joined.startsWith('/') ? `/${joined}` : joined;
}

const URI_PARTS = /^(?:([^:/?#]+):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$/su;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ftp: '21', tftp: '69' };

/** `Addressable::URI.parse(text).normalize.to_s` for the URLs Jekyll sites use. */
export function normalizeUri(text: string): string {
  const m = URI_PARTS.exec(text);
  if (!m) return text;
  const scheme = m[1]?.toLowerCase();
  let out = scheme ? `${scheme}:` : '';
  if (m[2] !== undefined) out += `//${normalizeAuthority(m[3] ?? '', scheme)}`;
  let path = removeDotSegments((m[4] ?? '').split('/').map((segment) => normalizeComponent(segment, KEEP.pchar)).join('/'));
  if (path === '' && scheme && scheme in DEFAULT_PORTS) path = '/';
  out += path;
  if (m[5] !== undefined) {
    const query = (m[6] ?? '').split('&').map((pair) => normalizeComponent(pair, KEEP.query, '+')).join('&');
    if (query !== '') out += `?${query}`;
  }
  if (m[7] !== undefined) {
    const fragment = normalizeComponent(m[8] ?? '', KEEP.fragment);
    if (fragment !== '') out += `#${fragment}`;
  }
  return out;
}

/** Host lower-cased, the scheme's default port dropped; user info kept. */
function normalizeAuthority(authority: string, scheme: string | undefined): string {
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  let host = at >= 0 ? authority.slice(at + 1) : authority;
  const port = /:(\d*)$/u.exec(host);
  if (port) {
    host = host.slice(0, port.index);
    const keep = port[1] !== '' && !(scheme && DEFAULT_PORTS[scheme] === port[1]);
    return `${userinfo}${host.toLowerCase()}${keep ? `:${port[1]}` : ''}`;
  }
  return `${userinfo}${host.toLowerCase()}`;
}

/** Addressable's `absolute?`: the text starts with a scheme. */
function isAbsolute(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/u.test(text);
}

/** What the URL filters read from their input: a post-like hash gives its `url`, anything else its `to_s`. */
function urlInput(input: unknown): string | null {
  const v = plain(input);
  if (isNil(v)) return null;
  if (isHash(v) && typeof v['url'] === 'string') return v['url'];
  return rubyToS(v);
}

function ensureLeadingSlash(text: string): string {
  return text === '' || text.startsWith('/') ? text : `/${text}`;
}

/** Jekyll's `relative_url`: baseurl prefixed, then normalized; absolute URLs untouched; nil stays nil. */
export function relativeUrl(input: unknown, baseurl: unknown): string | null {
  const text = urlInput(input);
  if (text === null) return null;
  if (isAbsolute(text)) return text;
  const base = isNil(plain(baseurl)) ? '' : rubyToS(baseurl).replace(/\/$/u, '');
  return normalizeUri(ensureLeadingSlash(base) + ensureLeadingSlash(text));
}

/** Jekyll's `absolute_url`: `site.url` + the relative URL, normalized; just relative without `site.url`. */
export function absoluteUrl(input: unknown, siteUrl: unknown, baseurl: unknown): string | null {
  const text = urlInput(input);
  if (text === null) return null;
  if (isAbsolute(text)) return text;
  const relative = relativeUrl(text, baseurl) ?? '';
  const site = plain(siteUrl);
  if (isNil(site) || site === '') return relative;
  return normalizeUri(rubyToS(site) + relative);
}

/** Jekyll's `uri_escape` (`Addressable::URI.normalize_component`): reserved characters stay. */
export function uriEscape(input: unknown): string {
  const v = plain(input);
  return isNil(v) ? '' : normalizeComponent(rubyToS(v), KEEP.any);
}

/** Ruby's `CGI.escape`: everything but `A-Za-z0-9_.-~` percent-encoded, spaces as `+`. */
export function cgiEscape(input: unknown): string {
  let out = '';
  for (const ch of rubyToS(input)) {
    if (/[A-Za-z0-9_.~-]/u.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += utf8(ch).map(percent).join('');
  }
  return out;
}

/** Jekyll's `xml_escape` (`encode(xml: :attr)` without the quotes it adds). */
export function xmlEscape(input: unknown): string {
  return rubyToS(input).replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** Jekyll's `strip_index`: a trailing `/index.html` (or `.htm`) becomes `/`. */
export function stripIndex(input: unknown): string | null {
  const v = plain(input);
  if (isNil(v) || rubyToS(v) === '') return null;
  return rubyToS(v).replace(/\/index\.html?$/mu, '/');
}

const HTML_EXTENSIONS = ['.html', '.xhtml', '.htm'];
/** Output extensions of Jekyll's converters other than Markdown. */
const CONVERTED: Readonly<Record<string, string>> = { '.scss': '.css', '.sass': '.css', '.coffee': '.js' };

/**
 * The URL `{% link %}` gives a site file that is not a post: a page (Markdown, HTML, Sass) as
 * `Page#template` builds it under the site's permalink style, any other file as a static file
 * (its path). Whether a file is a page is guessed from its extension (Jekyll asks whether it has
 * front matter), and a page's own `permalink:` is not known here.
 */
export function fileUrl(path: string, site: Record<string, unknown>): { url: string; page: boolean } {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash) : '';
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const basename = dot > 0 ? name.slice(0, dot) : name;
  const lowerExt = ext.toLowerCase();
  const markdownExt = typeof site['markdown_ext'] === 'string' ? site['markdown_ext'] : 'markdown,mkdown,mkdn,mkd,md';
  const isMarkdown = markdownExt.split(',').some((e) => `.${e.trim().toLowerCase()}` === lowerExt);
  const outputExt = isMarkdown ? '.html' : CONVERTED[lowerExt] ?? (HTML_EXTENSIONS.includes(lowerExt) ? ext : null);
  if (outputExt === null) return { url: `/${path.slice(0, path.length - ext.length).replace(/\.+$/u, '')}${ext}`, page: false };
  let template: string;
  if (!HTML_EXTENSIONS.includes(outputExt)) template = '/:path/:basename:output_ext';
  else if (basename === 'index') template = '/:path/';
  else template = withPermalinkSuffix('/:path/:basename', typeof site['permalink'] === 'string' ? site['permalink'] : 'date');
  return { url: expandPermalink(template, { path: dir, basename, output_ext: outputExt }), page: true };
}

/** `Utils.add_permalink_suffix`. */
function withPermalinkSuffix(template: string, style: string): string {
  if (style === 'pretty') return `${template}/`;
  if (style === 'date' || style === 'ordinal' || style === 'none') return `${template}:output_ext`;
  return template + (style.endsWith('/') ? '/' : '') + (style.endsWith(':output_ext') ? ':output_ext' : '');
}
