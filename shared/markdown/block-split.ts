/**
 * Where a Markdown body can be cut into top-level pieces that kramdown (and the emulation in
 * markdown.ts) parses independently of each other: the incremental preview re-renders only the
 * piece a keystroke changed. A cut is made only where nothing can carry across it, so a wrong
 * guess costs speed (bigger pieces), never fidelity:
 * - after one or more blank lines, before a line that starts in column 0 and cannot continue
 *   what came before (no list marker, `:` definition, `>` quote, `{` attribute list or
 *   extension, indentation, setext underline);
 * - outside fenced code, `$$` math, unclosed HTML elements or comments, and `{::…}` extensions;
 * - not right after a `{: …}` line, which kramdown may keep waiting for the next block.
 */

/** A piece of the body: `[start, end)` in characters, and the line (0-based, as markdown-it counts) it starts on. */
export interface BlockCut {
  start: number;
  line: number;
}

/** Elements with no end tag: they never keep a piece open. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG_RE = /<!--|-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gu;
/** How many lines a tag may take before its `>` (kramdown reads longer ones, but no post writes them). */
const MAX_TAG_LINES = 20;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/u;
/** A first character that can continue the block above, or start one kramdown joins to it. */
const CANNOT_START = /^(?:[ \t>:{=]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)/u;
const LINE_BREAK = /\r\n?|\n/gu;

/** What is still open at the end of the lines read so far. */
interface OpenState {
  fence: string | null;
  /** Unclosed HTML elements and comments, counted per piece. */
  html: number;
  /** The start of a tag whose `>` is on a later line, and for how many lines it has waited. */
  pendingTag: string | null;
  pendingLines: number;
  comment: boolean;
  math: boolean;
  extensions: number;
  /** A definition list (`: …`) was seen: it goes on after a blank line if the next block has a definition too. */
  definitions: boolean;
}

const isBlank = (line: string) => /^[ \t]*$/u.test(line);

/**
 * Cut `source` from `from` (which must itself be a cut, or 0) to the end. `stop(cut)` is asked at
 * every cut after `from`; returning true ends the scan there (the incremental renderer stops once
 * the cuts line up with the old ones again). `fromLine` is the line number of `from`.
 */
export function splitBlocks(source: string, from = 0, fromLine = 0, stop?: (cut: BlockCut) => boolean): BlockCut[] {
  const cuts: BlockCut[] = [{ start: from, line: fromLine }];
  const state: OpenState = { fence: null, html: 0, pendingTag: null, pendingLines: 0, comment: false, math: false, extensions: 0, definitions: false };
  let pos = from;
  let line = fromLine;
  let previousBlank = false;
  let lastContent = '';
  LINE_BREAK.lastIndex = pos;
  while (pos < source.length) {
    const match = LINE_BREAK.exec(source);
    const end = match ? match.index : source.length;
    const next = match ? match.index + match[0].length : source.length;
    const text = source.slice(pos, end);
    const blank = isBlank(text);
    if (!blank && previousBlank && pos > from && isClosed(state) && !CANNOT_START.test(text) && !/^ {0,3}\{:(?![:/])/u.test(lastContent) && !continuesDefinitions(state, source, pos)) {
      state.definitions = false;
      const cut = { start: pos, line };
      cuts.push(cut);
      if (stop?.(cut)) return cuts;
    }
    if (!blank) {
      track(state, text);
      lastContent = text;
    }
    previousBlank = blank && state.fence === null;
    pos = next;
    line++;
    if (!match) break;
  }
  return cuts;
}

/**
 * True when the block at `pos` joins the definition list above: it holds a definition line, or
 * the block after it starts with one (a loose term, `term` + blank line + `: definition`).
 */
function continuesDefinitions(state: OpenState, source: string, pos: number): boolean {
  if (!state.definitions) return false;
  const rest = source.slice(pos, pos + 4096);
  const blank = /\n[ \t]*(?:\r?\n|\r|$)/u.exec(rest);
  // A term longer than the window: keep it with the list rather than guess.
  if (!blank) return rest.length === 4096 || /(?:^|\n) {0,3}:/u.test(rest);
  if (/(?:^|\n) {0,3}:/u.test(rest.slice(0, blank.index))) return true;
  return /^(?:[ \t]*\r?\n)* {0,3}:/u.test(rest.slice(blank.index + 1));
}

function isClosed(state: OpenState): boolean {
  return state.fence === null && state.html <= 0 && state.pendingTag === null && !state.comment && !state.math && state.extensions <= 0;
}

/** Update what is open after one non-blank line. */
function track(state: OpenState, text: string): void {
  if (state.fence !== null) {
    const close = FENCE_RE.exec(text);
    if (close && close[1]![0] === state.fence[0] && close[1]!.length >= state.fence.length && text.slice(close[0].length).trim() === '') state.fence = null;
    return;
  }
  const open = FENCE_RE.exec(text);
  if (open && !(open[1]![0] === '`' && text.slice(open[0].length).includes('`'))) {
    state.fence = open[1]!;
    return;
  }
  if (/^ {0,3}:/u.test(text)) state.definitions = true;
  if (text.includes('$$')) {
    const count = text.split('$$').length - 1;
    if (count % 2 === 1) state.math = !state.math;
  }
  if (text.includes('{:')) {
    for (const m of text.matchAll(/\{::\w+[^}]*?(\/)?\}|\{:\/\w*\}/gu)) {
      if (m[0].startsWith('{:/')) state.extensions--;
      else if (!m[1]) state.extensions++;
    }
  }
  if (state.pendingTag !== null) {
    text = `${state.pendingTag}\n${text}`;
    state.pendingTag = null;
  }
  if (!text.includes('<') && !(state.comment && text.includes('-->'))) return;
  let end = 0;
  for (const m of text.matchAll(TAG_RE)) {
    end = m.index + m[0].length;
    if (m[0] === '<!--') state.comment = true;
    else if (m[0] === '-->') state.comment = false;
    else if (state.comment) continue;
    else if (VOID.has(m[2]!.toLowerCase()) || m[3] === '/') continue;
    // A stray end tag closes nothing that a later start tag could be matched with.
    else state.html = Math.max(0, state.html + (m[1] === '/' ? -1 : 1));
  }
  // A tag split over lines (`<img\n  src=…>`) is read when its `>` comes; text such as `a <b`
  // that never closes stops holding the cuts back after a few lines.
  const unfinished = state.comment ? null : /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?$/u.exec(text.slice(end));
  if (unfinished && state.pendingLines < MAX_TAG_LINES) {
    state.pendingTag = unfinished[0];
    state.pendingLines++;
  } else state.pendingLines = 0;
}

/**
 * True when a piece's HTML depends on nothing outside it, so it can be rendered alone with the
 * document's definitions: no heading (ids are counted across the document), footnote, link or
 * abbreviation definition, attribute list definition or `{::options}` extension. Errs on the
 * side of false: such a piece just makes the next render a whole one.
 */
export function isSelfContained(text: string): boolean {
  if (text.includes('[^') || text.includes('{::') || /<h[1-6]/iu.test(text)) return false;
  // Definitions may stand inside lists and quotes too, and a link label may span lines.
  if (text.includes(']:') && /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\*?\[/mu.test(text)) return false;
  if (/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#/mu.test(text)) return false;
  if (/^[ \t>]*(?:=+|-+)[ \t]*\r?$/mu.test(text)) return false;
  if (/^ {0,3}\{:(?!:)[\w-]+:/mu.test(text)) return false;
  return true;
}
