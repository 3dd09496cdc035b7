/**
 * Passes over markdown-it's tokens that turn CommonMark's block structure into kramdown's:
 * lazy list continuation, setext headings that kramdown does not accept, kramdown's rule for
 * which list items get `<p>`, task lists, block and span IALs, span HTML as kramdown re-writes
 * it, abbreviations, and heading ids.
 */
import type { StateCore, Token } from 'markdown-it';
import { applyAttributes, resolveAttributes, type AttributeList } from './kramdown-attributes';
import { headerContents } from './kramdown-blocks';
import { HTML_BLOCK_ELEMENTS, HTML_ELEMENTS_WITHOUT_BODY, endTagCloses, parseEndTag, parseStartTag, serializeStartTag } from './kramdown-html';
import type { KramdownState } from './kramdown-state';
import { gfmIdGenerator, kramdownIdGenerator, type HeadingIdGenerator } from './heading-ids';
import type { MarkdownInput } from './types';

type TokenClass = StateCore['Token'];

/** A block token with the blocks (or the inline token) inside it. */
interface BlockNode {
  open: Token;
  children: BlockNode[];
  close: Token | null;
}

function buildTree(tokens: readonly Token[]): BlockNode[] {
  const root: BlockNode[] = [];
  const stack: BlockNode[] = [];
  for (const token of tokens) {
    const siblings = stack.length > 0 ? stack[stack.length - 1]!.children : root;
    if (token.nesting === 1) {
      const node: BlockNode = { open: token, children: [], close: null };
      siblings.push(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      const node = stack.pop();
      if (node) node.close = token;
    } else {
      siblings.push({ open: token, children: [], close: null });
    }
  }
  return root;
}

function flatten(nodes: readonly BlockNode[], level: number, out: Token[]): Token[] {
  for (const node of nodes) {
    node.open.level = level;
    out.push(node.open);
    flatten(node.children, level + 1, out);
    if (node.close) {
      node.close.level = level;
      out.push(node.close);
    }
  }
  return out;
}

/** Line access for one source text, to tell blank lines from others. */
class Lines {
  private starts: number[] | null = null;
  constructor(private readonly src: string) {}

  text(line: number): string {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.src.indexOf('\n'); i >= 0; i = this.src.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    const start = this.starts[line];
    if (start === undefined) return '';
    const end = this.starts[line + 1];
    return this.src.slice(start, end === undefined ? undefined : end - 1);
  }

  /** Blank, or only blockquote markers (a blank line inside a blockquote). */
  isBlank(line: number): boolean {
    return /^[\s>]*$/.test(this.text(line));
  }
}

const isList = (node: BlockNode | undefined): boolean => node?.open.type === 'bullet_list_open' || node?.open.type === 'ordered_list_open';
const isParagraph = (node: BlockNode | undefined): boolean => node?.open.type === 'paragraph_open';
const startOf = (node: BlockNode | undefined): number | undefined => node?.open.map?.[0];
const endOf = (node: BlockNode | undefined): number | undefined => node?.open.map?.[1];
const last = <T>(items: readonly T[]): T | undefined => items[items.length - 1];
const inlineOf = (node: BlockNode): Token | undefined => node.children[0]?.open;
const isMarkdownHtmlOpen = (node: BlockNode | undefined): boolean => (node?.open.meta as { kdMarkdownHtml?: string } | null)?.kdMarkdownHtml === 'open';

/**
 * The block passes, before inline parsing: `tokens` were parsed from `src`. Returns the new
 * token list (levels recomputed).
 */
export function fixBlocks(tokens: readonly Token[], src: string, state: KramdownState, TokenCtor: TokenClass): Token[] {
  if (!tokens.some(needsFixing)) return [...tokens];
  const lines = new Lines(src);
  const tree = buildTree(tokens);
  // Lazy continuation moves blocks into deeper lists, so it runs over the whole tree first.
  visit(tree, (nodes) => lazyContinuation(nodes, lines));
  const gfm = state.input === 'GFM';
  visit(tree, (nodes) => {
    setextHeadings(nodes, lines, TokenCtor);
    for (const node of nodes) {
      if (!isList(node)) continue;
      listParagraphs(node);
      if (gfm) taskList(node);
    }
    blockIals(nodes, state.alds);
  });
  return flatten(tree, 0, []);
}

/** Whether a token asks for one of the block passes. */
function needsFixing(token: Token): boolean {
  switch (token.type) {
    case 'bullet_list_open':
    case 'ordered_list_open':
    case 'blockquote_open':
    case 'code_block':
    case 'kd_ial':
      return true;
    case 'heading_open':
      return token.markup === '=' || token.markup === '-';
    default:
      return false;
  }
}

/** Call `fn` on every sibling list, deepest first. */
function visit(nodes: BlockNode[], fn: (nodes: BlockNode[]) => void): void {
  for (const node of nodes) if (node.children.length > 0 && node.open.type !== 'inline') visit(node.children, fn);
  fn(nodes);
}

/**
 * kramdown takes every non-blank line after a list item, a blockquote or an indented code block
 * into it (`lazy_re`, BLOCKQUOTE_MATCH, CODEBLOCK_MATCH), whatever the line is: `- item\n## Heading`
 * puts the heading inside the `<li>`. Blocks that markdown-it started after such a block, with no
 * blank line between, move into it. A list also continues with any later list of its kind.
 */
function lazyContinuation(nodes: BlockNode[], lines: Lines): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const type = node.open.type;
    if (!isList(node) && type !== 'blockquote_open' && type !== 'code_block') continue;
    while (i + 1 < nodes.length) {
      const next = nodes[i + 1]!;
      if (isList(node) && isList(next) && next.open.type === type) {
        node.children.push(...next.children);
        node.open.map![1] = endOf(next) ?? endOf(node)!;
        nodes.splice(i + 1, 1);
        continue;
      }
      const end = endOf(node);
      if (type === 'code_block' && next.open.type === 'code_block' && end !== undefined && startOf(next) !== undefined) {
        // Split only by the lazy lines taken above: kramdown's code block goes on after blank lines.
        node.open.content += `${'\n'.repeat(startOf(next)! - end)}${next.open.content}`;
        node.open.map![1] = endOf(next) ?? end;
        nodes.splice(i + 1, 1);
        continue;
      }
      if (end === undefined || end === 0 || startOf(next) !== end || lines.isBlank(end - 1)) break;
      if (next.open.type === 'html_block' || next.open.type === 'kd_ial') break;
      nodes.splice(i + 1, 1);
      if (type === 'code_block') {
        // CODEBLOCK_MATCH's lazy lines, each joined to the line above with a space.
        const [from, to] = next.open.map!;
        let joined = node.open.content.replace(/\n$/, '');
        for (let l = from; l < to; l++) joined += ` ${lines.text(l).replace(/^\t/, '')}`;
        node.open.content = `${joined}\n`;
      } else {
        appendLazy(lazyTarget(node), next, lines);
      }
      node.open.map![1] = endOf(next) ?? end;
    }
  }
}

