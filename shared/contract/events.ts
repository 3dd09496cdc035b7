import type { SiteInfo } from '../model/site';

/** What changed about one post. */
export type PostChangeKind = 'created' | 'changed' | 'deleted';

/** Events the engine pushes to its faces; delivered over IPC or server-sent events. */
export interface SiteEvents {
  /** A site was opened, or its configuration or post list changed. */
  siteChanged: SiteInfo;
  /** One post changed on disk; `hash` is null when it was deleted. */
  postChanged: { path: string; kind: PostChangeKind; hash: string | null };
}

/** The name of one event. */
export type EventName = keyof SiteEvents;

/** One event as it travels: its name and its payload. */
export type EventMessage = { [K in EventName]: { event: K; payload: SiteEvents[K] } }[EventName];
