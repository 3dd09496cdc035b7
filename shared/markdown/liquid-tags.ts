/**
 * The tags a Jekyll 4.3 post can use, on top of liquidjs' standard ones: `include` (through the
 * caller's `_includes` callback only), `post_url`, `link`, `highlight`, Liquid's `ifchanged` and
 * `render`, and notices for what the preview cannot show (`include_relative`, plugin tags).
 * Ported from Jekyll's `tags/*.rb`; messages are Jekyll's where it has one.
 */
import { Tag, TablerowTag, Value, evalToken, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { errorMessage, stateOf } from './liquid-state';
import { fileUrl, relativeUrl } from './liquid-urls';
import { escapeHtml, isNil, LiquidFailure, plain, rubyToS } from './liquid-values';

type RenderResult = Generator<unknown, unknown, unknown>;

/** Render templates into a string; an error inside fails the tag instead of showing inline. */
function* renderToString(liquid: Liquid, templates: Template[], ctx: Context): Generator<unknown, string, unknown> {
  const state = stateOf(ctx);
  const out = state.emitter();
  state.strict += 1;
  try {
    yield liquid.renderer.renderTemplates(templates, ctx, out);
  } finally {
    state.strict -= 1;
  }
  return out.buffer;
}

// Jekyll's IncludeTag patterns (tags/include.rb). Ruby's \w is ASCII, as JavaScript's is.
const PARAM = String.raw`([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))`;
const PARAMS = new RegExp(PARAM, 'gu');
const FULL_VALID_SYNTAX = new RegExp(String.raw`^\s*(?:${PARAM}(?=\s|$)\s*)*$`, 'u');
const VARIABLE_SYNTAX = /(?<variable>[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*)?\}\}[^\s{}]*)+)(?<params>.*)/su;
const VALID_FILENAME_CHARS = /^[\w/.\-()+~#@]+$/u;
const INVALID_SEQUENCES = /[./]{2,}/u;
/** Markup longer than this is not matched against VARIABLE_SYNTAX, whose backtracking grows fast. */
const MAX_MARKUP = 2000;

/** `{% include file.html param="value" %}`, Jekyll's way: params in `include`, files from `_includes` only. */
class IncludeTag extends Tag {
  private readonly file: string;
  private readonly fileTemplates: Template[] | null;
  /** `parse_params`, prepared: quoted values as written (`\"` unescaped), bare ones as variables. */
  private readonly params: { key: string; text?: string; variable?: Value }[] | null;
  /** The plugin this tag needs (`include_cached`), if any. */
  private readonly plugin: string | null;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, _parser: Parser, plugin: string | null = null) {
    super(token, remainTokens, liquid);
    this.plugin = plugin;
    const markup = token.args.trim();
    const variable = markup.length <= MAX_MARKUP && markup.includes('{{') ? VARIABLE_SYNTAX.exec(markup) : null;
    let file: string;
    let params: string | undefined;
    if (variable?.groups) {
      file = (variable.groups['variable'] ?? '').trim();
      params = (variable.groups['params'] ?? '').trim();
    } else {
      const split = /\s+/u.exec(markup);
      file = split ? markup.slice(0, split.index) : markup;
      params = split ? markup.slice(split.index + split[0].length) : undefined;
    }
    if (params !== undefined && !FULL_VALID_SYNTAX.test(params)) {
      throw new Error(`Invalid syntax for include tag: ${params} (valid syntax: {% ${token.name} file.ext param='value' param2='value' %})`);
    }
    this.file = file;
    this.params =
      params === undefined
        ? null
        : [...params.matchAll(PARAMS)].map((m) => {
            const key = m[1] ?? '';
            if (m[2] !== undefined) return { key, text: m[2].replaceAll('\\"', '"') };
            if (m[3] !== undefined) return { key, text: m[3].replaceAll("\\'", "'") };
            return { key, variable: new Value(m[4] ?? '', liquid) };
          });
    this.fileTemplates = variable ? liquid.parse(file) : null;
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = stateOf(ctx);
    if (this.plugin) requirePlugin(state.site, this.name, this.plugin);
    const file = this.fileTemplates ? yield* renderToString(this.liquid, this.fileTemplates, ctx) : this.file;
    if (INVALID_SEQUENCES.test(file) || !VALID_FILENAME_CHARS.test(file)) {
      throw new LiquidFailure(`Invalid syntax for include tag. File contains invalid characters or sequences: ${file}`);
    }
    if (state.includeStack.length >= state.limits.includeDepth) throw new LiquidFailure('Nesting too deep');
    // Jekyll joins the name to _includes, so a leading slash still means a file in _includes.
    const name = file.replace(/^\/+/u, '');
    const text = state.includeText(name);
    if (text === null) throw new LiquidFailure(`Could not locate the included file '${file}' in _includes`);
    let templates: Template[];
    try {
      templates = state.caches.parseInclude(name, text);
    } catch (error) {
      throw new LiquidFailure(`${errorMessage(error)} (in _includes/${name}, line ${lineOfError(error)})`);
    }
    const scope: Record<string, unknown> = {};
    if (this.params !== null) scope['include'] = yield* this.parseParams(ctx);
    ctx.push(scope);
    state.includeStack.push(this.token);
    try {
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
    } finally {
      state.includeStack.pop();
      ctx.pop();
    }
  }

  private *parseParams(ctx: Context): Generator<unknown, Record<string, unknown>, unknown> {
    const params: Record<string, unknown> = {};
    for (const { key, text, variable } of this.params ?? []) params[key] = variable ? yield variable.value(ctx, false) : text;
    return params;
  }
}

