/**
 * Everything Jekyll 4.3 derives for one post or draft: status, title, date, slug, id, URL, tags,
 * categories and excerpt. The order of the steps follows `Document#initialize`, `#read` and
 * `#read_post_data`, because Jekyll's quirks (category unions, `tag` winning over `tags`) come
 * from that order.
 */
import { splitFrontMatter } from '../frontmatter/split';
import type { PostProblem, PostStatus, TaxonomyName } from '../model/site';
import type { SiteConfig } from './config';
import { deepMerge, defaultsFor } from './defaults';
import { parsePostFilename, titleizeSlug, type PostKind } from './post-filename';
import { slugify } from './slugify';
import { InvalidDate, dateParts, formatIsoInZone, inZone, parseRubyTime } from './time';
import { UnknownPlaceholder, documentId, expandPermalink, permalinkTemplate } from './url';
import { RubyDate, RubyTime, YamlProblem, parseFrontMatterYaml, rubyToS } from './yaml';

export type { PostProblem, PostStatus, TaxonomyName };

/** A post as read from disk: its front-matter data and excerpt source, before site rules apply. */
export interface ParsedPost {
  path: string;
  kind: PostKind;
  /** Front-matter data; null when the file has none or it is not valid YAML. */
  data: Record<string, unknown> | null;
  /** The body up to the excerpt separator (with Jekyll's link-reference tail), or null when the separator is empty. */
  excerpt: string | null;
  /** The YAML error, located in the file, if the front matter could not be read. */
  yamlProblem: PostProblem | null;
  /** Modification time of the file: the date of an undated draft. */
  mtimeMs: number;
}

/** The facts Hanji shows and the CLI prints for each post. */
export interface PostFacts {
  path: string;
  status: PostStatus;
  /** Null when Jekyll has no title either (invalid front matter). */
  title: string | null;
  /** ISO 8601 in the site's zone, e.g. `2025-01-15T07:30:00+09:00`. */
  date: string;
  /** Milliseconds since the epoch: for sorting and for the `future` test. */
  dateMs: number;
  /** False when `published:` is false or empty: Jekyll builds it only with --unpublished (drafts too). */
  published: boolean;
  slug: string;
  id: string;
  url: string;
  tags: TaxonomyName[];
  categories: TaxonomyName[];
  /** `layout` after defaults and front matter merge; null when that is not a string. */
  layout: string | null;
  /** The excerpt source; absent on facts read back from the disk cache, which keeps excerpts apart. */
  excerpt?: string | null;
  problems: PostProblem[];
}

/** Jekyll's excerpt link-reference pattern (`excerpt.rb` MKDWN_LINK_REF_REGEX). */
const LINK_REF = /^ {0,3}(\[[^\]]+\])(:.+)$/gmu;

/**
 * Read a post's text into data and excerpt; never throws for bad YAML (that is a problem of the
 * post). `text` may be only the beginning of the file when it holds the front matter and the
 * excerpt (see the index's decodeForIndex).
 */
export function parsePost(path: string, kind: PostKind, text: string, mtimeMs: number, config: SiteConfig): ParsedPost {
  const block = splitFrontMatter(text);
  const body = block ? text.slice(block.bodyStart) : text.replace(/^\uFEFF/u, '');
  let data: Record<string, unknown> | null = null;
  let yamlProblem: PostProblem | null = null;
  if (block) {
    try {
      data = parseFrontMatterYaml(block.yaml);
    } catch (error) {
      const p = error instanceof YamlProblem ? error : new YamlProblem(String(error), null, null);
      yamlProblem = {
        path,
        line: p.line === null ? block.firstLine : block.firstLine + p.line,
        column: p.column === null ? null : p.column + 1,
        severity: 'error',
        message: `invalid front matter: ${p.message}. Jekyll builds this post with no front matter at all.`,
      };
    }
  }
  // A front-matter separator wins, then one from `defaults`, then `_config.yml`'s.
  const fromDefaults = config.defaults.length > 0 ? defaultsFor(config.defaults, path, 'posts')['excerpt_separator'] : undefined;
  const separator = typeof data?.['excerpt_separator'] === 'string' ? data['excerpt_separator'] : typeof fromDefaults === 'string' ? fromDefaults : config.excerptSeparator;
  return { path, kind, data, excerpt: separator === '' ? null : excerptOf(body, separator), yamlProblem, mtimeMs };
}

