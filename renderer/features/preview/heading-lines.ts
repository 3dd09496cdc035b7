import { splitFrontMatter } from '../../../shared/frontmatter/split';

/** A heading as written in the post's source. */
export interface SourceHeading {
  /** 1-based line of the whole text (front matter included), as the editor numbers it. */
  line: number;
  level: number;
  /** The heading's source text without its markers (`#`s, IAL, closing hashes). */
  text: string;
}

/** A heading as the preview shows it: its level and its visible text. */
export interface ShownHeading {
  level: number;
  text: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/u;
const HTML_HEADING = /^ {0,3}<h([1-6])\b[^>]*>(.*)$/iu;
/** Liquid blocks whose content is code or never shown: headings inside them are not headings. */
const LIQUID_OPEN = /\{%-?\s*(highlight|comment|raw)\b[^%]*-?%\}/u;
/** Lines that end a paragraph, so a setext underline after them is not one. */
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>|^ {0,3}\||^ {0,3}\{:|^ {0,3}</u;

/**
 * Every heading of a post's Markdown, in order: ATX (`## x`, a space after the hashes, as GFM
 * wants) and setext (a single-line paragraph underlined with `=` or `-`, which kramdown needs
 * after a block boundary), plus raw `<h1>`…`<h6>` lines. Front matter, fenced code, HTML comments
 * and Liquid `highlight`/`comment`/`raw` blocks are skipped.
 */
export function sourceHeadings(text: string): SourceHeading[] {
  const block = splitFrontMatter(text);
  const lines = text.split(/\r\n|\n|\r/u);
  const firstBodyLine = block ? lineOf(text, block.bodyStart) : 1;
  const found: SourceHeading[] = [];
  let fence: { char: string; length: number } | null = null;
  let liquidEnd: RegExp | null = null;
  let inComment = false;
  for (let i = firstBodyLine - 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence) {
      const close = FENCE.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length && line.trim() === close[1]) fence = null;
      continue;
    }
    if (liquidEnd) {
      if (liquidEnd.test(line)) liquidEnd = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const open = FENCE.exec(line);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? '`', length: open[1].length };
      continue;
    }
    const liquid = LIQUID_OPEN.exec(line);
    if (liquid?.[1]) {
      const end = new RegExp(`\\{%-?\\s*end${liquid[1]}\\s*-?%\\}`, 'u');
      if (!end.test(line.slice(liquid.index + liquid[0].length))) liquidEnd = end;
      continue;
    }
    if (/^ {0,3}<!--/u.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    // A heading inside a blockquote is still a heading of the post.
    const atx = ATX.exec(line.replace(/^(?: {0,3}> ?)+/u, ''));
    if (atx?.[1]) {
      found.push({ line: i + 1, level: atx[1].length, text: cleanAtx(atx[2] ?? '') });
      continue;
    }
    const html = HTML_HEADING.exec(line);
    if (html?.[1]) {
      found.push({ line: i + 1, level: Number(html[1]), text: (html[2] ?? '').replace(/<[^>]*>/gu, '') });
      continue;
    }
    const underline = SETEXT.exec(line);
    if (underline?.[1] && i > firstBodyLine - 1 && isParagraphStart(lines, i - 1, firstBodyLine - 1)) {
      found.push({ line: i, level: underline[1][0] === '=' ? 1 : 2, text: (lines[i - 1] ?? '').trim() });
    }
  }
  return found;
}

/** True when line `i` is a one-line paragraph: text, with a block boundary above it. */
function isParagraphStart(lines: readonly string[], i: number, first: number): boolean {
  const line = lines[i] ?? '';
  if (line.trim() === '' || ATX.test(line) || NOT_PARAGRAPH.test(line) || /^ {4}|^\t/u.test(line)) return false;
  if (i === first) return true;
  const above = lines[i - 1] ?? '';
  return above.trim() === '' || ATX.test(above);
}

function cleanAtx(raw: string): string {
  return raw
    .replace(/[ \t]+#+[ \t]*$/u, '')
    .replace(/^#+$/u, '')
    .replace(/\{:?\s*[#.][^}]*\}\s*$/u, '')
    .trim();
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** comparable() of the texts seen lately: scroll sync matches a long post's headings again after every keystroke. */
const comparableCache = new Map<string, string>();

/** Letters and digits only, lowercased: what survives both Markdown source and rendered text. */
function comparable(text: string): string {
  const known = comparableCache.get(text);
  if (known !== undefined) return known;
  const value = text
    .normalize('NFC')
    .replace(/\]\([^)]*\)/gu, ']')
    .replace(/\[\^[^\]]*\]/gu, '')
    .replace(/<[^>]*>/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (comparableCache.size >= 20_000) comparableCache.clear();
  comparableCache.set(text, value);
  return value;
}

/** How far ahead a shown heading is looked for among the source headings. */
const LOOKAHEAD = 8;

/**
 * The source line of each shown heading, or null when it has none (a heading that came from an
 * include, say). Headings are matched in order by level and text; when the text differs (Liquid
 * filled it in), the next source heading of the same level is taken.
 */
export function headingLines(shown: readonly ShownHeading[], source: readonly SourceHeading[]): (number | null)[] {
  const lines: (number | null)[] = [];
  let next = 0;
  for (const heading of shown) {
    const want = comparable(heading.text);
    let hit = -1;
    for (let k = next; k < Math.min(source.length, next + LOOKAHEAD) && hit < 0; k++) {
      const candidate = source[k];
      if (candidate && candidate.level === heading.level && comparable(candidate.text) === want) hit = k;
    }
    if (hit < 0 && source[next]?.level === heading.level) hit = next;
    if (hit < 0) {
      lines.push(null);
      continue;
    }
    lines.push(source[hit]?.line ?? null);
    next = hit + 1;
  }
  return lines;
}
