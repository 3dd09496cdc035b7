/** Plain serializable types that describe a site and its posts. */

/** The open site, as read from its folder and `_config.yml`. */
export interface SiteInfo {
  /** Absolute path of the site folder on the machine that serves the API. */
  root: string;
  title: string;
  url: string;
  baseurl: string;
  /** IANA zone name from `_config.yml`, or '' when the site does not set one. */
  timezone: string;
  /** `permalink:` as written: a style name or a template. */
  permalink: string;
  /** Layout names from `_layouts` and a theme folder inside the site (not gem themes), sorted. */
  layouts: string[];
}

/** Whether and how Jekyll publishes a post. */
export type PostStatus = 'published' | 'unpublished' | 'future' | 'draft';

/** A tag or category keeps its YAML type in Jekyll (`2025`, `true`, `3.5` stay non-strings). */
export type TaxonomyName = string | number | boolean;

/** Something wrong with a file, located in it (1-based line and column, when known). */
export interface PostProblem {
  path: string;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
  message: string;
}

/** One line of the post library: what Jekyll will publish for this file. */
export interface PostSummary {
  /** Site-relative path with `/` separators, e.g. `_posts/2025-02-05-hello.md`. */
  path: string;
  status: PostStatus;
  /** Null only when Jekyll has none either (unreadable front matter). */
  title: string | null;
  /** ISO 8601 in the site's time zone, e.g. `2025-01-15T07:30:00+09:00`. */
  date: string;
  slug: string;
  id: string;
  /** The URL without baseurl, as `page.url`. */
  url: string;
  tags: TaxonomyName[];
  categories: TaxonomyName[];
  /** The layout Jekyll renders it with (front matter, else `defaults`); null when none is a string. */
  layout: string | null;
  problems: PostProblem[];
}

/** A post in the full index: its summary and its excerpt source. */
export interface IndexedPost extends PostSummary {
  excerpt: string | null;
}

/** One tag or category and the posts under it, newest first. */
export interface TaxonomyEntry {
  name: TaxonomyName;
  posts: string[];
}

/** Which posts count towards tags and categories, like `jekyll build --drafts --future --unpublished`. */
export interface IndexOptions {
  drafts?: boolean;
  future?: boolean;
  unpublished?: boolean;
}

/** Everything Hanji knows about a site's posts, as the CLI's `index --json` prints it. */
export interface SiteIndexReport {
  site: SiteInfo;
  posts: IndexedPost[];
  ignored: { path: string; reason: string }[];
  tags: TaxonomyEntry[];
  categories: TaxonomyEntry[];
  problems: PostProblem[];
}

/** The full text of a post as it is on disk, with the hash that guards its next save. */
export interface PostDocument {
  path: string;
  text: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
}

/** What a successful save returns: the new hash to pass to the next save. */
export interface WriteResult {
  path: string;
  hash: string;
}