/** Where lazy lines after `node` end up: the last item of a list, or the blockquote, then deeper. */
function lazyTarget(node: BlockNode): BlockNode {
  let target = isList(node) ? last(node.children)! : node;
  for (;;) {
    const inner = last(target.children);
    if (isList(inner)) target = last(inner!.children)!;
    else if (inner?.open.type === 'blockquote_open') target = inner;
    else return target;
  }
}

function appendLazy(container: BlockNode, block: BlockNode, lines: Lines): void {
  const para = last(container.children);
  if (block.open.type === 'hr' && para && isParagraph(para) && block.open.map) {
    // A lazy `---` under the text: kramdown reads the two lines together, as a setext heading
    // when the text is one line at a block boundary, else as text ending in a dash.
    const inline = inlineOf(para)!;
    const underline = lines.text(block.open.map[0]).replace(/^[\s>]*/, '').trim();
    const first = container.children.length === 1 || (startOf(para) !== undefined && lines.isBlank(startOf(para)! - 1));
    if (/^-+$/.test(underline) && !inline.content.includes('\n') && first) {
      toHeading(para, 2, '-');
    } else {
      inline.content += `\n${underline}`;
    }
    para.open.map![1] = endOf(block)!;
    return;
  }
  if (isParagraph(block) && para && isParagraph(para)) {
    // kramdown joins a paragraph to the one right before it.
    inlineOf(para)!.content += `\n${inlineOf(block)!.content}`;
    para.open.map![1] = endOf(block)!;
    return;
  }
  container.children.push(block);
}