/** Liquid tags that open a block (Liquid 4 and Jekyll's `highlight`): an excerpt cut inside one gets its end tag. */
const LIQUID_BLOCKS = new Set(['if', 'unless', 'for', 'case', 'capture', 'comment', 'raw', 'tablerow', 'ifchanged', 'highlight']);

/**
 * `Excerpt#extract_excerpt` (Jekyll 4.3): the body before the separator; when the separator cut a
 * Liquid block open, its end tag is appended; link definitions after the cut that the excerpt uses
 * are appended too, so its links keep working.
 */
function excerptOf(body: string, separator: string): string {
  const at = body.indexOf(separator);
  if (at < 0) return body;
  const tail = body.slice(at + separator.length);
  let head = body.slice(0, at);
  if (tail === '') return head;
  if (head.includes('{%')) head = sanctifyLiquidTags(head);
  const definitions = tail.includes(']:') ? [...tail.matchAll(LINK_REF)].filter((m) => head.includes(m[1] as string)).map((m) => `${m[1]}${m[2]}`) : [];
  return definitions.length === 0 ? head : `${head}\n\n${definitions.join('\n')}`;
}

function sanctifyLiquidTags(head: string): string {
  let out = head;
  const names = [...head.matchAll(/\{%-?\s*(\w+)\s*[\s\S]*?-?%\}/gu)].map((m) => m[1] as string);
  for (const name of names.reverse()) {
    if (!LIQUID_BLOCKS.has(name)) continue;
    if (new RegExp(`\\{%-?\\s*end${name}[\\s\\S]*?\\s*-?%\\}`, 'u').test(out)) continue;
    out += `\n{% end${name} %}`;
  }
  return out;
}

