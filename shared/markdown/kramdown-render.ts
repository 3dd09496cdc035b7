/**
 * Renderer rules that write what kramdown 2.4's HTML converter writes under Jekyll 4.3: Rouge's
 * code block wrappers (without Rouge's token spans), `<del>`, math for MathJax, footnotes with
 * their markup and section, abbreviations, text escaped as kramdown escapes it.
 */
import type { Env, MarkdownIt, RendererRule, StateCore, Token } from 'markdown-it';
import { escapeAll, escapeAttribute, escapeText } from './kramdown-html';
import { kramdownState, type FootnoteUse } from './kramdown-state';
import { ROUGE_LANGUAGES } from './rouge-languages';

/** Install the renderer rules on `md`. */
export function useKramdownRenderer(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const text: RendererRule = (tokens, idx) => escapeText(tokens[idx]!.content);
  rules.text = text;
  rules.kd_sym = text;
  rules.kd_removed = () => '';
  rules.kd_ial = () => '';
  rules.kd_span_ial = () => '';
  rules.s_open = () => '<del>';
  rules.s_close = () => '</del>';
  rules.code_inline = (tokens, idx) => {
    const token = tokens[idx]!;
    return `<code${attributes(highlighterClass(token.attrs ?? [], 'plaintext'))}>${escapeAll(token.content)}</code>`;
  };
  rules.fence = (tokens, idx) => {
    const token = tokens[idx]!;
    const lang = token.info.trim().split(/\s+/)[0] || null;
    return codeBlock(token.content, lang, token.attrs ?? []);
  };
  rules.code_block = (tokens, idx) => codeBlock(tokens[idx]!.content, null, tokens[idx]!.attrs ?? []);
  rules.ordered_list_open = (tokens, idx, options, _env, self) => {
    // kramdown ignores the number an ordered list starts with.
    const token = tokens[idx]!;
    token.attrs = token.attrs?.filter(([key]) => key !== 'start') ?? null;
    return self.renderToken(tokens, idx, options);
  };
  rules.link_open = (tokens, idx) => `<a${attributes(tokens[idx]!.attrs ?? [])}>`;
  rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    // kramdown's alt is the label as written, escapes removed, not its rendered text.
    const alt = token.content.replace(/\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g, '$1');
    const attrs = (token.attrs ?? []).map(([key, value]): [string, string] => [key, key === 'alt' ? alt : String(value)]);
    return `<img${attributes(attrs)} />`;
  };
  rules.kd_math_inline = (tokens, idx) => {
    const token = tokens[idx]!;
    if (token.attrs?.length) return `<span${attributes(token.attrs)}>$${token.content}$</span>`;
    return `\\(${escapeAll(token.content)}\\)`;
  };
  rules.kd_math_block = (tokens, idx) => {
    const token = tokens[idx]!;
    const math = `\\[${escapeAll(token.content)}\\]\n`;
    return token.attrs?.length ? `<div${attributes(token.attrs)}>\n${math}</div>\n` : math;
  };
  rules.kd_abbr = (tokens, idx) => {
    const token = tokens[idx]!;
    const title = (token.meta as { title: string }).title;
    return `<abbr${title ? ` title="${escapeAttribute(title)}"` : ''}>${token.content}</abbr>`;
  };
  rules.kd_footnote_ref = (tokens, idx, _options, env) => {
    const name = (tokens[idx]!.meta as { name: string }).name;
    const state = kramdownState(env);
    let use = state.footnoteUseByName.get(name);
    let repeat = '';
    if (use) {
      use.repeats++;
      repeat = `:${use.repeats}`;
    } else {
      use = { name, number: state.footnoteUses.length + 1, repeats: 0 };
      state.footnoteUses.push(use);
      state.footnoteUseByName.set(name, use);
    }
    return `<sup id="fnref:${name}${repeat}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${use.number}</a></sup>`;
  };
}

