/**
 * The preview pipeline's contract, as Jekyll 4.3 builds a post: Liquid first (renderLiquid), then
 * kramdown's GFM Markdown (renderMarkdown), then minimal-mistakes' TOC over the HTML (tocOf).
 * Everything here is pure: it runs in Node (CLI), in the renderer and in a Web Worker.
 */

/** A heading of the rendered content, in document order. `id` is null when Jekyll gives none. */
export interface Heading {
  level: number;
  id: string | null;
  /** The heading's text as a reader sees it (markup removed, entities decoded). */
  text: string;
}

/** One entry of minimal-mistakes' table of contents (`_includes/toc.html`). */
export interface TocEntry {
  level: number;
  id: string;
  /** The link text: the heading's inner HTML with tags stripped, entities left as written. */
  text: string;
}

/** Which kramdown parser `_config.yml` selects (`kramdown: input:`); GFM is Jekyll's default. */
export type MarkdownInput = 'GFM' | 'kramdown';

/** What renderMarkdown makes of a post body (after Liquid). */
export interface MarkdownResult {
  html: string;
  headings: Heading[];
}

/** A Liquid problem, located in the post body (1-based line when known). */
export interface LiquidProblem {
  line: number | null;
  message: string;
}

/** A post as Liquid tags that link to posts (`post_url`, `link`) need to know it. */
export interface PostRef {
  /** Site-relative path, e.g. `_posts/2025-02-05-hello.md`. */
  path: string;
  /** `page.url` without baseurl. */
  url: string;
}

/** Everything Liquid needs besides the text: the site, the page, includes and the other posts. */
export interface LiquidContext {
  /** `site`: the parsed `_config.yml` plus what Jekyll adds (`posts`, `tags`, `categories`, `time`…). */
  site: Record<string, unknown>;
  /** `page`: the post's front matter plus url, date, id, tags, categories, path… */
  page: Record<string, unknown>;
  /** The text of `_includes/<name>`, or null when the site has no such include. */
  include(name: string): string | null;
  posts: readonly PostRef[];
  /** Other files of the site `{% link %}` may name (site-relative paths). */
  files: readonly string[];
  baseurl: string;
}

/** What Liquid makes of a post body; problems are shown inline by the preview, never thrown. */
export interface LiquidResult {
  output: string;
  problems: LiquidProblem[];
}

/** A post to render for the preview or the CLI, with what the site provides. */
export interface RenderPostInput {
  /** The post's whole text (front matter included), as in the editor. */
  text: string;
  /** Site-relative path of the post. */
  path: string;
  /** The post's summary from the index (url, date, tags…), or null for a post not indexed yet. */
  summary: import('../model/site').PostSummary | null;
  /** Every post of the site (for `post_url`, `link`, `site.posts`). */
  posts: readonly import('../model/site').PostSummary[];
  site: import('../model/site').SiteInfo;
  data: import('../model/site').SiteRenderData;
}

/** A rendered post: Jekyll's `content` (no layout), its headings, the theme's TOC and page data. */
export interface RenderedPost {
  /** The content HTML as Jekyll produces it, NOT sanitized (the preview sanitizes before showing it). */
  html: string;
  headings: Heading[];
  toc: TocEntry[];
  /** `toc: true` and the TOC options of minimal-mistakes' single layout. */
  tocSettings: { enabled: boolean; label: string; icon: string; sticky: boolean };
  /** The front matter as plain data (for the layout: title, author_profile, …). */
  page: Record<string, unknown>;
  excerpt: string | null;
  problems: LiquidProblem[];
}
