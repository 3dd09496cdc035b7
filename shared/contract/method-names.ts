import type { MethodName } from './api';

/**
 * Every API method name, without the validators, so the preload stays a few lines of code.
 * The type below fails to compile when a method of SiteApi is missing here.
 */
export const METHOD_NAMES = [
  'openSite',
  'getSite',
  'listPosts',
  'getIndex',
  'readPost',
  'writePost',
  'createPost',
  'renamePost',
  'duplicatePost',
  'deletePost',
  'publishPost',
  'unpublishPost',
  'searchPosts',
  'saveRecovery',
  'listRecovery',
  'discardRecovery',
  'getRenderData',
  'saveAsset',
  'readAsset',
  'listTaxonomy',
  'planTaxonomyEdit',
  'applyTaxonomyEdit',
  'cancelTaxonomyEdit',
  'undoTaxonomyEdit',
  'gitStatus',
  'gitDiff',
  'gitCommit',
  'gitPull',
  'gitPush',
  'gitPrePushCheck',
  'gitInit',
  'gitSetRemote',
  'exportPosts',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
/** Compile-time proof that METHOD_NAMES lists every method: `Missing` must be `never`. */
export const METHOD_NAMES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