/** The 1-based line of a parse error inside an include's text. */
function lineOfError(error: unknown): number | string {
  const token = (error as { token?: { getPosition?: () => number[] } } | null)?.token;
  return token?.getPosition?.()[0] ?? '?';
}

/** `{% include_relative %}`: reads a file beside the post, which the preview's `_includes` callback cannot. */
class IncludeRelativeTag extends Tag {
  render(): never {
    throw new LiquidFailure(`include_relative ${this.token.args.trim()}: the preview can only read _includes, not files beside the post (jekyll build includes it here)`, false);
  }
}

/** `{% render %}`: Jekyll gives Liquid no file system, so Liquid refuses it. */
class RenderTag extends Tag {
  render(): never {
    throw new LiquidFailure('This liquid context does not allow includes.');
  }
}

/**
 * Jekyll's `PostComparer::MATCHER`, `^(.+/)*(\d+-\d+-\d+)-(.*)$`, without its nested quantifier
 * (exponential on `a/a/a/…`): the longest folder prefix after which a dated name follows.
 */
function parsePostName(name: string): { path: string; date: string; slug: string } | null {
  if (name.includes('\n') || name.length > MAX_MARKUP) return null;
  // Slashes after the first character, last first (`.+` is greedy and needs a character before the slash).
  const cuts: number[] = [];
  for (let i = name.length - 1; i > 0; i--) if (name[i] === '/') cuts.push(i);
  cuts.push(-1);
  for (const cut of cuts) {
    const m = /^(\d+-\d+-\d+)-(.*)$/u.exec(name.slice(cut + 1));
    if (m) return { path: name.slice(0, cut + 1), date: m[1] ?? '', slug: m[2] ?? '' };
  }
  return null;
}

