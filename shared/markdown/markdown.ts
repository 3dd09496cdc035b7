/**
 * Markdown → HTML as Jekyll 4.3 converts a post: kramdown 2.4 with its GFM parser (Jekyll's
 * default: `hard_wrap: false`, `auto_ids: true`, smart quotes, Rouge, MathJax), or kramdown's own
 * syntax with `kramdown: {input: kramdown}`. Built on markdown-it, with rules that reproduce
 * kramdown's blocks, spans and HTML (the kramdown-*.ts files; JEKYLL-RULES.md §9–10).
 *
 * Checked against `jekyll build` by tests/oracle/markdown-vs-jekyll.test.ts, which compares the
 * whole HTML of every fixture post. Matching exactly: heading ids (algorithms A and B, `{#id}`,
 * IAL ids) and the headings list, footnotes (markers, numbering, section, back links, `[^메모]`
 * left as text), tables (kramdown's syntax: no header needed, footers, several bodies), definition
 * lists, abbreviations (also before Korean particles), task lists, `<del>`, smart quotes and
 * typographic symbols, `$$` math, code block wrappers and classes (plaintext default, plain
 * `<pre><code>` for languages Rouge lacks), block and span IALs and ALDs, raw HTML re-written as
 * kramdown writes it (`<br />`, double quotes), `markdown="1"`, `{::comment}`/`{::nomarkdown}`,
 * `<li><p>` and the block quirks of §9: a list item, blockquote or indented code block takes the
 * lines after it up to a blank line (`- item\n## Heading` nests the heading), a setext underline
 * under a second line is text, `#No space` is text in GFM.
 *
 * Known differences:
 * - Rouge's token `<span>`s are not written: code is escaped, not highlighted.
 * - Of `{::options … /}` and `_config.yml`'s `kramdown:` settings only `auto_ids` is applied.
 * - Emphasis follows CommonMark's delimiter rules, which differ from kramdown's in edge cases
 *   (`_a _b_ c_`); kramdown's `[text] [ref]` (a space before the reference) is not a link.
 * - Lazy lines are emulated by moving blocks markdown-it has already parsed, so a construct that
 *   depends on where kramdown's item or quote ends differs, e.g. a list inside a quote followed
 *   by a blank line and indented text, or a fence in a list item split by a blank line.
 *
 * The output is as unsafe as Jekyll's (raw HTML and any link scheme pass through): sanitize it
 * before showing it.
 */
import markdownIt from 'markdown-it';
import type { Env, MarkdownIt, StateCore, Token } from 'markdown-it';
import { useKramdownBlocks } from './kramdown-blocks';
import { useKramdownInline } from './kramdown-inline';
import { renderFootnotes, useKramdownRenderer } from './kramdown-render';
import { createEnv, kramdownState } from './kramdown-state';
import type { AttributeList } from './kramdown-attributes';
import { assignHeadingIds, fixBlocks, fixInlines, headingIdContext } from './kramdown-tree';
import type { Heading, MarkdownInput, MarkdownResult } from './types';

const engines = new Map<MarkdownInput, MarkdownIt>();

function engine(input: MarkdownInput): MarkdownIt {
  const existing = engines.get(input);
  if (existing) return existing;
  const md = markdownIt({ html: true, xhtmlOut: true, breaks: false, linkify: false, typographer: false });
  // kramdown writes link targets as given: no percent-encoding, no scheme filter.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;
  useKramdownBlocks(md, input);
  useKramdownInline(md, input);
  md.core.ruler.after('block', 'kd_blocks', (state: StateCore) => {
    const kd = kramdownState(state.env);
    state.tokens = fixBlocks(state.tokens, state.src, kd, state.Token);
    for (const footnote of kd.footnotes.values()) footnote.tokens = fixBlocks(footnote.tokens, footnote.source, kd, state.Token);
  });
  md.core.ruler.after('text_join', 'kd_inlines', (state: StateCore) => {
    const kd = kramdownState(state.env);
    for (const footnote of kd.footnotes.values()) {
      for (const token of footnote.tokens) {
        if (token.type === 'inline') {
          token.children = [];
          state.md.inline.parse(token.content, state.md, state.env, token.children);
        }
      }
      joinText(footnote.tokens);
      fixInlines(footnote.tokens, kd, state.Token);
    }
    fixInlines(state.tokens, kd, state.Token);
  });
  useKramdownRenderer(md);
  engines.set(input, md);
  return md;
}

/** markdown-it's `text_join` for token lists the core chain does not see (footnotes). */
function joinText(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    const joined: Token[] = [];
    for (const child of token.children) {
      if (child.type === 'text_special') child.type = 'text';
      const prev = joined[joined.length - 1];
      if (child.type === 'text' && prev?.type === 'text') prev.content += child.content;
      else joined.push(child);
    }
    token.children = joined;
  }
}

/** How Jekyll's `_config.yml` sets kramdown up: the parser, and `auto_ids` (default true). */
export interface MarkdownOptions {
  input: MarkdownInput;
  autoIds?: boolean;
}

/** Convert a post body (after Liquid) to the HTML Jekyll's kramdown would produce, with its headings. */
export function renderMarkdown(source: string, options: MarkdownOptions): MarkdownResult {
  const { html, headings } = renderMarkdownPieces(source, options, []);
  return { html, headings };
}