function attributes(attrs: readonly (readonly [string, string | number])[]): string {
  return attrs.map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`).join('');
}

/**
 * kramdown's `add_syntax_highlighter_to_class_attr`: `language-X` first, then the other classes,
 * then `highlighter-rouge`; other attributes keep their place.
 */
function highlighterClass(attrs: readonly [string, string | number][], lang: string): [string, string][] {
  const out: [string, string][] = attrs.map(([key, value]) => [key, String(value)]);
  const at = out.findIndex(([key]) => key === 'class');
  const others = at >= 0 ? out[at]![1].split(/\s+/).filter((c) => c && !c.startsWith('language-')) : [];
  const value = [`language-${lang}`, ...others, 'highlighter-rouge'].join(' ');
  if (at >= 0) out[at] = ['class', value];
  else out.push(['class', value]);
  return out;
}

/**
 * A code block as Jekyll writes it: Rouge's wrapper when Rouge knows the language (or none was
 * given: plaintext), else kramdown's plain `<pre><code class="language-X">`. The code is escaped
 * but not tokenized: Rouge's `<span class="…">` highlighting is left out.
 */
function codeBlock(content: string, fenceLang: string | null, attrs: readonly [string, string | number][]): string {
  const cls = String(attrs.find(([key]) => key === 'class')?.[1] ?? '');
  const lang = fenceLang ?? /\blanguage-(\S+)/.exec(cls)?.[1] ?? null;
  const name = lang?.split('?')[0] ?? 'plaintext';
  if (ROUGE_LANGUAGES.has(name)) {
    // A fenced language is the first class kramdown knows of; an IAL's classes come after it.
    const ordered = fenceLang ? [['class', cls] as [string, string], ...attrs.filter(([key]) => key !== 'class')] : attrs;
    return `<div${attributes(highlighterClass(ordered, name))}><div class="highlight"><pre class="highlight"><code>${escapeAll(content)}</code></pre></div></div>\n`;
  }
  const rest = attrs
    .map(([key, value]): [string, string] => [key, key === 'class' ? String(value).replace(/\blanguage-\S+/, '').trim() : String(value)])
    .filter(([key, value]) => key !== 'class' || value !== '');
  return `<pre${attributes(rest)}><code class="language-${escapeAttribute(name)}">${escapeAll(content.replace(/\n$/, ''))}\n</code></pre>\n`;
}

/**
 * The footnote section kramdown's converter appends: every referenced footnote in order of first
 * reference (footnotes referenced only from other footnotes come after), with back links.
 * `prepare` runs on each footnote's tokens just before they are rendered.
 */
export function renderFootnotes(md: MarkdownIt, env: Env, prepare: (tokens: Token[]) => void): string {
  const state = kramdownState(env);
  if (state.footnoteUses.length === 0) return '';
  // markdown-it keeps its Token class on state objects only.
  const TokenCtor = new md.core.State('', md, env).Token;
  let items = '';
  for (let i = 0; i < state.footnoteUses.length; i++) {
    const use = state.footnoteUses[i]!;
    const definition = state.footnotes.get(use.name);
    if (!definition) continue;
    const tokens = withBacklinks(definition.tokens, use, TokenCtor);
    prepare(tokens);
    items += `    <li id="fn:${use.name}" role="doc-endnote">\n${md.renderer.render(tokens, md.options, env)}    </li>\n`;
  }
  return items ? `<div class="footnotes" role="doc-endnotes">\n  <ol>\n${items}  </ol>\n</div>\n` : '';
}

/** The back links go at the end of a closing paragraph, after a no-break space, or in a new one. */
function withBacklinks(tokens: readonly Token[], use: FootnoteUse, TokenCtor: StateCore['Token']): Token[] {
  const links = [`<a href="#fnref:${use.name}" class="reversefootnote" role="doc-backlink">&#8617;</a>`];
  for (let i = 1; i <= use.repeats; i++) {
    links.push(`<a href="#fnref:${use.name}:${i}" class="reversefootnote" role="doc-backlink">&#8617;<sup>${i + 1}</sup></a>`);
  }
  const out = [...tokens];
  const lastToken = out[out.length - 1];
  const link = new TokenCtor('html_inline', '', 0);
  const inline = out[out.length - 2];
  if (lastToken?.type === 'paragraph_close' && !lastToken.hidden && inline?.type === 'inline') {
    link.content = `\u00a0${links.join('\u00a0')}`;
    inline.children = [...(inline.children ?? []), link];
    return out;
  }
  link.content = links.join('\u00a0');
  const open = new TokenCtor('paragraph_open', 'p', 1);
  open.block = true;
  const body = new TokenCtor('inline', '', 0);
  body.children = [link];
  const close = new TokenCtor('paragraph_close', 'p', -1);
  close.block = true;
  return [...out, open, body, close];
}