/** `{% post_url 2025-02-05-slug %}`: the post's URL with baseurl (`relative_url`, Jekyll 4). */
class PostUrlTag extends Tag {
  private readonly orig: string;
  private readonly exact: RegExp;
  private readonly date: string;
  private readonly slug: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.orig = token.args.trim();
    const parsed = parsePostName(this.orig.replace(/^\//u, ''));
    if (!parsed) throw new Error(`Could not parse name of post "${this.orig}" in tag 'post_url'. Make sure the post exists and the name is correct.`);
    const path = escapeRegExp(parsed.path);
    this.date = parsed.date;
    this.slug = parsed.slug;
    const basename = `${this.date}-${escapeRegExp(this.slug)}\\.[^.]+`;
    this.exact = new RegExp(`^_posts/${path}${basename}|^${path}_posts/?${basename}`, 'u');
  }

  render(ctx: Context): string | null {
    const state = stateOf(ctx);
    const posts = state.context.posts;
    // Jekyll's fallback (with a deprecation warning): same date and slug, any folder.
    const post =
      posts.find((p) => this.exact.test(p.path)) ??
      posts.find((p) => {
        const m = /(\d+)-(\d+)-(\d+)-([^/]*)\.[^./]+$/u.exec(p.path);
        const [y, mo, d] = this.date.split('-').map(Number);
        return m !== null && m[4] === this.slug && Number(m[1]) === y && Number(m[2]) === mo && Number(m[3]) === d;
      });
    if (!post) throw new LiquidFailure(`post_url: no post named "${this.orig}"`);
    return relativeUrl(post.url, state.context.baseurl);
  }
}

/** `{% link path %}`: the URL (with baseurl) of a post, page or static file of the site. */
class LinkTag extends Tag {
  private readonly templates: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.templates = liquid.parse(token.args.trim());
  }

  *render(ctx: Context): RenderResult {
    const state = stateOf(ctx);
    const path = yield* renderToString(this.liquid, this.templates, ctx);
    const post = state.context.posts.find((p) => p.path === path);
    if (post) return relativeUrl(post.url, state.context.baseurl);
    const withSlash = path.startsWith('/') ? path : `/${path}`;
    for (const file of state.context.files) {
      const { url, page } = fileUrl(file, state.site);
      // Jekyll keeps a static file's relative path with a leading slash, a page's without.
      if (page ? file === path : `/${file}` === withSlash) return relativeUrl(url, state.context.baseurl);
    }
    throw new LiquidFailure(`Could not find document '${path}' in tag 'link'. Make sure the document exists and the path is correct.`);
  }
}

const HIGHLIGHT_SYNTAX = /^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$/u;

/**
 * `{% highlight lang [linenos] %}`: Jekyll's figure markup with Rouge's table for `linenos`. The
 * code is escaped but not coloured: Rouge's token spans are left out.
 */
class HighlightTag extends Tag {
  private readonly lang: string;
  private readonly linenos: boolean;
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    const markup = token.args.trim();
    const m = HIGHLIGHT_SYNTAX.exec(markup);
    if (!m) throw new Error(`Syntax Error in tag 'highlight' while parsing the following markup: ${markup} (valid syntax: highlight <lang> [linenos])`);
    this.lang = (m[1] ?? '').toLowerCase();
    this.linenos = /(?:^|\s)linenos(?:=|\s|$)/u.test(m[2] ?? '');
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endhighlight', () => {
        stream.stop();
      })
      .on('template', (tpl: Template) => {
        this.templates.push(tpl);
      })
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context): RenderResult {
    const state = stateOf(ctx);
    const body = yield* renderToString(this.liquid, this.templates, ctx);
    const code = body.replace(/^[\n\r]+|[\n\r]+$/gu, '');
    const highlighter = Object.hasOwn(state.site, 'highlighter') ? state.site['highlighter'] : 'rouge';
    let inner: string;
    if (highlighter === 'rouge' || highlighter === 'pygments') {
      // Rouge escapes only &, < and >.
      const escaped = code.replace(/[&<>]/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] ?? ch);
      if (this.linenos) {
        const lines = (code.match(/\n/gu)?.length ?? 0) + 1;
        const numbers = Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('');
        inner = `<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">${numbers}</pre></td><td class="code"><pre>${escaped}\n</pre></td></tr></tbody></table>`;
      } else inner = escaped;
    } else inner = escapeHtml(code).replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/gu, '');
    return `<figure class="highlight"><pre><code class="language-${this.lang.replaceAll('+', '-')}" data-lang="${this.lang}">${inner.replace(/\n$/u, '')}</code></pre></figure>`;
  }
}

