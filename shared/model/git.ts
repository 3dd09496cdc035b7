import type { PostProblem } from './site';

/** How one file differs from the last commit, as a writer sees it. */
export type GitChangeKind = 'new' | 'modified' | 'deleted' | 'renamed' | 'conflicted';

/** One changed file of the site, site-relative with `/`. */
export interface GitFileChange {
  path: string;
  kind: GitChangeKind;
  /** The old path of a renamed file. */
  from?: string;
}

/** A merge, rebase or cherry-pick the user started in a terminal and has not finished. */
export type GitOperation = 'merge' | 'rebase' | 'cherry-pick';

/** The repository around the open site, as the Git panel shows it. */
export interface GitStatus {
  /** False for a folder that is not in a repository: the panel offers init. */
  isRepo: boolean;
  /** The current branch; null when HEAD is detached or there is no repository. */
  branch: string | null;
  detached: boolean;
  /** The branch pushes go to, e.g. `origin/main`; null when none is set. */
  upstream: string | null;
  /** Commits to push. */
  ahead: number;
  /** Commits to pull. */
  behind: number;
  /** Remotes with credentials removed from their URLs. */
  remotes: { name: string; url: string }[];
  /** Changed files inside the site folder. */
  files: GitFileChange[];
  inProgress: GitOperation | null;
}

/** How Pull joins remote commits: fast-forward only, or rebase local commits on top. */
export type GitPullMode = 'ff' | 'rebase';

/** A commit made by Hanji. */
export interface GitCommitResult {
  /** The new commit's full hash. */
  commit: string;
  /** The site-relative paths it contains. */
  files: string[];
}

/** What the pre-push check found: errors and warnings the user sees before pushing. */
export interface PrePushReport {
  problems: PostProblem[];
}

/** Where exportPosts puts files in the target repository, relative to its top. */
export interface ExportMapping {
  /** `_posts` by default. */
  postsDir?: string;
  /**
   * `assets` by default. An image keeps its path below the site's `assets/` folder (an image
   * elsewhere keeps its whole path) under this one; links in the posts are copied unchanged.
   */
  assetsDir?: string;
}

/** What exportPosts copied and committed. */
export interface ExportResult {
  /** Paths written in the target repository, relative to its top. */
  files: string[];
  commit: string;
  /** True when the target has a remote and the commit was pushed to it. */
  pushed: boolean;
}
