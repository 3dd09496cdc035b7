/**
 * A post rendered as `jekyll build` renders it, for the preview and the CLI: front matter and
 * `_config.yml` defaults make `page`, Liquid runs on the body first (unless
 * `render_with_liquid: false`), then kramdown's Markdown for Markdown files, then the theme's TOC.
 */
import { splitFrontMatter } from '../frontmatter/split';
import { normalizeSiteConfig, type SiteConfig } from '../jekyll/config';
import { deepMerge, defaultsFor } from '../jekyll/defaults';
import { toPlainData } from '../jekyll/plain-data';
import { parsePost } from '../jekyll/post-facts';
import { YamlProblem, parseFrontMatterYaml } from '../jekyll/yaml';
import type { PostSummary } from '../model/site';
import { moveNoticesOutOfHeadings } from './heading-notices';
import { configAutoIds } from './kramdown-options';
import { renderLiquid } from './liquid';
import { IncrementalMarkdown } from './incremental';
import { renderMarkdown, type MarkdownOptions } from './markdown';
import { tocOf } from './toc';
import type { Heading, LiquidContext, LiquidProblem, MarkdownResult, RenderPostInput, RenderedPost } from './types';

/** minimal-mistakes' TOC label when neither the post nor the site's ui-text sets one. */
const DEFAULT_TOC_LABEL = 'On this page';

/**
 * What successive renders of one post reuse: the preview keeps one per open post, so a keystroke
 * re-renders only the Markdown it changed (IncrementalMarkdown). The CLI renders without one.
 */
export class RenderSession {
  private key: string | null = null;
  private markdown: IncrementalMarkdown | null = null;
  /** The HTML of the last render in the pieces it was spliced from. */
  pieces: readonly string[] = [];
  /** True when the last render re-rendered only what the edit changed. */
  incremental = false;

  /** Markdown for `path`, reusing the last render when it was of the same post and input. */
  renderMarkdown(path: string, source: string, options: MarkdownOptions): MarkdownResult {
    const key = `${options.input}\u0000${options.autoIds !== false}\u0000${path}`;
    if (!this.markdown || this.key !== key) {
      this.markdown = new IncrementalMarkdown(options);
      this.key = key;
    }
    const result = this.markdown.render(source);
    this.pieces = result.pieces;
    this.incremental = result.incremental;
    return result;
  }
}