/** What a document defines for all of it while parsing: a piece rendered alone needs them. */
export interface MarkdownDefinitions {
  references: NonNullable<Env['references']>;
  abbreviations: ReadonlyMap<string, string>;
  alds: ReadonlyMap<string, AttributeList>;
}

/** A whole render cut into pieces: `pieces[k]` is the HTML of the blocks from line `cuts[k]` on, `footnotes` the section after them. */
export interface MarkdownPieces extends MarkdownResult {
  /** Null when the blocks do not line up with the cuts (a block that spans one): only `html` is whole. */
  pieces: string[] | null;
  footnotes: string;
  definitions: MarkdownDefinitions;
}

/**
 * renderMarkdown, with the HTML of each piece that starts at one of `cutLines` (0-based lines in
 * increasing order, the first 0; see splitBlocks). The pieces joined, then `footnotes`, are `html`.
 */
export function renderMarkdownPieces(source: string, options: MarkdownOptions, cutLines: readonly number[]): MarkdownPieces {
  const md = engine(options.input);
  const env: Env = createEnv(options.input, options.autoIds);
  const tokens = md.parse(source, env);
  const ids = headingIdContext(kramdownState(env));
  assignHeadingIds(tokens, ids, false);
  const starts = cutLines.length > 0 ? pieceStarts(tokens, cutLines) : null;
  const { html: body, offsets } = renderAt(md, tokens, env, starts ?? []);
  const footnotes = renderFootnotes(md, env, (footnoteTokens) => assignHeadingIds(footnoteTokens, ids, true));
  const html = body + footnotes;
  const pieces = starts ? offsets.map((start, k) => body.slice(start, offsets[k + 1] ?? body.length)) : null;
  const kd = kramdownState(env);
  const definitions: MarkdownDefinitions = { references: env.references ?? {}, abbreviations: kd.abbreviations, alds: kd.alds };
  return { html, headings: headingsOf(html), pieces, footnotes, definitions };
}

/**
 * Render one piece of a document on its own (a piece isSelfContained says needs nothing else),
 * with the definitions the whole document made: the HTML the piece has in the whole render.
 */
export function renderMarkdownPiece(source: string, options: MarkdownOptions, definitions: MarkdownDefinitions): string {
  const md = engine(options.input);
  const env: Env = createEnv(options.input, options.autoIds);
  env.references = { ...definitions.references };
  const kd = kramdownState(env);
  for (const [name, title] of definitions.abbreviations) kd.abbreviations.set(name, title);
  for (const [name, list] of definitions.alds) kd.alds.set(name, list);
  return md.renderer.render(md.parse(source, env), md.options, env);
}

/**
 * The index of the first token of each piece, or null when a top-level block starts before its
 * piece or runs past the next cut (the emulation moved lines between blocks across a cut).
 */
function pieceStarts(tokens: readonly Token[], cutLines: readonly number[]): number[] | null {
  const starts = [0];
  let piece = 0;
  // Depth from the nesting itself: tokens the emulation makes keep markdown-it's default level 0.
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const top = depth === 0 && token.nesting !== -1;
    depth += token.nesting;
    if (!top) continue;
    if (!token.map) return null;
    while (piece + 1 < cutLines.length && cutLines[piece + 1]! <= token.map[0]) {
      piece++;
      starts.push(i);
    }
    if (token.map[0] < cutLines[piece]! || (piece + 1 < cutLines.length && token.map[1] > cutLines[piece + 1]!)) return null;
  }
  while (starts.length < cutLines.length) starts.push(tokens.length);
  return starts;
}

/** markdown-it's Renderer.render, also noting where in the HTML each token of `starts` begins. */
function renderAt(md: MarkdownIt, tokens: readonly Token[], env: Env, starts: readonly number[]): { html: string; offsets: number[] } {
  const renderer = md.renderer;
  const rules = renderer.rules;
  const offsets: number[] = [];
  let next = 0;
  let html = '';
  const list = tokens as Token[];
  for (let i = 0; i < list.length; i++) {
    while (next < starts.length && starts[next] === i) {
      offsets.push(html.length);
      next++;
    }
    const token = list[i]!;
    const rule = rules[token.type];
    if (token.type === 'inline') html += renderer.renderInline(token.children ?? [], md.options, env);
    else if (rule) html += rule(list, i, md.options, env, renderer);
    else html += renderer.renderToken(list, i, md.options);
  }
  while (offsets.length < starts.length) offsets.push(html.length);
  return { html, offsets };
}

const HEADING_RE = /<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;

/** Every `<h1>`–`<h6>` of the HTML, in order: level, id, and text with tags removed and entities decoded. */
export function headingsOf(html: string): Heading[] {
  const md = engine('GFM');
  const decode = (text: string) => md.utils.unescapeAll(text.replace(/\\/g, '\\\\'));
  const withoutComments = html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html;
  const headings: Heading[] = [];
  for (const match of withoutComments.matchAll(HEADING_RE)) {
    const id = /\sid="([^"]*)"/.exec(match[2] ?? '')?.[1];
    headings.push({
      level: Number(match[1]),
      id: id === undefined ? null : decode(id),
      text: decode(match[3]!.replace(/<[^>]*>/g, '')).replace(/[ \t\n\f\r]+/g, ' ').trim(),
    });
  }
  return headings;
}
