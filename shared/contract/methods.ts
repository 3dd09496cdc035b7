import { z } from 'zod';
import type { MethodArgs, MethodName, MethodValue } from './api';
import type { EventName, SiteEvents } from './events';
import * as s from './schemas';

/** How one method's arguments and value are checked when they cross a boundary. */
export interface MethodSpec<M extends MethodName> {
  args: z.ZodType<MethodArgs<M>>;
  value: z.ZodType<MethodValue<M>>;
}

/**
 * The method table. `satisfies` makes a method missing from SiteApi, an extra one, or a schema
 * that disagrees with the interface's types a compile error.
 */
export const METHODS = {
  openSite: { args: z.tuple([s.pathArg]), value: s.siteInfo },
  getSite: { args: z.tuple([]), value: s.siteInfo.nullable() },
  listPosts: { args: z.tuple([]), value: z.array(s.postSummary) },
  getIndex: { args: z.tuple([s.indexOptions]), value: s.siteIndexReport },
  readPost: { args: z.tuple([s.pathArg]), value: s.postDocument },
  writePost: { args: z.tuple([s.pathArg, s.textArg, s.hashArg]), value: s.writeResult },
  createPost: { args: z.tuple([s.newPostInput]), value: s.postSummary },
  renamePost: { args: z.tuple([s.pathArg, s.renameInput, s.hashArg]), value: s.postSummary },
  duplicatePost: { args: z.tuple([s.pathArg]), value: s.postSummary },
  deletePost: { args: z.tuple([s.pathArg, s.hashArg]), value: s.writeResult },
  publishPost: { args: z.tuple([s.pathArg, s.publishOptions, s.hashArg]), value: s.postSummary },
  unpublishPost: { args: z.tuple([s.pathArg, s.hashArg]), value: s.postSummary },
  searchPosts: { args: z.tuple([s.searchQuery]), value: z.array(s.postMatch).max(s.MAX_SEARCH_RESULTS) },
  saveRecovery: { args: z.tuple([s.pathArg, s.recoveryTextArg, s.hashArg]), value: z.void() },
  listRecovery: { args: z.tuple([]), value: z.array(s.recoveryCopy) },
  discardRecovery: { args: z.tuple([s.pathArg]), value: z.void() },
  getRenderData: { args: z.tuple([]), value: s.siteRenderData },
  saveAsset: { args: z.tuple([s.pathArg, s.assetNameArg, s.assetDataArg]), value: s.assetResult },
  readAsset: { args: z.tuple([s.pathArg]), value: s.imageAsset },
  listTaxonomy: { args: z.tuple([s.taxonomyKind, s.indexOptions]), value: z.array(s.taxonomyCount) },
  planTaxonomyEdit: { args: z.tuple([s.taxonomyKind, s.taxonomyOp]), value: s.taxonomyPlan },
  applyTaxonomyEdit: { args: z.tuple([s.idArg]), value: s.taxonomyEditResult },
  cancelTaxonomyEdit: { args: z.tuple([s.idArg]), value: z.void() },
  undoTaxonomyEdit: { args: z.tuple([s.idArg]), value: s.taxonomyEditResult },
  gitStatus: { args: z.tuple([]), value: s.gitStatus },
  gitDiff: { args: z.tuple([s.pathArg]), value: z.string() },
  gitCommit: { args: z.tuple([s.gitPaths, s.commitMessage]), value: s.gitCommitResult },
  gitPull: { args: z.tuple([s.gitPullMode]), value: s.gitStatus },
  gitPush: { args: z.tuple([]), value: s.gitStatus },
  gitPrePushCheck: { args: z.tuple([]), value: z.object({ problems: z.array(s.postProblem) }) },
  gitInit: { args: z.tuple([]), value: s.gitStatus },
  gitSetRemote: { args: z.tuple([s.remoteUrlArg]), value: s.gitStatus },
  exportPosts: { args: z.tuple([s.pathArg, s.gitPaths, s.exportMapping]), value: s.exportResult },
} satisfies { [M in MethodName]: MethodSpec<M> };

/** True when `name` is a method of the API (own keys only: `constructor` or `__proto__` are not). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(METHODS, name);
}

/** Payload schemas for every event, checked by the receiving side. */
export const EVENTS = {
  siteChanged: s.siteInfo,
  postsChanged: z.object({
    changes: z.array(z.object({ path: z.string(), kind: z.enum(['created', 'changed', 'deleted']), hash: s.hashArg.nullable(), post: s.postSummary.nullable() })),
  }),
  taxonomyProgress: z.object({ id: z.string(), done: z.number().int(), total: z.number().int() }),
  gitProgress: s.gitProgress,
} satisfies { [E in EventName]: z.ZodType<SiteEvents[E]> };

/** Parse an event message from an untrusted channel; null when it is malformed or unknown. */
export function parseEventMessage(raw: unknown): { event: EventName; payload: unknown } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { event, payload } = raw as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !Object.prototype.hasOwnProperty.call(EVENTS, event)) return null;
  const parsed = EVENTS[event as EventName].safeParse(payload);
  return parsed.success ? { event: event as EventName, payload: parsed.data } : null;
}