/** Derive every fact of a parsed post under the site's configuration, at build time `nowMs`. */
export function postFacts(post: ParsedPost, config: SiteConfig, nowMs: number): PostFacts {
  const problems: PostProblem[] = post.yamlProblem ? [post.yamlProblem] : [];

  // Document#initialize: categories from the folders above _posts / _drafts.
  let data: Record<string, unknown> = { categories: folderCategories(post.path, post.kind) };
  // merge_defaults, then the front matter; each merge unions categories (merge_categories!).
  if (config.defaults.length > 0) {
    const defaults = defaultsFor(config.defaults, post.path, 'posts');
    if (Object.keys(defaults).length > 0) data = mergeData(data, defaults);
  }
  if (post.data) data = mergeData(data, post.data);

  const name = parsePostFilename(post.path);
  const basename = post.path.slice(post.path.lastIndexOf('/') + 1);
  const dot = basename.lastIndexOf('.');
  const extension = dot >= 0 && dot < basename.length - 1 ? basename.slice(dot) : '';
  const baseNoExt = basename.slice(0, basename.length - extension.length);
  const valid = post.yamlProblem === null;

  // populate_title (skipped by Jekyll when reading the front matter failed).
  let dateMs: number;
  const rawSlug = name ? name.slug : baseNoExt;
  const fileSlug = rawSlug.endsWith('.') ? rawSlug.replace(/\.+$/u, '') : rawSlug;
  if (valid) {
    if (!('title' in data) || data['title'] === null || data['title'] === false) data['title'] = titleizeSlug(fileSlug);
    if (!('slug' in data) || data['slug'] === null || data['slug'] === false) data['slug'] = fileSlug;
  }
  try {
    if ('date' in data && (valid || data['date'] !== undefined)) dateMs = dateValue(data['date'], config.zone);
    else if (name && valid) dateMs = parseRubyTime(name.date, config.zone);
    else dateMs = post.kind === 'draft' ? Math.floor(post.mtimeMs / 1000) * 1000 : Math.floor(nowMs / 1000) * 1000;
  } catch (error) {
    if (!(error instanceof InvalidDate)) throw error;
    problems.push(problemOf(post.path, `${error.message}.`));
    dateMs = name ? safeFilenameDate(name.date, config.zone, nowMs) : nowMs;
  }

  const categories = valid ? populateCategories(data) : toArray(data['categories']).map(asTaxonomyName);
  const tags = valid ? pluralized(data, 'tag', 'tags') : [];
  const slug = valid ? rubyToS(data['slug']) : baseNoExt;
  const title = valid ? rubyToS(data['title']) : null;

  let url = '';
  // Any string, even '' (which gives the URL `/`), replaces the site's template.
  const template = typeof data['permalink'] === 'string' ? data['permalink'] : permalinkTemplate(config.permalink);
  try {
    url = expandPermalink(template, placeholders(keysOf(template), post.path, slug, baseNoExt, extension, categories, dateMs, config));
  } catch (error) {
    if (!(error instanceof UnknownPlaceholder)) throw error;
    problems.push(problemOf(post.path, error.message));
  }

  // Publisher#can_be_published?: data.fetch("published", true), so an empty `published:` (nil) hides the post too.
  const published = !('published' in data) || (data['published'] !== false && data['published'] !== null);
  const status: PostStatus = post.kind === 'draft' ? 'draft' : !published ? 'unpublished' : dateMs > nowMs && !config.future ? 'future' : 'published';
  const excerpt = typeof data['excerpt'] === 'string' ? data['excerpt'] : post.excerpt;

  return {
    path: post.path,
    status,
    title,
    date: formatIsoInZone(dateMs, config.zone),
    dateMs,
    published,
    slug,
    id: documentId(url, slug),
    url,
    tags,
    categories,
    layout: typeof data['layout'] === 'string' ? data['layout'] : null,
    excerpt,
    problems,
  };
}

function problemOf(path: string, message: string): PostProblem {
  return { path, line: null, column: null, severity: 'error', message };
}

/** `Document#merge_data!`: categories from `other` are unioned onto the current ones, then a deep merge. */
function mergeData(data: Record<string, unknown>, other: Record<string, unknown>): Record<string, unknown> {
  const incoming = { ...other };
  if (incoming['categories'] !== undefined && incoming['categories'] !== null) {
    const next = typeof incoming['categories'] === 'string' ? splitWords(incoming['categories']) : incoming['categories'];
    incoming['categories'] = Array.isArray(data['categories']) ? union(data['categories'], toArray(next)) : next;
  }
  return deepMerge(data, incoming);
}

/**
 * `categories_from_path`: the path with everything from the first `_posts` (or `_drafts`) cut off,
 * even inside a folder name (`old_posts/_posts/x.md` gives `old`), split into folders.
 */
export function folderCategories(path: string, kind: PostKind): string[] {
  const special = kind === 'draft' ? '_drafts' : '_posts';
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const at = path.indexOf(special);
  if (at <= 0) return [];
  return path
    .slice(0, at)
    .split('/')
    .filter((s) => s !== '' && s !== special && s !== basename);
}

/** `populate_categories`: categories + (category, or categories again), as strings, unique; then merged back. */
function populateCategories(data: Record<string, unknown>): TaxonomyName[] {
  const combined = [...toArray(data['categories']), ...pluralized(data, 'category', 'categories')].map(rubyToS);
  const unique = union<string>([], combined);
  return union<TaxonomyName>(toArray(data['categories']).map(asTaxonomyName), unique);
}

