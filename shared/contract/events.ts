import type { PostSummary, SiteInfo, TaxonomyProgress } from '../model/site';

/** What changed about one post. */
export type PostChangeKind = 'created' | 'changed' | 'deleted';

/** One changed post in a batch. */
export interface PostChange {
  path: string;
  kind: PostChangeKind;
  hash: string | null;
  /** The post as the library lists it now; null when it was deleted or is no longer a post. */
  post: PostSummary | null;
}

/** Events the engine pushes to its faces; delivered over IPC or server-sent events. */
export interface SiteEvents {
  /** A site was opened, or its configuration or post list changed. */
  siteChanged: SiteInfo;
  /**
   * Posts changed on disk, by Hanji or by another program; one batch per burst of changes (a
   * `git checkout` of 200 files is one event). `hash` is null for a deleted file, and when a
   * background check of a re-opened site found the change without reading the file.
   */
  postsChanged: { changes: PostChange[] };
  /** A site-wide tag or category edit (or its undo) wrote `done` of `total` files. */
  taxonomyProgress: TaxonomyProgress;
  /** How far a push or pull is, from git's own progress lines (credentials removed). */
  gitProgress: { operation: 'push' | 'pull'; stage: string; progress: number };
}

/** The name of one event. */
export type EventName = keyof SiteEvents;

/** One event as it travels: its name and its payload. */
export type EventMessage = { [K in EventName]: { event: K; payload: SiteEvents[K] } }[EventName];
