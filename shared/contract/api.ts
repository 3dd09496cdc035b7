import type { ExportMapping, ExportResult, GitCommitResult, GitPullMode, GitStatus, PrePushReport } from '../model/git';
import type { AssetResult, ImageAsset, IndexOptions, NewPostInput, PostDocument, PostMatch, PostSummary, RecoveryCopy, SiteRenderData, RenameInput, SiteIndexReport, SiteInfo, TaxonomyCount, TaxonomyEditResult, TaxonomyKind, TaxonomyOp, TaxonomyPlan, WriteResult } from '../model/site';

/**
 * The one API between the Hanji engine and its faces. `electron/core` implements it; the renderer,
 * the CLI and the tests consume it through a transport. Paths are site-relative with `/`.
 */
export interface SiteApi {
  /** Open the Jekyll site in an absolute folder path and make it the current site. */
  openSite(root: string): Promise<SiteInfo>;
  /** The current site, or null when none is open. */
  getSite(): Promise<SiteInfo | null>;
  /** Every post and draft of the current site with Jekyll's facts, newest first. */
  listPosts(): Promise<PostSummary[]>;
  /** The full index: posts with excerpts, ignored files, tags and categories, problems. */
  getIndex(options: IndexOptions): Promise<SiteIndexReport>;
  /** The exact text of one post and the hash of its bytes. */
  readPost(path: string): Promise<PostDocument>;
  /** Save a post atomically; fails with CONFLICT when the file no longer has `expectedHash`. */
  writePost(path: string, text: string, expectedHash: string): Promise<WriteResult>;
  /** Create a post (or a draft) with front matter from the site's habits; never replaces a file. */
  createPost(input: NewPostInput): Promise<PostSummary>;
  /** Rename a post's file from a new title, slug or date, updating its front matter to match. */
  renamePost(path: string, change: RenameInput, expectedHash: string): Promise<PostSummary>;
  /** Copy a post beside itself under a new slug and a "(copy)" title. */
  duplicatePost(path: string): Promise<PostSummary>;
  /** Move a post to the trash (the OS trash in the app; a trash folder outside the site otherwise). */
  deletePost(path: string, expectedHash: string): Promise<WriteResult>;
  /** Publish: a draft moves to `_posts` with its date set; an unpublished post loses `published: false`. */
  publishPost(path: string, options: { date?: string }, expectedHash: string): Promise<PostSummary>;
  /** Unpublish a post: `published: false`, so Jekyll skips it. */
  unpublishPost(path: string, expectedHash: string): Promise<PostSummary>;
  /**
   * Posts and drafts whose title, tags, categories or body contain every word of `query` (case and
   * Unicode normalization ignored), newest first, at most 200; whitespace alone finds nothing.
   */
  searchPosts(query: string): Promise<PostMatch[]>;
  /** Keep the editor's unsaved text of a post outside the site, replacing the post's previous copy. */
  saveRecovery(path: string, text: string, baseHash: string): Promise<void>;
  /** The recovery copies of the open site's posts, newest first, each with the file's current hash. */
  listRecovery(): Promise<RecoveryCopy[]>;
  /** Forget the recovery copy of a post; nothing happens when it has none. */
  discardRecovery(path: string): Promise<void>;
  /** What the preview needs besides the posts: the site's configuration, includes and linkable files. */
  getRenderData(): Promise<SiteRenderData>;
  /**
   * Copy an image (base64 bytes) into the post's assets folder (`hanji.assets_dir` in `_config.yml`,
   * `assets/images/:slug` by default) under a clean, unused name; never replaces a file.
   */
  saveAsset(postPath: string, fileName: string, dataBase64: string): Promise<AssetResult>;
  /**
   * An image file of the site for the preview, by its site-relative path: PNG, JPEG, GIF, WebP,
   * AVIF, BMP, ICO or a script-free SVG as told by its bytes, at most MAX_ASSET_BYTES. NOT_FOUND
   * when it is missing, BAD_REQUEST when it is not such an image, OUTSIDE_SITE when it is not in the site.
   */
  readAsset(path: string): Promise<ImageAsset>;
  /** Every tag or category with its post count as `jekyll build` with these flags computes them, in Jekyll's order. */
  listTaxonomy(kind: TaxonomyKind, options: IndexOptions): Promise<TaxonomyCount[]>;
  /**
   * The dry run of a rename, merge or delete across every post (drafts and unpublished posts
   * included): each file with its changed lines, and the posts that cannot be changed and why.
   */
  planTaxonomyEdit(kind: TaxonomyKind, op: TaxonomyOp): Promise<TaxonomyPlan>;
  /**
   * Apply a dry run with safe saves, reporting taxonomyProgress events. A file changed on disk since
   * the dry run is skipped and reported, never overwritten. The result's editId undoes it.
   */
  applyTaxonomyEdit(planId: string): Promise<TaxonomyEditResult>;
  /** Stop an apply in progress after the files being written; the ones written stay (undo restores them). */
  cancelTaxonomyEdit(planId: string): Promise<void>;
  /** Restore every file an applied edit wrote, byte for byte; a file changed since the edit is skipped and reported. */
  undoTaxonomyEdit(editId: string): Promise<TaxonomyEditResult>;
  /** The Git repository around the site: branch, upstream, ahead/behind, changed files; `isRepo: false` for a plain folder. */
  gitStatus(): Promise<GitStatus>;
  /** A unified diff of one changed file of the site against the last commit. */
  gitDiff(path: string): Promise<string>;
  /**
   * Commit exactly the selected changed files with `message`. GIT_FAILED (with a reason) during a
   * merge, rebase or cherry-pick, with conflict markers in a selected file, or on a detached HEAD.
   */
  gitCommit(paths: string[], message: string): Promise<GitCommitResult>;
  /** Pull the upstream's commits (fast-forward only, or rebase); progress arrives as gitProgress events. */
  gitPull(mode: GitPullMode): Promise<GitStatus>;
  /** Push the branch to its upstream (a first push sets it on `origin`); never forced. NON_FAST_FORWARD when the remote is ahead. */
  gitPush(): Promise<GitStatus>;
  /**
   * What to know before pushing: the site check, plus for the files the push carries posts that will
   * not appear, `post_url` tags and images that resolve to nothing, and files over 50 MB (GitHub
   * warns) or 100 MB (GitHub rejects). The face shows them with "Push anyway" and "Cancel".
   */
  gitPrePushCheck(): Promise<PrePushReport>;
  /** Make a site folder that is in no repository a Git repository. */
  gitInit(): Promise<GitStatus>;
  /** Set the URL of the `origin` remote, adding it when missing. */
  gitSetRemote(url: string): Promise<GitStatus>;
  /**
   * Copy posts and the site images they show into another repository's `_posts` and assets
   * folders, commit there and push when it has a remote. `target` is an absolute path: the top
   * folder of a Git work tree other than the site.
   */
  exportPosts(target: string, posts: string[], mapping: ExportMapping): Promise<ExportResult>;
}

/** The name of one API method. */
export type MethodName = keyof SiteApi;

/** The arguments of one API method. */
export type MethodArgs<M extends MethodName> = Parameters<SiteApi[M]>;

/** The resolved value of one API method. */
export type MethodValue<M extends MethodName> = Awaited<ReturnType<SiteApi[M]>>;
