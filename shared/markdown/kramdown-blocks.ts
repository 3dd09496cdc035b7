/**
 * Block rules that make markdown-it split a document into blocks the way kramdown 2.4 does:
 * ATX headings, tables, `$$` math blocks, IALs and ALDs, abbreviation and footnote definitions,
 * HTML blocks (raw, or parsed with `markdown="1"`), definition lists, and kramdown's choice of
 * which blocks may interrupt a paragraph.
 */
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { parseAttributeList } from './kramdown-attributes';
import {
  contentModelOf,
  HTML_SPAN_ELEMENTS,
  parseEndTag,
  parseStartTag,
  scanRawHtmlBody,
  serializeStartTag,
  type ContentModel,
} from './kramdown-html';
import { setAutoIds } from './kramdown-options';
import { kramdownState } from './kramdown-state';
import type { MarkdownInput } from './types';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** Install the block rules on `md` for the given input dialect. */
export function useKramdownBlocks(md: MarkdownIt, input: MarkdownInput): void {
  const gfm = input === 'GFM';
  const ruler = md.block.ruler;
  const original = (name: string): BlockRule => {
    const rule = ruler.__rules__.find((r) => r.name === name);
    if (!rule) throw new Error(`markdown-it has no block rule named ${name}`);
    return rule.fn;
  };
  // Which blocks end a paragraph: kramdown-parser-gfm's PARAGRAPH_END_GFM (lists, ATX headings,
  // blockquotes, fences, definitions, IALs, HTML tags), kramdown's PARAGRAPH_END without GFM.
  // A horizontal rule never does: `text\n***` is one paragraph.
  const interrupts = gfm ? ['paragraph', 'reference', 'blockquote', 'list'] : ['reference', 'blockquote', 'list'];
  ruler.disable('table');
  ruler.at('fence', fence(original('fence'), gfm), { alt: interrupts });
  ruler.at('blockquote', original('blockquote'), { alt: interrupts });
  ruler.at('hr', original('hr'), { alt: ['reference', 'blockquote', 'list'] });
  ruler.at('list', list(original('list'), gfm), { alt: ['paragraph', 'reference', 'blockquote'] });
  const reference = original('reference');
  // kramdown's LINK_DEFINITION_START wants the URL on the definition's own line.
  ruler.at('reference', (state, startLine, endLine, silent) => /^\[[^\]\n]*\]:[ \t]*\S/.test(lineText(state, startLine)) && reference(state, startLine, endLine, silent));
  ruler.at('html_block', htmlBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  ruler.at('heading', atxHeading(gfm), { alt: gfm ? ['paragraph', 'reference', 'blockquote'] : ['reference', 'blockquote'] });
  // Before markdown-it's reference rule, which would read `[^1]:` + an indented line as a link definition.
  ruler.before('reference', 'kd_footnote_definition', footnoteDefinition);
  ruler.before('paragraph', 'kd_definition_list', definitionList, { alt: ['paragraph'] });
  ruler.before('paragraph', 'kd_math_block', mathBlock);
  ruler.before('paragraph', 'kd_table', table);
  ruler.before('paragraph', 'kd_abbreviation_definition', abbreviationDefinition);
  ruler.before('paragraph', 'kd_ial', ial, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  ruler.before('paragraph', 'kd_extension', extension);
}

/** Whether the line holds the character `code` (cheaper than slicing it out first). */
function lineHas(state: StateBlock, line: number, code: number): boolean {
  const end = state.eMarks[line]!;
  for (let pos = state.bMarks[line]! + state.tShift[line]!; pos < end; pos++) if (state.src.charCodeAt(pos) === code) return true;
  return false;
}

/** The line's text after its indentation. */
function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/**
 * kramdown's `after_block_boundary?`: the block is the first of its container, follows a blank
 * line, or follows an IAL that waits for it. Setext headings, tables and math need one.
 */
function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  const last = state.tokens[state.tokens.length - 1];
  if (!last || last.nesting === 1) return true;
  if ((last.meta as { kdMarkdownHtml?: string } | null)?.kdMarkdownHtml === 'open') return true;
  if (last.type === 'kd_ial' && (last.meta as { target?: string } | null)?.target === 'next') return true;
  return startLine > 0 && state.isEmpty(startLine - 1);
}

