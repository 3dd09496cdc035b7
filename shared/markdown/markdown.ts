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

/**
 * Convert a post body (after Liquid) to the HTML Jekyll's kramdown would produce, with its
 * headings. `autoIds` is `_config.yml`'s `kramdown: auto_ids:` (default true).
 */
export function renderMarkdown(source: string, options: { input: MarkdownInput; autoIds?: boolean }): MarkdownResult {
  const md = engine(options.input);
  const env: Env = createEnv(options.input, options.autoIds);
  const tokens = md.parse(source, env);
  const ids = headingIdContext(kramdownState(env));
  assignHeadingIds(tokens, ids, false);
  let html = md.renderer.render(tokens, md.options, env);
  html += renderFootnotes(md, env, (footnoteTokens) => assignHeadingIds(footnoteTokens, ids, true));
  return { html, headings: headingsOf(html, md) };
}

const HEADING_RE = /<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;

/** Every `<h1>`–`<h6>` of the HTML, in order: level, id, and text with tags removed and entities decoded. */
function headingsOf(html: string, md: MarkdownIt): Heading[] {
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