function toHeading(node: BlockNode, level: number, markup: string): void {
  const inline = inlineOf(node)!;
  const { text, id } = headerContents(inline.content);
  inline.content = text;
  for (const token of [node.open, node.close!]) {
    token.type = token.nesting === 1 ? 'heading_open' : 'heading_close';
    token.tag = `h${level}`;
    token.markup = markup;
    token.hidden = false;
  }
  if (id !== null) {
    node.open.attrSet('id', id);
    node.open.meta = { ...node.open.meta, explicitId: true };
  }
}

function toParagraph(node: BlockNode): void {
  for (const token of [node.open, node.close!]) {
    token.type = token.nesting === 1 ? 'paragraph_open' : 'paragraph_close';
    token.tag = 'p';
    token.markup = '';
  }
}

/**
 * kramdown accepts a setext heading only for one line of text at a block boundary (after a blank
 * line, at the start of a container, or after an IAL). Otherwise the underline is paragraph
 * text: `Line one\nLine two\n---` is one paragraph ending in an em dash.
 */
function setextHeadings(nodes: BlockNode[], lines: Lines, TokenCtor: TokenClass): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isParagraph(node)) {
      lazySetextHeading(nodes, i, lines, TokenCtor);
      continue;
    }
    if (node.open.type !== 'heading_open' || (node.open.markup !== '=' && node.open.markup !== '-') || !node.open.map) continue;
    const inline = inlineOf(node)!;
    const [start, end] = node.open.map;
    const prev = nodes[i - 1];
    const boundary =
      i === 0 || isMarkdownHtmlOpen(prev) || lines.isBlank(start - 1) || (prev?.open.type === 'kd_ial' && (prev.open.meta as { target: string }).target === 'next');
    if (!inline.content.includes('\n') && boundary) {
      toHeading(node, node.open.tag === 'h1' ? 1 : 2, node.open.markup);
      continue;
    }
    toParagraph(node);
    inline.content += `\n${lines.text(end - 1).trim()}`;
    const next = nodes[i + 1];
    if (next && isParagraph(next) && startOf(next) === end) {
      inline.content += `\n${inlineOf(next)!.content}`;
      node.open.map[1] = endOf(next)!;
      nodes.splice(i + 1, 1);
    }
  }
}

/**
 * A list item's first line with a lazy `---` or `===` under it (markdown-it reads both as text
 * of the item's paragraph): kramdown parses the item's lines on their own, so they are a setext
 * heading, and the lines after the underline a new paragraph.
 */
function lazySetextHeading(nodes: BlockNode[], i: number, lines: Lines, TokenCtor: TokenClass): void {
  const node = nodes[i]!;
  const inline = inlineOf(node);
  if (!inline || !node.open.map) return;
  const newline = inline.content.indexOf('\n');
  if (newline < 0 || !/^(?:-+|=+)[ \t]*(?:\n|$)/.test(inline.content.slice(newline + 1, newline + 200))) return;
  if (!(i === 0 || lines.isBlank(node.open.map[0] - 1))) return;
  const [first, underline, ...rest] = inline.content.split('\n') as [string, string, ...string[]];
  const start = node.open.map[0];
  inline.content = first;
  toHeading(node, underline.startsWith('=') ? 1 : 2, underline[0]!);
  node.open.map = [start, start + 2];
  if (rest.length === 0) return;
  const open = new TokenCtor('paragraph_open', 'p', 1);
  open.block = true;
  open.map = [start + 2, start + 2 + rest.length];
  const body = new TokenCtor('inline', '', 0);
  body.content = rest.join('\n');
  body.map = open.map;
  body.children = [];
  const close = new TokenCtor('paragraph_close', 'p', -1);
  close.block = true;
  nodes.splice(i + 1, 0, { open, children: [{ open: body, children: [], close: null }], close });
}