/** kramdown's `before_block_boundary?` at `line`: a blank line, an IAL, or the end. */
function beforeBlockBoundary(state: StateBlock, line: number, endLine: number): boolean {
  return line >= endLine || state.isEmpty(line) || state.sCount[line]! < state.blkIndent || IAL_LINE_RE.test(lineText(state, line));
}

/**
 * GFM fences must be closed and take one word of info; kramdown's own fences are `~~~` only. A
 * line that only looks like a fence stays paragraph text.
 */
function fence(original: BlockRule, gfm: boolean): BlockRule {
  return (state, startLine, endLine, silent) => {
    const text = lineText(state, startLine);
    if (!gfm && (text[0] !== '~' || state.sCount[startLine]! > state.blkIndent)) return false;
    const marker = /^(`{3,}|~{3,})/.exec(text)?.[1];
    if (!marker || /\s/.test(text.slice(marker.length).trim()) || !original(state, startLine, endLine, true)) return false;
    const closing = new RegExp(`^\\${marker[0]}{${marker.length},}\\s*$`);
    // A fence on a lazy line (less indented than its list item) takes lazy lines too, as kramdown
    // has them all in the item.
    const indent = Math.min(state.blkIndent, state.sCount[startLine]!);
    let line = startLine + 1;
    while (line < endLine && !(state.sCount[line]! - indent < 4 && state.sCount[line]! >= indent && closing.test(lineText(state, line)))) {
      if (!state.isEmpty(line) && state.sCount[line]! < indent) return false;
      line++;
    }
    if (line >= endLine) return false;
    return silent || original(state, startLine, endLine, false);
  };
}

const LIST_START_RE = /^(?:[+*-]|\d+\.)[\t ]/;

/**
 * markdown-it's list rule, but any list start ends a GFM paragraph, none ends a paragraph of
 * kramdown's own syntax outside a list, and `1)` is not a list.
 */
function list(original: BlockRule, gfm: boolean): BlockRule {
  return (state, startLine, endLine, silent) => {
    const text = lineText(state, startLine);
    if (/^\d+\)/.test(text)) return false;
    if (silent && state.parentType === 'paragraph') {
      // kramdown's own syntax lets a list start end a paragraph only inside a list item, for a
      // nested list (indented) or the next item of the same list.
      if (!gfm && (state.listIndent < 0 || (state.sCount[startLine]! < state.blkIndent && !nextItemOfOpenList(state, text)))) return false;
      if (gfm && state.sCount[startLine]! - state.blkIndent < 4) return LIST_START_RE.test(text);
    }
    return original(state, startLine, endLine, silent);
  };
}

/** Whether `text` starts an item of the same kind (bullet or ordered) as the innermost open list. */
function nextItemOfOpenList(state: StateBlock, text: string): boolean {
  let depth = 0;
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    const token = state.tokens[i]!;
    depth += token.nesting;
    if (depth === 1 && (token.type === 'bullet_list_open' || token.type === 'ordered_list_open')) {
      return token.type === 'bullet_list_open' ? /^[+*-][\t ]/.test(text) : /^\d+\.[\t ]/.test(text);
    }
    if (depth > 0) depth = 0;
  }
  return false;
}

// kramdown's HEADER_ID: ` {#id}` ending the heading text, the id an XML name.
const HEADER_ID_RE = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w:.\-\u00B7\u00C0-\uFFFF]*)\}$/;

/** Split a heading's text into the text and the `{#id}` written after it. */
export function headerContents(text: string): { text: string; id: string | null } {
  const trimmed = text.trimEnd();
  const match = HEADER_ID_RE.exec(trimmed);
  if (!match) return { text: trimmed, id: null };
  return { text: trimmed.slice(0, -match[0].length).trimEnd(), id: match[1]! };
}

/**
 * ATX headings. GFM (`atx_header_gfm_quirk`): `#` at the very start of the line and a space or
 * tab after the hashes; closing hashes need a space before them. kramdown: no space needed, a
 * blank line (block boundary) before, and closing hashes are stripped even without a space.
 */