/** Liquid's `{% ifchanged %}`: the body, unless it renders as it did the last time. */
class IfChangedTag extends Tag {
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endifchanged', () => {
        stream.stop();
      })
      .on('template', (tpl: Template) => {
        this.templates.push(tpl);
      })
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context): RenderResult {
    const out = stateOf(ctx).emitter();
    yield this.liquid.renderer.renderTemplates(this.templates, ctx, out);
    if (ctx.getRegister('ifchanged') === out.buffer) return '';
    ctx.setRegister('ifchanged', out.buffer);
    return out.buffer;
  }
}

/** liquidjs' `tablerow` with Ruby's line breaks (`<tr class="row1">\n`, `</tr>\n`) and its empty row. */
class RubyTablerowTag extends TablerowTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const collection = plain(yield evalToken(this.collection, ctx));
    if (isNil(collection) || collection === false) return;
    let opened = false;
    // Only liquidjs' own markup is written as exactly these strings.
    const ruby: Emitter = {
      get buffer() {
        return emitter.buffer;
      },
      set buffer(value: string) {
        emitter.buffer = value;
      },
      write(html: unknown) {
        if (html === '<tr class="row1">') {
          opened = true;
          emitter.write('<tr class="row1">\n');
        } else emitter.write(html === '</tr>' ? '</tr>\n' : html);
      },
    };
    yield* super.render(ctx, ruby);
    if (!opened) emitter.write('<tr class="row1">\n</tr>\n');
  }
}

/** Tags of well-known plugins, and the gem that provides each. */
const PLUGIN_TAGS: Readonly<Record<string, string>> = {
  seo: 'jekyll-seo-tag',
  feed_meta: 'jekyll-feed',
  gist: 'jekyll-gist',
  avatar: 'jekyll-avatar',
  twitter: 'jekyll-twitter-plugin',
};

/** Whether `_config.yml` lists `gem` under `plugins` (or the older `gems`). */
function siteUsesPlugin(site: Record<string, unknown>, gem: string): boolean {
  return ['plugins', 'gems'].some((key) => Array.isArray(site[key]) && (site[key] as unknown[]).some((name) => rubyToS(name) === gem));
}

/** A plugin's tag fails the build when the site does not load the plugin. */
function requirePlugin(site: Record<string, unknown>, tag: string, gem: string): void {
  if (!siteUsesPlugin(site, gem)) throw new LiquidFailure(`Unknown tag '${tag}': it comes from the ${gem} plugin, which _config.yml does not list under plugins`);
}

/** A plugin tag the preview cannot run: a notice when the site loads the plugin, an error when not. */
function pluginTag(gem: string) {
  return class extends Tag {
    render(ctx: Context): never {
      const state = stateOf(ctx);
      requirePlugin(state.site, this.name, gem);
      throw new LiquidFailure(`{% ${this.name} %} comes from the ${gem} plugin; the preview leaves it out`, false);
    }
  };
}

/** Register Jekyll's tags on `liquid` and drop liquidjs tags Ruby's Liquid does not have. */
export function installJekyllTags(liquid: Liquid): void {
  for (const name of ['layout', 'block']) delete (liquid.tags as Record<string, unknown>)[name];
  liquid.registerTag('include', IncludeTag);
  liquid.registerTag(
    'include_cached',
    class extends IncludeTag {
      constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
        super(token, remainTokens, liquid, parser, 'jekyll-include-cache');
      }
    },
  );
  liquid.registerTag('include_relative', IncludeRelativeTag);
  liquid.registerTag('render', RenderTag);
  liquid.registerTag('post_url', PostUrlTag);
  liquid.registerTag('link', LinkTag);
  liquid.registerTag('highlight', HighlightTag);
  liquid.registerTag('ifchanged', IfChangedTag);
  liquid.registerTag('tablerow', RubyTablerowTag);
  for (const [tag, gem] of Object.entries(PLUGIN_TAGS)) liquid.registerTag(tag, pluginTag(gem));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