/**
 * kramdown's rule for `<li><p>` (`parser/kramdown/list.rb`): an item's first paragraph is bare
 * unless a blank line follows it inside the item; the last item keeps `<p>` when every earlier
 * item had one. Later paragraphs always keep theirs.
 */
function listParagraphs(list: BlockNode): void {
  const items = list.children;
  const bare = items.map(() => false);
  items.forEach((item, index) => {
    const first = item.children[0];
    if (!first || !isParagraph(first)) return;
    const isLast = index === items.length - 1;
    const following = item.children[1] ?? items[index + 1];
    const blankAfter = following !== undefined && startOf(following) !== undefined && endOf(first) !== undefined && startOf(following)! > endOf(first)!;
    const firstCondition = !blankAfter || (isLast && item.children.length === 1);
    const secondCondition =
      !isLast || items.length === 1 || items.slice(0, -1).some((other, i) => !other.children[0] || !isParagraph(other.children[0]) || bare[i]);
    bare[index] = firstCondition && secondCondition;
  });
  items.forEach((item, index) => {
    item.children.forEach((child, position) => {
      if (!isParagraph(child)) return;
      const hidden = position === 0 && bare[index]!;
      child.open.hidden = hidden;
      child.close!.hidden = hidden;
    });
  });
}

/**
 * kramdown-parser-gfm's task lists: `[ ] ` or `[x] ` starting an item's first paragraph. Once an
 * item is a task, it and every later item of the list get `task-list-item` (the GFM parser's
 * flag is never reset), and the list gets `task-list`.
 */
function taskList(list: BlockNode): void {
  let isTaskList = false;
  for (const item of list.children) {
    const first = item.children[0];
    if (!first || !isParagraph(first)) continue;
    const inline = inlineOf(first)!;
    const match = /^\s*\[([ xX])\]\s+/.exec(inline.content);
    if (match) {
      inline.content = inline.content.slice(match[0].length);
      inline.meta = { ...inline.meta, kdTask: match[1] === ' ' ? 'unchecked' : 'checked' };
      isTaskList = true;
    }
    if (isTaskList) applyAttributes(item.open, [['class', 'task-list-item']]);
  }
  if (isTaskList) applyAttributes(list.open, [['class', 'task-list']]);
}

/** Block IALs: attributes for the block above (adjacent) or below (adjacent); the markers go. */
function blockIals(nodes: BlockNode[], alds: ReadonlyMap<string, AttributeList>): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.open.type !== 'kd_ial') continue;
    const { list, target, afterBlank } = node.open.meta as { list: AttributeList; target: 'prev' | 'next'; afterBlank: boolean };
    let to: BlockNode | undefined;
    if (target === 'prev') {
      for (let j = i - 1; j >= 0 && !to; j--) if (nodes[j]!.open.type !== 'kd_ial') to = nodes[j];
    } else {
      // Several IAL lines in a row all wait for the same block.
      let j = i;
      while (nodes[j + 1]?.open.type === 'kd_ial' && startOf(nodes[j + 1]) === endOf(nodes[j])) j++;
      const next = nodes[j + 1];
      if (next && (afterBlank || startOf(next) === endOf(nodes[j]))) to = next;
    }
    if (to && to.open.type !== 'html_block') {
      const attrs = resolveAttributes(list, alds);
      applyAttributes(to.open, attrs);
      if (to.open.type === 'heading_open' && attrs.some(([key]) => key === 'id')) to.open.meta = { ...to.open.meta, explicitId: true };
    }
  }
  for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i]!.open.type === 'kd_ial') nodes.splice(i, 1);
}

/**
 * The inline passes, after inline parsing: task checkboxes, span IALs, span HTML as kramdown
 * writes it, abbreviations.
 */