function atxHeading(gfm: boolean): BlockRule {
  const start = gfm ? /^(#{1,6})[\t ]+(.*)$/ : /^(#{1,6})[\t ]*([^ \t].*)$/;
  return (state, startLine, _endLine, silent) => {
    if (state.sCount[startLine]! > state.blkIndent) return false;
    const match = start.exec(lineText(state, startLine));
    if (!match) return false;
    if (!gfm && !afterBlockBoundary(state, startLine)) return false;
    const contents = headerContents(match[2]!);
    const text = gfm
      ? contents.text.replace(/[\t ]#+$/, '').trimEnd()
      : contents.text.replace(/(?<!\\)#+$/, '').trimEnd();
    if (!text) return false;
    if (silent) return true;
    const level = match[1]!.length;
    const open = state.push('heading_open', `h${level}`, 1);
    open.markup = match[1]!;
    open.map = [startLine, startLine + 1];
    if (contents.id !== null) {
      open.attrSet('id', contents.id);
      open.meta = { explicitId: true };
    }
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = [startLine, startLine + 1];
    inline.children = [];
    state.push('heading_close', `h${level}`, -1).markup = match[1]!;
    state.line = startLine + 1;
    return true;
  };
}

/** `$$ … $$` alone between block boundaries, possibly over several lines: `\[ … \]`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const from = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith('$$', from) || !afterBlockBoundary(state, startLine)) return false;
  const limit = state.eMarks[endLine - 1] ?? state.src.length;
  const close = state.src.indexOf('$$', from + 2);
  if (close < 0 || close + 2 > limit) return false;
  let line = startLine;
  while (line < endLine && state.eMarks[line]! < close + 2) line++;
  if (line >= endLine || state.src.slice(close + 2, state.eMarks[line]).trim() !== '') return false;
  if (!beforeBlockBoundary(state, line + 1, endLine)) return false;
  if (silent) return true;
  const token = state.push('kd_math_block', 'div', 0);
  token.content = state.src.slice(from + 2, close).trim();
  token.markup = '$$';
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

const TABLE_LINE_RE = /^(?:\||.*?[^\\\n]\|)/;
const TABLE_SEP_RE = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const TABLE_FSEP_RE = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const TABLE_ALIGN_RE = /[ \t]?(:?)-+(:?)[ \t]?/g;

type Alignment = 'default' | 'left' | 'right' | 'center';
type Row = string[];

/**
 * Cells of a table row, as kramdown splits them: at `|` not preceded by a backslash, never inside
 * a code span; `\|` becomes `|` outside code spans.
 */
function splitTableRow(line: string, keepEscapes = false): string[] {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      // kramdown: a lone backtick between spaces is a literal backtick.
      const lone = n === 1 && (i === 0 || /\s/.test(line[i - 1]!)) && /\s/.test(line[i + 1] ?? '');
      const close = lone ? -1 : line.indexOf('`'.repeat(n), i + n);
      if (close >= 0) {
        cell += line.slice(i, close + n);
        i = close + n;
      } else {
        cell += line.slice(i, i + n);
        i += n;
      }
    } else if (ch === '\\' && line[i + 1] === '|') {
      cell += keepEscapes ? '\\|' : '|';
      i += 2;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  cells.push(cell);
  return cells;
}

function hasPipeOutsideCode(line: string): boolean {
  return splitTableRow(line, true).length > 1;
}

/** kramdown's tables (`parser/kramdown/table.rb`): any line with a pipe, header and footer separators. */
function table(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3 || !lineHas(state, startLine, 0x7c /* | */)) return false;
  const first = lineText(state, startLine);
  if (!TABLE_LINE_RE.test(first) || !afterBlockBoundary(state, startLine)) return false;
  const leadingPipe = first.startsWith('|');
  const sections: { type: 'thead' | 'tbody' | 'tfoot'; rows: Row[] }[] = [];
  let rows: Row[] = [];
  let alignment: Alignment[] = [];
  let hasFooter = false;
  let columns = 0;
  const addSection = (type: 'thead' | 'tbody' | 'tfoot', force: boolean) => {
    if (!hasFooter || type !== 'tbody' || force) {
      sections.push({ type, rows });
      rows = [];
    }
  };
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.isEmpty(line) || state.sCount[line]! < state.blkIndent) break;
    const text = lineText(state, line);
    if (!TABLE_LINE_RE.test(text)) break;
    // kramdown re-reads the table for code spans: a line whose pipes are all in code rejects it.
    if (!hasPipeOutsideCode(text)) return false;
    const separator = TABLE_SEP_RE.exec(text);
    if (separator) {
      if (rows.length === 0) continue;
      if (alignment.length === 0 && !hasFooter) {
        addSection('thead', false);
        alignment = [...separator[1]!.matchAll(TABLE_ALIGN_RE)].map(([, left, right]): Alignment =>
          !left && !right ? 'default' : !right ? 'left' : !left ? 'right' : 'center',
        );
      } else {
        addSection('tbody', false);
      }
    } else if (TABLE_FSEP_RE.test(text)) {
      if (rows.length > 0) addSection('tbody', true);
      hasFooter = true;
    } else {
      const cells = splitTableRow(text.replace(/[ \t]+$/, ''));
      if (leadingPipe && cells[0]!.trim() === '') cells.shift();
      if (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
      columns = Math.max(columns, cells.length);
      rows.push(cells.map((cell) => cell.trim()));
    }
  }
  if (!beforeBlockBoundary(state, line, endLine)) return false;
  if (rows.length > 0) addSection(hasFooter ? 'tfoot' : 'tbody', false);
  if (!sections.some((section) => section.type === 'tbody')) return false;
  if (silent) return true;

  alignment = alignment.slice(0, columns);
  while (alignment.length < columns) alignment.push('default');
  const open = state.push('table_open', 'table', 1);
  open.map = [startLine, line];
  for (const section of sections) {
    state.push(`${section.type}_open`, section.type, 1);
    for (const row of section.rows) {
      state.push('tr_open', 'tr', 1);
      for (let c = 0; c < columns; c++) {
        const tag = section.type === 'thead' ? 'th' : 'td';
        const cell = state.push(`${tag}_open`, tag, 1);
        if (alignment[c] !== 'default') cell.attrSet('style', `text-align: ${alignment[c]!}`);
        const inline = state.push('inline', '', 0);
        // kramdown writes an empty cell as a no-break space.
        inline.content = row[c] || '\u00a0';
        inline.children = [];
        state.push(`${tag}_close`, tag, -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${section.type}_close`, section.type, -1);
  }
  state.push('table_close', 'table', -1);
  state.line = line;
  return true;
}

const IAL_LINE_RE = /^\{:(?![:/])((?:\\\}|[^}])+)\}\s*$/;
const ALD_LINE_RE = /^\{:([A-Za-z0-9_][\w-]*):((?:\\\}|[^}])+)\}\s*$/;

/**
 * A line holding only `{: …}`: attributes for the block right above (no blank line between) or
 * else for the block right below. `{:name: …}` defines an ALD instead. Resolved after parsing.
 */
function ial(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const text = lineText(state, startLine);
  const ald = ALD_LINE_RE.exec(text);
  const match = ald ? null : IAL_LINE_RE.exec(text);
  if (!ald && !match) return false;
  if (silent) return true;
  if (ald) {
    const alds = kramdownState(state.env).alds;
    alds.set(ald[1]!, parseAttributeList(ald[2]!, alds.get(ald[1]!)));
  } else {
    const last = state.tokens[state.tokens.length - 1];
    const adjacent = last !== undefined && last.nesting !== 1 && startLine > 0 && !state.isEmpty(startLine - 1);
    const lastTarget = last?.type === 'kd_ial' ? (last.meta as { target: string }).target : 'prev';
    const token = state.push('kd_ial', '', 0);
    token.map = [startLine, startLine + 1];
    token.hidden = true;
    // A blank line after the IAL drops it, unless a blank line came before it too (kramdown
    // then merges both blank lines into one element, which leaves the IAL waiting).
    const afterBlank = startLine > 0 && state.isEmpty(startLine - 1) && last !== undefined && last.nesting !== 1;
    token.meta = { list: parseAttributeList(match![1]!), target: adjacent && lastTarget === 'prev' ? 'prev' : 'next', afterBlank };
  }
  state.line = startLine + 1;
  return true;
}

const EXTENSION_START_RE = /^\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}\s*$/;

/**
 * kramdown's block extensions: `{::comment}…{:/comment}` becomes an HTML comment,
 * `{::nomarkdown}…{:/nomarkdown}` raw output, `{::options … /}` nothing but its `auto_ids`.
 * Other names, or a missing end tag, leave the lines as text.
 */
function extension(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const match = EXTENSION_START_RE.exec(lineText(state, startLine));
  if (!match || !['comment', 'nomarkdown', 'options'].includes(match[1]!)) return false;
  let line = startLine + 1;
  let body: string | null = null;
  if (!match[3]) {
    const stop = new RegExp(`^\\{:/(?:${match[1]!})?\\}\\s*$`);
    while (line < endLine && !(state.sCount[line]! - state.blkIndent <= 3 && stop.test(lineText(state, line)))) line++;
    if (line >= endLine) return false;
    body = containerText(state, startLine + 1, line).text.replace(/\n$/, '');
    line++;
  }
  if (silent) return true;
  if (match[1] === 'options') setAutoIds(state.env, match[2] ?? '');
  const type = /\btype=("|')(.*?)\1/.exec(match[2] ?? '')?.[2];
  if (body !== null && match[1] === 'comment') pushHtml(state, `<!-- ${body} -->`, startLine, line);
  else if (body !== null && match[1] === 'nomarkdown' && (!type || /\bhtml\b/.test(type))) pushHtml(state, body, startLine, line);
  state.line = line;
  return true;
}

/** `*[HTML]: Hyper Text Markup Language`, applied to the whole document after parsing. */
function abbreviationDefinition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const match = /^\*\[(.+?)\]:(.*)$/.exec(lineText(state, startLine));
  if (!match) return false;
  if (silent) return true;
  kramdownState(state.env).abbreviations.set(match[1]!, match[2]!.trim());
  state.line = startLine + 1;
  return true;
}

const FOOTNOTE_DEF_RE = /^\[\^([^\n\]]+)\]:(.*)$/;

/**
 * `[^name]: text` and the indented (or lazily continued) lines after it. The name must be ASCII
 * word characters; otherwise (`[^메모]: …`) kramdown reads the line as a link definition and
 * it disappears from the output, which this rule does too.
 */
function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const match = FOOTNOTE_DEF_RE.exec(lineText(state, startLine));
  if (!match) return false;
  const name = match[1]!;
  const isFootnote = /^[A-Za-z0-9_][\w-]*$/.test(name);
  if (!isFootnote && match[2]!.trim() === '') return false;
  if (silent) return true;
  if (!isFootnote) {
    state.line = startLine + 1;
    return true;
  }
  const lines = [match[2]!];
  let line = startLine + 1;
  // CODEBLOCK_MATCH: (blank lines, indented lines, then non-blank lazy lines)*.
  for (;;) {
    let probe = line;
    while (probe < endLine && state.isEmpty(probe)) probe++;
    if (probe >= endLine || state.sCount[probe]! - state.blkIndent < 4) break;
    for (; line < probe; line++) lines.push('');
    while (line < endLine && !state.isEmpty(line) && (state.sCount[line]! - state.blkIndent >= 4 || !isLazyEnd(state, line))) {
      lines.push(rawLine(state, line));
      line++;
    }
  }
  const source = `${lines.map((l) => l.replace(/^(?:\t| {4})/, '')).join('\n')}\n`;
  const tokens: Token[] = [];
  state.md.block.parse(source, state.md, state.env, tokens);
  kramdownState(state.env).footnotes.set(name, { tokens, source });
  state.line = line;
  return true;
}

/** A line that ends lazy continuation in kramdown: an IAL or an HTML block tag. */
function isLazyEnd(state: StateBlock, line: number): boolean {
  const text = lineText(state, line);
  if (IAL_LINE_RE.test(text) || /^\^\s*$/.test(text)) return true;
  if (text[0] !== '<') return false;
  const tag = parseStartTag(text, 0) ?? parseEndTag(text, 0);
  return tag !== null && !HTML_SPAN_ELEMENTS.has(tag.name.toLowerCase()) && tag.name.toLowerCase() !== 'script';
}

/** The line with the container's indentation removed. */
function rawLine(state: StateBlock, line: number): string {
  const start = state.bMarks[line]!;
  const text = state.src.slice(start, state.eMarks[line]);
  const indent = Math.min(state.blkIndent, state.tShift[line]!);
  return text.slice(indent);
}

/** The lines from `start` on, each without the container's indentation, joined by `\n`. */
function containerText(state: StateBlock, start: number, end: number): { text: string; lineStarts: number[] } {
  const lineStarts: number[] = [];
  let text = '';
  for (let line = start; line < end; line++) {
    lineStarts.push(text.length);
    text += `${rawLine(state, line)}\n`;
  }
  return { text, lineStarts };
}

/** The line (relative to the text's first) that holds offset `at`. */
function lineAt(lineStarts: readonly number[], at: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * HTML blocks as kramdown reads them: a comment, or a start tag of an element that is not a span
 * element. Its body is raw HTML up to the matching end tag (blank lines included), unless
 * `markdown="1"` (or `block`/`span`) asks for Markdown inside, which is parsed here too.
 */
function htmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  const text = lineText(state, startLine);
  if (text[0] !== '<') return false;
  if (text.startsWith('<!--')) return comment(state, startLine, endLine, silent);
  // An end tag here closes nothing: kramdown keeps it as paragraph text (the end tag of a
  // markdown="1" element is found by markdownBlockElement before its body is parsed).
  if (parseEndTag(text, 0)) return false;
  // Tags may span lines, so parse in the container's text from here; grow it until enough.
  let window = 8;
  for (;;) {
    const last = Math.min(endLine, startLine + window);
    const { text: region, lineStarts } = containerText(state, startLine, last);
    const indent = region.length - region.trimStart().length;
    const tag = parseStartTag(region, indent);
    if (!tag) {
      if (last < endLine && region.indexOf('>', indent) < 0) {
        window *= 4;
        continue;
      }
      return false;
    }
    if (HTML_SPAN_ELEMENTS.has(tag.name)) return false;
    if (silent) return true;
    const markdown = tag.attrs.find(([key]) => key === 'markdown')?.[1];
    const attrs = tag.attrs.filter(([key]) => key !== 'markdown');
    const model: ContentModel = markdown === '1' ? contentModelOf(tag.name) : markdown === 'block' ? 'block' : markdown === 'span' ? 'span' : 'raw';
    const open = serializeStartTag(tag.name, attrs, tag.closed && model === 'raw');
    if (tag.closed) {
      const tagLine = startLine + lineAt(lineStarts, tag.end - 1);
      pushHtml(state, open, startLine, tagLine + 1);
      pushRestOfLine(state, region.slice(tag.end, lineStarts[tagLine - startLine + 1] ?? region.length), tagLine);
      return true;
    }
    if (model === 'block') return markdownBlockElement(state, startLine, endLine, tag.name, open, tag.end, region, lineStarts);
    const body = model === 'span' ? spanBody(region, tag.end, tag.name) : scanRawHtmlBody(region, tag.end, region.length, tag.name);
    if (!body.found && last < endLine) {
      window *= 4;
      continue;
    }
    const endLineRel = lineAt(lineStarts, Math.max(tag.end, body.end - 1));
    const rest = region.slice(body.end, lineStarts[endLineRel + 1] ?? region.length);
    const close = `</${tag.name}>`;
    if (model === 'span') {
      pushHtml(state, open, startLine, startLine + endLineRel + 1).meta = { kdMarkdownHtml: 'open' };
      const inline = state.push('inline', '', 0);
      inline.content = body.html.trim();
      inline.map = [startLine, startLine + endLineRel + 1];
      inline.children = [];
      state.push('html_block', '', 0).content = `${close}\n`;
    } else {
      pushHtml(state, `${open}${body.html}${close}`, startLine, startLine + endLineRel + 1);
    }
    pushRestOfLine(state, rest, startLine + endLineRel);
    state.line = startLine + endLineRel + 1;
    return true;
  }
}

function pushHtml(state: StateBlock, html: string, startLine: number, nextLine: number): Token {
  const token = state.push('html_block', '', 0);
  token.content = `${html}\n`;
  token.map = [startLine, nextLine];
  state.line = nextLine;
  return token;
}

/** The body of a `markdown="span"` element, as source text up to its end tag. */
function spanBody(region: string, from: number, name: string): { html: string; end: number; found: boolean } {
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = from;
  const found = close.exec(region);
  if (!found) return { html: region.slice(from), end: region.length, found: false };
  return { html: region.slice(from, found.index), end: found.index + found[0].length, found: true };
}

/** A comment is kept as written; it does not end a paragraph (kramdown's LAZY_END needs a tag name). */
function comment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (silent) return false;
  let line = startLine;
  while (line < endLine && !state.src.slice(state.bMarks[line], state.eMarks[line]).includes('-->', line === startLine ? state.tShift[line]! + 4 : 0)) line++;
  if (line >= endLine) return false;
  const { text } = containerText(state, startLine, line + 1);
  const end = text.indexOf('-->', text.indexOf('<!--') + 4) + 3;
  pushHtml(state, text.slice(0, end).trim(), startLine, line + 1);
  pushRestOfLine(state, text.slice(end), line);
  return true;
}

/**
 * What follows an HTML block's end on its last line: kramdown goes on parsing blocks right there
 * (`<p>…</p><h3>…</h3>` is two HTML blocks; text becomes a paragraph).
 */
function pushRestOfLine(state: StateBlock, rest: string, line: number): void {
  if (rest.trim() === '') return;
  const tokens: Token[] = [];
  state.md.block.parse(rest.trim(), state.md, state.env, tokens);
  for (const token of tokens) {
    token.level += state.level;
    if (token.map) token.map = [line, line + 1];
    state.tokens.push(token);
  }
}

/**
 * An element whose body kramdown parses as blocks: the body runs to the first line that is the
 * element's end tag, skipping nested elements of the same name and fenced code.
 */
function markdownBlockElement(
  state: StateBlock,
  startLine: number,
  endLine: number,
  name: string,
  open: string,
  tagEnd: number,
  region: string,
  lineStarts: number[],
): boolean {
  const tagLine = startLine + lineAt(lineStarts, tagEnd - 1);
  const closeLine = findEndTagLine(state, tagLine + 1, endLine, name);
  const restOfTagLine = region.slice(tagEnd, lineStarts[tagLine - startLine + 1] ?? region.length).replace(/\n$/, '');
  pushHtml(state, open, startLine, tagLine + 1).meta = { kdMarkdownHtml: 'open' };
  const bodyEnd = closeLine ?? endLine;
  if (restOfTagLine.trim() !== '') {
    // Markdown right after the start tag, on its line: parse from there, as kramdown does.
    const offset = state.bMarks[tagLine]! + state.src.slice(state.bMarks[tagLine], state.eMarks[tagLine]).length - restOfTagLine.length;
    const saved = [state.bMarks[tagLine]!, state.tShift[tagLine]!, state.sCount[tagLine]!] as const;
    const shift = restOfTagLine.length - restOfTagLine.trimStart().length;
    state.bMarks[tagLine] = offset;
    state.tShift[tagLine] = shift;
    state.sCount[tagLine] = state.blkIndent + shift;
    state.md.block.tokenize(state, tagLine, bodyEnd);
    [state.bMarks[tagLine], state.tShift[tagLine], state.sCount[tagLine]] = saved;
  } else if (tagLine + 1 < bodyEnd) {
    state.md.block.tokenize(state, tagLine + 1, bodyEnd);
  }
  const close = state.push('html_block', '', 0);
  close.content = `</${name}>\n`;
  close.meta = { kdMarkdownHtml: 'close' };
  state.line = closeLine === null ? endLine : closeLine + 1;
  return true;
}

function findEndTagLine(state: StateBlock, from: number, endLine: number, name: string): number | null {
  const endTag = new RegExp(`^</${name}\\s*>`, 'i');
  const sameStart = new RegExp(`<${name}[\\s>/]`, 'gi');
  const sameEnd = new RegExp(`</${name}\\s*>`, 'gi');
  let depth = 0;
  let fence: string | null = null;
  for (let line = from; line < endLine; line++) {
    if (state.sCount[line]! - state.blkIndent > 3) continue;
    const text = lineText(state, line);
    if (fence !== null) {
      if (text.startsWith(fence) && text.slice(fence.length).replace(new RegExp(`^\\${fence[0]}*`), '').trim() === '') fence = null;
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(text);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    if (depth === 0 && endTag.test(text)) return line;
    depth += (text.match(sameStart)?.length ?? 0) - (text.match(sameEnd)?.length ?? 0);
    if (depth < 0) depth = 0;
  }
  return null;
}

const DEFINITION_START_RE = /^:[\t| ]/;

/**
 * Definition lists: each line of the paragraph right above (or one blank line above) is a term;
 * `: ` lines start definitions. A definition's first paragraph is bare unless a blank line
 * precedes its `:` line. A list right above is continued.
 */
function definitionList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent > 3) return false;
  if (!DEFINITION_START_RE.test(lineText(state, startLine))) return false;
  if (silent) return true;
  const tokens = state.tokens;
  const n = tokens.length;
  const para = tokens[n - 3];
  if (tokens[n - 1]?.type !== 'paragraph_close' || para?.type !== 'paragraph_open' || !para.map) return false;
  const gap = startLine - para.map[1];
  if (gap > 1 || (gap === 1 && state.src.slice(state.bMarks[startLine - 1], state.eMarks[startLine - 1]) !== '')) return false;
  const terms = tokens[n - 2]!.content.split('\n');
  tokens.length = n - 3;
  let firstAsPara = gap === 1;
  const previous = tokens[tokens.length - 1];
  if (previous?.type === 'dl_close') tokens.pop();
  else state.push('dl_open', 'dl', 1).map = [para.map[0], startLine];
  let termLine = para.map[0];
  for (const term of terms) {
    state.push('dt_open', 'dt', 1).map = [termLine, termLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = term.trim();
    inline.map = [termLine, termLine + 1];
    inline.children = [];
    state.push('dt_close', 'dt', -1);
    termLine++;
  }
  let line = startLine;
  while (line < endLine && DEFINITION_START_RE.test(lineText(state, line)) && state.sCount[line]! >= state.blkIndent) {
    line = definition(state, line, endLine, firstAsPara);
    firstAsPara = line > 0 && state.isEmpty(line - 1);
  }
  state.push('dl_close', 'dl', -1);
  state.line = line;
  return true;
}

/** One `: definition`, parsed as blocks like a list item's content; returns the next line. */
function definition(state: StateBlock, ddLine: number, endLine: number, firstAsPara: boolean): number {
  const open = state.push('dd_open', 'dd', 1);
  open.map = [ddLine, ddLine];
  const markerPos = state.bMarks[ddLine]! + state.tShift[ddLine]! + 1;
  let pos = markerPos;
  let offset = state.sCount[ddLine]! + 1;
  while (pos < state.eMarks[ddLine]!) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x09) offset += 4 - (offset % 4);
    else if (ch === 0x20) offset++;
    else break;
    pos++;
  }
  const saved = { blkIndent: state.blkIndent, tShift: state.tShift[ddLine]!, sCount: state.sCount[ddLine]!, tight: state.tight, parentType: state.parentType };
  state.blkIndent = offset;
  state.tShift[ddLine] = pos - state.bMarks[ddLine]!;
  state.sCount[ddLine] = offset;
  state.tight = true;
  state.parentType = 'deflist';
  const first = state.tokens.length;
  state.md.block.tokenize(state, ddLine, endLine);
  const firstChild = state.tokens[first];
  if (firstChild?.type === 'paragraph_open' && !firstAsPara) {
    firstChild.hidden = true;
    state.tokens[first + 2]!.hidden = true;
  }
  state.blkIndent = saved.blkIndent;
  state.tShift[ddLine] = saved.tShift;
  state.sCount[ddLine] = saved.sCount;
  state.tight = saved.tight;
  state.parentType = saved.parentType;
  state.push('dd_close', 'dd', -1);
  open.map[1] = state.line;
  return state.line;
}