/** Render one post; never throws for bad YAML or Liquid (those become problems shown inline). */
export async function renderPost(input: RenderPostInput, session?: RenderSession): Promise<RenderedPost> {
  const config = siteConfigOf(input);
  const block = splitFrontMatter(input.text);
  const body = block ? input.text.slice(block.bodyStart) : input.text.replace(/^\uFEFF/u, '');
  const problems: LiquidProblem[] = [];
  let front: Record<string, unknown> = {};
  if (block) {
    try {
      front = parseFrontMatterYaml(block.yaml);
    } catch (error) {
      const line = error instanceof YamlProblem && error.line !== null ? block.firstLine + error.line : block.firstLine;
      problems.push({ line, message: `invalid front matter: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const merged = deepMerge(defaultsFor(config.defaults, input.path, 'posts'), front);
  const page = pageOf(merged, input.summary, input.path);

  let source = body;
  if (page['render_with_liquid'] !== false && (body.includes('{{') || body.includes('{%'))) {
    const liquid = await renderLiquid(body, liquidContext(input, page), liquidOptions(input));
    source = moveNoticesOutOfHeadings(liquid.output);
    problems.push(...liquid.problems);
  }
  const markdown = isMarkdown(input.path, config);
  const { html, headings } = !markdown
    ? { html: source, headings: headingsOf(source) }
    : session
      ? session.renderMarkdown(input.path, source, markdownOptions(input))
      : renderMarkdown(source, markdownOptions(input));
  if (session && !markdown) {
    session.pieces = [html];
    session.incremental = false;
  }
  // Jekyll renders the excerpt as a document of its own: Liquid, then Markdown.
  let excerptSource = parsePost(input.path, input.path.startsWith('_drafts/') ? 'draft' : 'post', input.text, 0, config).excerpt;
  if (excerptSource !== null && page['render_with_liquid'] !== false && (excerptSource.includes('{{') || excerptSource.includes('{%'))) {
    excerptSource = moveNoticesOutOfHeadings((await renderLiquid(excerptSource, liquidContext(input, page), liquidOptions(input))).output);
  }
  const excerpt = excerptSource === null ? null : markdown ? renderMarkdown(excerptSource, markdownOptions(input)).html : excerptSource;
  return {
    html,
    headings,
    toc: tocOf(html),
    tocSettings: {
      enabled: Boolean(page['toc']),
      label: typeof page['toc_label'] === 'string' ? page['toc_label'] : DEFAULT_TOC_LABEL,
      icon: typeof page['toc_icon'] === 'string' ? page['toc_icon'] : 'file-alt',
      sticky: Boolean(page['toc_sticky']),
    },
    page,
    excerpt,
    problems,
  };
}

/** The site's configuration as the Jekyll rules read it, from the plain data the engine sent. */
function siteConfigOf(input: RenderPostInput): SiteConfig {
  return normalizeSiteConfig(input.data.config);
}

/** `page`: front matter (after defaults) plus what Jekyll computes for the post. */
function pageOf(data: Record<string, unknown>, summary: PostSummary | null, path: string): Record<string, unknown> {
  const plain = toPlainData(data) as Record<string, unknown>;
  if (!summary) return { ...plain, path };
  return { ...plain, path, url: summary.url, id: summary.id, slug: summary.slug, date: summary.date, title: summary.title, tags: summary.tags, categories: summary.categories };
}

/** The posts as `site.posts` (newest first) and tag/category maps, built once per post list. */
const siteCache = new WeakMap<readonly PostSummary[], { posts: Record<string, unknown>[]; tags: Record<string, unknown[]>; categories: Record<string, unknown[]> }>();

function sitePosts(posts: readonly PostSummary[]) {
  let cached = siteCache.get(posts);
  if (!cached) {
    const published = posts.filter((p) => p.status === 'published');
    const docs = published.map((p) => ({ url: p.url, id: p.id, title: p.title, date: p.date, tags: p.tags, categories: p.categories, path: p.path, slug: p.slug }));
    const group = (field: 'tags' | 'categories') => {
      const out: Record<string, unknown[]> = {};
      published.forEach((p, i) => {
        for (const name of p[field]) (out[String(name)] ??= []).push(docs[i]);
      });
      return out;
    };
    cached = { posts: docs, tags: group('tags'), categories: group('categories') };
    siteCache.set(posts, cached);
  }
  return cached;
}

function liquidContext(input: RenderPostInput, page: Record<string, unknown>): LiquidContext {
  const { posts, tags, categories } = sitePosts(input.posts);
  return {
    site: { ...input.data.config, data: input.data.siteData, posts, tags, categories, time: new Date().toISOString(), baseurl: input.site.baseurl, url: input.site.url },
    page,
    include: (name) => input.data.includes[name] ?? null,
    posts: input.posts.map((p) => ({ path: p.path, url: p.url })),
    files: input.data.files,
    baseurl: input.site.baseurl,
  };
}

/** The site's kramdown settings, for the post, its excerpt and `markdownify` alike. */
function markdownOptions(input: RenderPostInput): MarkdownOptions {
  return { input: input.data.markdownInput, autoIds: configAutoIds(input.data.config) };
}

/** `markdownify` converts with the same kramdown settings as the post itself. */
function liquidOptions(input: RenderPostInput) {
  return { markdownify: (text: string) => renderMarkdown(text, markdownOptions(input)).html };
}

function isMarkdown(path: string, config: SiteConfig): boolean {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && config.markdownExt.includes(path.slice(dot).toLowerCase());
}

/** Headings of an HTML post (Jekyll does not convert it): tags as written, text without markup. */
function headingsOf(html: string): Heading[] {
  return [...html.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/giu)].map((m) => ({
    level: Number(m[1]),
    id: /\bid="([^"]*)"/u.exec(m[2] ?? '')?.[1] ?? null,
    text: (m[3] ?? '').replace(/<[^>]*>/gu, '').trim(),
  }));
}