export function fixInlines(tokens: readonly Token[], state: KramdownState, TokenCtor: TokenClass): void {
  const abbreviations = abbreviationMatcher(state.abbreviations);
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    const task = (token.meta as { kdTask?: string } | null)?.kdTask;
    if (task) {
      const box = new TokenCtor('html_inline', '', 0);
      box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${task === 'checked' ? ' checked="checked"' : ''} />`;
      token.children.unshift(box);
    }
    strongOutside(token.children);
    spanIals(token.children, state.alds);
    token.children = spanHtml(token.children, TokenCtor);
    if (abbreviations) token.children = abbreviate(token.children, abbreviations, state.abbreviations, TokenCtor);
  }
}

/** `***x***`: kramdown nests `<em>` in `<strong>`, markdown-it the other way round. */
function strongOutside(children: Token[]): void {
  // markdown-it leaves empty text tokens where the delimiters were.
  const nextIndex = (from: number) => {
    let k = from;
    while (k < children.length && children[k]!.type === 'text' && children[k]!.content === '') k++;
    return k;
  };
  for (let i = 0; i < children.length; i++) {
    const em = children[i]!;
    if (em.type !== 'em_open') continue;
    const s = nextIndex(i + 1);
    const strong = children[s];
    if (strong?.type !== 'strong_open') continue;
    let depth = 0;
    let j = s;
    for (; j < children.length; j++) {
      depth += children[j]!.nesting;
      if (depth === 0) break;
    }
    const strongClose = children[j];
    const emClose = children[nextIndex(j + 1)];
    if (strongClose?.type !== 'strong_close' || emClose?.type !== 'em_close') continue;
    for (const [a, b] of [[em, strong], [emClose, strongClose]] as const) {
      [a.type, b.type] = [b.type, a.type];
      [a.tag, b.tag] = [b.tag, a.tag];
      [a.markup, b.markup] = [b.markup, a.markup];
    }
  }
}

function spanIals(children: Token[], alds: ReadonlyMap<string, AttributeList>): void {
  for (let i = 0; i < children.length; i++) {
    const token = children[i]!;
    if (token.type !== 'kd_span_ial') continue;
    const prev = children[i - 1];
    let target: Token | undefined;
    if (prev && prev.nesting === -1) {
      let depth = 0;
      for (let j = i - 1; j >= 0; j--) {
        depth += children[j]!.nesting;
        if (depth === 0) {
          target = children[j];
          break;
        }
      }
    } else if (prev && prev.nesting === 0 && prev.type !== 'text' && prev.type !== 'softbreak') {
      target = prev;
    }
    if (target) {
      applyAttributes(target, resolveAttributes((token.meta as { list: AttributeList }).list, alds));
      token.type = 'kd_removed';
    } else {
      token.type = 'text';
    }
  }
}

/**
 * Span HTML as kramdown re-writes it: attributes double-quoted, void elements as `<br />`;
 * block-level tags, end tags that close nothing, and tags kramdown's syntax does not accept stay
 * text; elements left open are closed at the end of the paragraph.
 */
function spanHtml(children: Token[], TokenCtor: TokenClass): Token[] {
  const open: string[] = [];
  for (const token of children) {
    if (token.type !== 'html_inline' || (token.meta as { kdNormalized?: boolean } | null)?.kdNormalized) continue;
    const html = token.content;
    if (html.startsWith('<!') || html.startsWith('<?')) continue;
    if (html.startsWith('</')) {
      const end = parseEndTag(html, 0);
      if (end && end.end === html.length && open.length > 0 && endTagCloses(open[open.length - 1]!, end.name)) {
        token.content = `</${open.pop()!}>`;
      } else {
        token.type = 'text';
      }
      continue;
    }
    const tag = parseStartTag(html, 0);
    if (!tag || tag.end !== html.length || HTML_BLOCK_ELEMENTS.has(tag.name)) {
      token.type = 'text';
      continue;
    }
    const attrs = tag.attrs.filter(([key]) => key !== 'markdown').map(([key, value]): [string, string] => [key, value.replace(/\n+/g, ' ')]);
    if (tag.closed) {
      token.content = HTML_ELEMENTS_WITHOUT_BODY.has(tag.name)
        ? serializeStartTag(tag.name, attrs, true)
        : `${serializeStartTag(tag.name, attrs, false)}</${tag.name}>`;
    } else {
      token.content = serializeStartTag(tag.name, attrs, false);
      open.push(tag.name);
    }
  }
  if (open.length === 0) return children;
  const out = [...children];
  while (open.length > 0) {
    const close = new TokenCtor('html_inline', '', 0);
    close.content = `</${open.pop()!}>`;
    out.push(close);
  }
  return out;
}

function abbreviationMatcher(abbreviations: ReadonlyMap<string, string>): RegExp | null {
  if (abbreviations.size === 0) return null;
  const keys = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map((key) => key.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  // kramdown: preceded by a non-word character or a line start, not followed by a word character.
  return new RegExp(`(?<![A-Za-z0-9_])(?:${keys.join('|')})(?![A-Za-z0-9_])`, 'g');
}

function abbreviate(children: Token[], re: RegExp, titles: ReadonlyMap<string, string>, TokenCtor: TokenClass): Token[] {
  const out: Token[] = [];
  for (const token of children) {
    if (token.type !== 'text') {
      out.push(token);
      continue;
    }
    let at = 0;
    re.lastIndex = 0;
    for (const match of token.content.matchAll(re)) {
      if (match.index > at) out.push(textToken(TokenCtor, token.content.slice(at, match.index)));
      const abbr = new TokenCtor('kd_abbr', 'abbr', 0);
      abbr.content = match[0];
      abbr.meta = { title: titles.get(match[0]) ?? '' };
      out.push(abbr);
      at = match.index + match[0].length;
    }
    if (at === 0) out.push(token);
    else if (at < token.content.length) out.push(textToken(TokenCtor, token.content.slice(at)));
  }
  return out;
}

function textToken(TokenCtor: TokenClass, content: string): Token {
  const token = new TokenCtor('text', '', 0);
  token.content = content;
  return token;
}

/** The id generators of one document. */
export interface HeadingIdContext {
  input: MarkdownInput;
  /** kramdown's `auto_ids` as the parsed document leaves it; false gives no automatic ids at all. */
  auto: boolean;
  /** Algorithm A, kramdown-parser-gfm's counter. */
  gfm: HeadingIdGenerator;
  /** Algorithm B, the converter's counter (shared by every heading the GFM pass skips). */
  kramdown: HeadingIdGenerator;
}

/** Fresh id counters for a document whose parsing is done (so its `{::options}` are known). */
export function headingIdContext(state: KramdownState): HeadingIdContext {
  return { input: state.input, auto: state.autoIds, gfm: gfmIdGenerator(), kramdown: kramdownIdGenerator() };
}

/**
 * Give every heading without an explicit id its automatic id, unless `auto_ids` is off. `inFootnote` marks a footnote's
 * tokens: the GFM pass never visits those, so they get algorithm B, like headings inside
 * `markdown="1"` HTML elements.
 */
export function assignHeadingIds(tokens: readonly Token[], ctx: HeadingIdContext, inFootnote: boolean): void {
  if (!ctx.auto) return;
  let htmlDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const html = (token.meta as { kdMarkdownHtml?: string } | null)?.kdMarkdownHtml;
    if (html === 'open') htmlDepth++;
    else if (html === 'close') htmlDepth--;
    if (token.type !== 'heading_open' || token.attrGet('id') !== null) continue;
    const inline = tokens[i + 1];
    if (!inline) continue;
    let id: string;
    if (ctx.input === 'kramdown') id = ctx.kramdown(inline.content);
    else if (htmlDepth > 0 || inFootnote) id = ctx.kramdown(headingRawText(inline.children ?? []));
    else id = ctx.gfm(headingRawText(inline.children ?? []));
    if (id !== '') token.attrSet('id', id);
  }
}

/**
 * kramdown-parser-gfm's `update_raw_text`: text, code spans and math as written, entities, smart
 * quotes and typographic symbols as characters; footnote markers, images and tags contribute
 * nothing.
 */
function headingRawText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'kd_math_inline':
      case 'kd_abbr':
        text += child.content;
        break;
      case 'kd_sym':
        text += (child.meta as { idText?: string } | null)?.idText ?? child.content;
        break;
      case 'html_inline':
        text += (child.meta as { text?: string } | null)?.text ?? '';
        break;
      case 'softbreak':
        text += '\n';
        break;
      default:
        break;
    }
  }
  return text;
}