/** `Utils.pluralized_array_from_hash`: the singular key wins when present and not nil; strings in the plural are split. */
function pluralized(data: Record<string, unknown>, singular: string, plural: string): TaxonomyName[] {
  let value: unknown = data[singular];
  if (value === undefined || value === null || value === false) {
    const p = data[plural];
    value = typeof p === 'string' ? splitWords(p) : Array.isArray(p) ? p : null;
  }
  return flatten([value]).filter((v) => v !== null && v !== undefined).map(asTaxonomyName);
}

function asTaxonomyName(value: unknown): TaxonomyName {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? value : rubyToS(value);
}

function flatten(values: unknown[], out: unknown[] = []): unknown[] {
  for (const v of values) {
    if (Array.isArray(v)) flatten(v, out);
    else out.push(v);
  }
  return out;
}

function toArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Ruby's `String#split` with no argument: on runs of ASCII whitespace (not U+3000 or NBSP), ignoring the ends. */
function splitWords(text: string): string[] {
  return text.split(/[ \t\n\v\f\r]+/u).filter((w) => w !== '');
}

/** Ruby's `Array#|`: order of first appearance, without duplicates (by value and type). */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of a) if (out.indexOf(item) < 0) out.push(item);
  for (const item of b) if (out.indexOf(item) < 0) out.push(item);
  return out;
}

/** `Utils.parse_date(value.to_s)` in the site's zone. */
function dateValue(value: unknown, zone: string): number {
  if (value instanceof RubyTime) return value.epochMs;
  if (value instanceof RubyDate) return parseRubyTime(value.toString(), zone);
  return parseRubyTime(rubyToS(value), zone);
}

function safeFilenameDate(date: string, zone: string, fallback: number): number {
  try {
    return parseRubyTime(date, zone);
  } catch {
    return fallback;
  }
}

/** The values of `drops/url_drop.rb` for one post, computed only for the keys a template uses. */
function placeholders(template: TemplateKeys, relPath: string, slug: string, baseNoExt: string, extension: string, categories: TaxonomyName[], dateMs: number, config: SiteConfig): Record<string, string> {
  const values: Record<string, string> = {};
  const need = template.needs;
  if (template.needsDate) Object.assign(values, dateParts(inZone(dateMs, config.zone)));
  if (need.has('title')) values['title'] = slugify(slug, 'pretty', true);
  if (need.has('slug')) values['slug'] = slugify(slug);
  if (need.has('name')) values['name'] = slugify(baseNoExt);
  if (need.has('categories')) values['categories'] = union<string>([], categories.map((c) => rubyToS(c).toLowerCase())).join('/');
  if (need.has('slugified_categories')) values['slugified_categories'] = union<string>([], categories.map((c) => slugify(rubyToS(c)))).join('/');
  if (need.has('output_ext')) {
    const ext = extension.toLowerCase();
    values['output_ext'] = config.markdownExt.includes(ext) || ext === '.html' ? '.html' : extension;
  }
  if (need.has('collection')) values['collection'] = 'posts';
  // Document#cleaned_relative_path: the path without extension, with the first `_posts` removed.
  if (need.has('path')) values['path'] = relPath.slice(0, relPath.length - extension.length).replace('_posts', '').replace(/\.+$/u, '');
  return values;
}

const DATE_KEYS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'i_day', 'i_month', 'short_year', 'short_month', 'long_month', 'y_day', 'w_year', 'week', 'w_day', 'short_day', 'long_day']);
/** The values a template's placeholders need (`:title_` needs `title`), and whether any is a date part. */
interface TemplateKeys {
  needs: ReadonlySet<string>;
  needsDate: boolean;
}
const templateKeys = new Map<string, TemplateKeys>();

/** The placeholder names of a template, parsed once per template. */
function keysOf(template: string): TemplateKeys {
  let found = templateKeys.get(template);
  if (!found) {
    const needs = new Set([...template.matchAll(/:([a-z_]+)/gu)].flatMap((m) => [m[1] as string, (m[1] as string).replace(/_$/u, '')]));
    found = { needs, needsDate: [...needs].some((k) => DATE_KEYS.has(k)) };
    templateKeys.set(template, found);
  }
  return found;
}
