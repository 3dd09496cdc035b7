import { z } from 'zod';
import { ERROR_CODES, GIT_REASONS } from './result';

// Zod probes `new Function` to compile faster checks; the renderer's CSP forbids eval, so never try.
z.config({ jitless: true });

/** Longest path we accept from outside; far beyond any real post path. */
const MAX_PATH = 4096;
/** Largest post text accepted for a save: eight times the largest (1 MB) posts we measured. */
export const MAX_POST_CHARS = 8 * 1024 * 1024;

/** A path as sent by a client: a bounded string without NUL. Confinement happens in core. */
export const pathArg = z
  .string()
  .min(1, 'path is empty')
  .max(MAX_PATH, 'path is too long')
  .refine((p) => !p.includes('\0'), 'path contains a NUL character');

/** A SHA-256 hex digest. */
export const hashArg = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

/** Full text of a post. */
export const textArg = z.string().max(MAX_POST_CHARS, 'post text is too large');

export const siteInfo = z.object({
  root: z.string(),
  title: z.string(),
  url: z.string(),
  baseurl: z.string(),
  timezone: z.string(),
  permalink: z.string(),
  layouts: z.array(z.string()),
});

const taxonomyName = z.union([z.string(), z.number(), z.boolean()]);

export const postProblem = z.object({
  path: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const postSummary = z.object({
  path: z.string(),
  status: z.enum(['published', 'unpublished', 'future', 'draft']),
  title: z.string().nullable(),
  date: z.string(),
  slug: z.string(),
  id: z.string(),
  url: z.string(),
  tags: z.array(taxonomyName),
  categories: z.array(taxonomyName),
  layout: z.string().nullable(),
  problems: z.array(postProblem),
});

const taxonomyEntry = z.object({ name: taxonomyName, posts: z.array(z.string()) });

export const indexOptions = z.strictObject({ drafts: z.boolean().optional(), future: z.boolean().optional(), unpublished: z.boolean().optional() });

export const siteIndexReport = z.object({
  site: siteInfo,
  posts: z.array(postSummary.extend({ excerpt: z.string().nullable() })),
  ignored: z.array(z.object({ path: z.string(), reason: z.string() })),
  tags: z.array(taxonomyEntry),
  categories: z.array(taxonomyEntry),
  problems: z.array(postProblem),
});

export const postDocument = z.object({ path: z.string(), text: z.string(), hash: hashArg });

export const writeResult = z.object({ path: z.string(), hash: hashArg });

export const errorInfo = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  reason: z.enum(GIT_REASONS).optional(),
});

/**
 * The envelope every transport returns; the value is checked separately per method. JSON drops a
 * `value` of undefined (the methods that return nothing), so the key may be missing.
 */
export const resultEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: errorInfo }),
]);

/** A date as typed by a user: a day, optionally with a time. */
const dateArg = z.string().regex(/^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u, 'expected YYYY-MM-DD or YYYY-MM-DD HH:MM');
const titleArg = z.string().trim().min(1, 'title is empty').max(500, 'title is too long');
const slugArg = z
  .string()
  .min(1, 'slug is empty')
  .max(200, 'slug is too long')
  .refine((s) => !/[/\\\0]/u.test(s) && s !== '.' && s !== '..', 'a slug cannot contain "/", "\\" or NUL');

export const newPostInput = z.strictObject({
  title: titleArg,
  date: dateArg.optional(),
  slug: slugArg.optional(),
  draft: z.boolean().optional(),
  ascii: z.boolean().optional(),
});

export const renameInput = z.strictObject({ title: titleArg.optional(), slug: slugArg.optional(), date: dateArg.optional() });

export const publishOptions = z.strictObject({ date: dateArg.optional() });

/** Most posts a search returns: more than a results list can usefully show. */
export const MAX_SEARCH_RESULTS = 200;

/** A search as typed: words separated by spaces. */
export const searchQuery = z.string().max(1000, 'search query is too long');

export const postMatch = z.object({ path: z.string(), field: z.enum(['title', 'tags', 'categories', 'body']), snippet: z.string() });

/** Unsaved text for a recovery copy: capped like a save, since it will be saved as a post. */
export const recoveryTextArg = z.string().max(MAX_POST_CHARS, `unsaved text is longer than a post may be (${MAX_POST_CHARS} characters), so no recovery copy was kept; shorten it or split it into two posts`);

export const recoveryCopy = z.object({ path: z.string(), text: z.string(), baseHash: hashArg, savedAt: z.iso.datetime(), diskHash: hashArg.nullable() });

/** Largest image saveAsset takes: bigger ones load slowly for readers and bloat the site's repository. */
export const MAX_ASSET_BYTES = 20 * 1024 * 1024;

/** Why an image of `bytes` (unknown: more than the cap) is refused, and what to do instead. */
export function assetTooLargeMessage(bytes?: number): string {
  const mb = (n: number) => Math.ceil((n / 1024 / 1024) * 10) / 10;
  const size = bytes === undefined ? `larger than ${mb(MAX_ASSET_BYTES)} MB` : `${mb(bytes)} MB`;
  return `This image is ${size}; Hanji adds images up to ${mb(MAX_ASSET_BYTES)} MB, because larger ones load slowly for readers and bloat the site's repository. Resize or compress it, then add it again.`;
}