/** A new post: the title decides the slug (Hangul kept unless `ascii`), today decides the date. */
export interface NewPostInput {
  title: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` in the site's zone; now when absent. */
  date?: string;
  slug?: string;
  /** Create it in `_drafts` (undated file name) instead of `_posts`. */
  draft?: boolean;
  /** Make the slug ASCII only. */
  ascii?: boolean;
}

/** A rename: the file name follows the new slug (or the slug of the new title) and date. */
export interface RenameInput {
  title?: string;
  slug?: string;
  /** `YYYY-MM-DD` or with a time; also written to a `date:` the front matter already has. */
  date?: string;
}

/** Where a search query matched a post: its title, a tag, a category, or its body text. */
export type PostMatchField = 'title' | 'tags' | 'categories' | 'body';

/** One post found by a search, with the best field it matched in and a line to show. */
export interface PostMatch {
  path: string;
  /** The best field any query word matched: title, then tags, then categories, then body. */
  field: PostMatchField;
  /** The whole title, the matching tags or categories, or ~80 characters around the first body match. */
  snippet: string;
}

/** Unsaved editor text kept outside the site, offered back after a crash. */
export interface RecoveryCopy {
  path: string;
  text: string;
  /** The hash of the file the unsaved text was based on (from readPost or the last save). */
  baseHash: string;
  /** When the copy was saved, ISO 8601 in UTC. */
  savedAt: string;
  /** The hash of the file on disk now; null when it no longer exists. */
  diskHash: string | null;
}

/** An image saved into the site for a post (see SiteApi.saveAsset). */
export interface AssetResult {
  /** Site-relative path with `/`, e.g. `assets/images/my-post/photo.png`. */
  path: string;
  /** Site-absolute URL with the site's baseurl, e.g. `/blog/assets/images/my-post/photo.png`. */
  url: string;
}

/** The image types the preview shows from the site folder, as told by their bytes. */
export type PreviewImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp' | 'image/x-icon' | 'image/svg+xml';

/** An image file of the site, for the preview (see SiteApi.readAsset). */
export interface ImageAsset {
  /** Site-relative NFC path with `/`, as the engine resolved it. */
  path: string;
  /** What the bytes are, whatever the file's name says. */
  mime: PreviewImageType;
  /** The file's bytes, base64. */
  dataBase64: string;
}

/** What the preview needs from the site besides the posts: configuration, includes, linkable files. */
export interface SiteRenderData {
  /** `_config.yml` as plain data (times as ISO strings, dates as `YYYY-MM-DD`). */
  config: Record<string, unknown>;
  /** `kramdown: input:` — which heading-id algorithm Jekyll uses. */
  markdownInput: 'GFM' | 'kramdown';
  /** The zone dates are shown in (the site's `timezone`, else UTC). */
  zone: string;
  /** Every readable text file under `_includes`, by its path inside it (`toc.html`, `ads/top.html`). */
  includes: Record<string, string>;
  /** `site.data`: the YAML and JSON files of `_data` as plain data. */
  siteData: Record<string, unknown>;
  /** Site files `{% link %}` may name, site-relative, outside `_`- and dot-folders. */
  files: string[];
}

/** Which of Jekyll's two taxonomies an operation is about. */
export type TaxonomyKind = 'tags' | 'categories';

/** One tag or category with the number of posts Jekyll lists under it (a post listing it twice counts twice). */
export interface TaxonomyCount {
  name: TaxonomyName;
  count: number;
  /** Site-relative paths, newest first. */
  posts: string[];
}

/**
 * A change to every post's tags or categories: each name in `from` becomes `to` (a rename, or a
 * merge when `from` has several names or `to` already exists), or is removed when `to` is null.
 */
export interface TaxonomyOp {
  from: string[];
  to: string | null;
  /**
   * Categories from the folders above `_posts` cannot change in front matter: with this set, such
   * posts are moved to the renamed folder (see shared/taxonomy/plan-move.ts) instead of skipped.
   */
  moveFolders?: boolean;
}

/** One changed line of a post, 1-based; `before` is null for an added line, `after` for a removed one. */
export interface TaxonomyLineChange {
  line: number;
  before: string | null;
  after: string | null;
}

/** Why a post that has the name is left alone. */
export type TaxonomySkipReason = 'folder' | 'defaults' | 'string-with-space' | 'unsupported' | 'invalid-front-matter' | 'changed' | 'unreadable' | 'read-only' | 'io' | 'cancelled' | 'collision';

/** A post an edit leaves alone, and what the user can do about it. */
export interface TaxonomySkip {
  path: string;
  reason: TaxonomySkipReason;
  message: string;
}

/** One post a planned edit will change: its hash when planned and its changed lines. */
export interface TaxonomyFilePlan {
  path: string;
  hash: string;
  changes: TaxonomyLineChange[];
}

/** One post a planned edit will move to another folder, with its hash when planned and the front-matter lines that change too. */
export interface TaxonomyMovePlan {
  from: string;
  to: string;
  hash: string;
  changes: TaxonomyLineChange[];
  /** What else the move changes that the user should know (front-matter defaults scoped by folder), or null. */
  warning: string | null;
}

/** A post an applied edit (or its undo) moved. */
export interface TaxonomyMove {
  from: string;
  to: string;
}

/** The dry run of a taxonomy edit: every file it will change or move, exactly, and the ones it cannot. */
export interface TaxonomyPlan {
  planId: string;
  kind: TaxonomyKind;
  op: TaxonomyOp;
  files: TaxonomyFilePlan[];
  moves: TaxonomyMovePlan[];
  skipped: TaxonomySkip[];
}

/** What applying (or undoing) an edit did. `editId` names the undo journal; null when nothing was written. */
export interface TaxonomyEditResult {
  editId: string | null;
  written: string[];
  moved: TaxonomyMove[];
  skipped: TaxonomySkip[];
  cancelled: boolean;
}

/** Progress of an apply or an undo. */
export interface TaxonomyProgress {
  /** The plan being applied, or the edit being undone. */
  id: string;
  done: number;
  total: number;
}