/** An image's file name as the client has it: anything short, even empty (a pasted screenshot); core cleans it. */
export const assetNameArg = z
  .string()
  .max(1024, 'file name is too long')
  .refine((n) => !n.includes('\0'), 'file name contains a NUL character');

/** An image's bytes as base64: at most MAX_ASSET_BYTES once decoded. */
export const assetDataArg = z
  .string()
  .max(4 * Math.ceil(MAX_ASSET_BYTES / 3), assetTooLargeMessage())
  .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'image data is not base64');

export const assetResult = z.object({ path: z.string(), url: z.string() });

/** The image types readAsset answers with (see PreviewImageType). */
export const PREVIEW_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/x-icon', 'image/svg+xml'] as const;

/** An image of the site for the preview: capped like the images saveAsset takes. */
export const imageAsset = z.object({ path: z.string(), mime: z.enum(PREVIEW_IMAGE_TYPES), dataBase64: assetDataArg });

/** Plain JSON data (config values as the preview's Liquid sees them). */
const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

export const siteRenderData = z.object({
  config: z.record(z.string(), jsonValue),
  markdownInput: z.enum(['GFM', 'kramdown']),
  zone: z.string(),
  includes: z.record(z.string(), z.string()),
  siteData: z.record(z.string(), jsonValue),
  files: z.array(z.string()).max(20_000),
});

/** Which taxonomy a call is about. */
export const taxonomyKind = z.enum(['tags', 'categories']);

/** A tag or category name as typed: one line, not empty, not absurdly long. */
const taxonomyNameArg = z
  .string()
  .max(500, 'a tag or category name is at most 500 characters')
  .refine((n) => n.trim() !== '' && !/[\r\n\0]/u.test(n), 'a tag or category name must be one line of text that is not empty');

export const taxonomyOp = z.strictObject({ from: z.array(taxonomyNameArg).min(1, 'name at least one tag or category').max(1000), to: taxonomyNameArg.nullable(), moveFolders: z.boolean().optional() });

/** The id of a dry run or an applied edit. */
export const idArg = z.string().regex(/^[0-9a-f-]{36}$/u, 'expected the id of a dry run or an edit');

export const taxonomyCount = z.object({ name: taxonomyName, count: z.number().int(), posts: z.array(z.string()) });

const lineChange = z.object({ line: z.number().int(), before: z.string().nullable(), after: z.string().nullable() });

const taxonomySkip = z.object({
  path: z.string(),
  reason: z.enum(['folder', 'defaults', 'string-with-space', 'unsupported', 'invalid-front-matter', 'changed', 'unreadable', 'read-only', 'io', 'cancelled', 'collision']),
  message: z.string(),
});

export const taxonomyPlan = z.object({
  planId: idArg,
  kind: taxonomyKind,
  op: taxonomyOp,
  files: z.array(z.object({ path: z.string(), hash: hashArg, changes: z.array(lineChange) })),
  moves: z.array(z.object({ from: z.string(), to: z.string(), hash: hashArg, changes: z.array(lineChange), warning: z.string().nullable() })),
  skipped: z.array(taxonomySkip),
});

export const taxonomyEditResult = z.object({ editId: idArg.nullable(), written: z.array(z.string()), moved: z.array(z.object({ from: z.string(), to: z.string() })), skipped: z.array(taxonomySkip), cancelled: z.boolean() });
export const gitStatus = z.object({
  isRepo: z.boolean(),
  branch: z.string().nullable(),
  detached: z.boolean(),
  upstream: z.string().nullable(),
  ahead: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(),
  remotes: z.array(z.object({ name: z.string(), url: z.string() })),
  files: z.array(z.object({ path: z.string(), kind: z.enum(['new', 'modified', 'deleted', 'renamed', 'conflicted']), from: z.string().optional() })),
  inProgress: z.enum(['merge', 'rebase', 'cherry-pick']).nullable(),
});

/** The files selected for a commit: at least one, each a site path. */
export const gitPaths = z.array(pathArg).min(1, 'select at least one file').max(20_000);

/** A commit message: not blank, bounded. */
export const commitMessage = z.string().trim().min(1, 'write a commit message').max(10_000, 'commit message is too long');

export const gitCommitResult = z.object({ commit: z.string().regex(/^[0-9a-f]{40,64}$/u), files: z.array(z.string()) });

export const gitPullMode = z.enum(['ff', 'rebase']);

/** A remote URL as typed; core refuses the ones git would read as options or helpers. */
export const remoteUrlArg = z.string().min(1, 'remote URL is empty').max(2048, 'remote URL is too long');

export const gitProgress = z.object({ operation: z.enum(['push', 'pull']), stage: z.string(), progress: z.number() });

/** Target folders of an export, relative to the target repository's top; core confines them. */
export const exportMapping = z.strictObject({ postsDir: pathArg.optional(), assetsDir: pathArg.optional() });

export const exportResult = z.object({ files: z.array(z.string()), commit: z.string().regex(/^[0-9a-f]{40,64}$/u), pushed: z.boolean() });
