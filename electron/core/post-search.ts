import { isUtf8 } from 'node:buffer';
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { MAX_SEARCH_RESULTS } from '../../shared/contract/schemas';
import { splitFrontMatter } from '../../shared/frontmatter/split';
import type { PostFacts } from '../../shared/jekyll/post-facts';
import type { PostMatch, PostMatchField, TaxonomyName } from '../../shared/model/site';
import { readWithStat } from './site-index';
import { resolvePostPath } from './site-paths';

/**
 * Most body text kept in memory, in UTF-16 code units (2 bytes each once a body holds Hangul), so
 * at most 64 MB. The 10,000-post bench site (Korean bodies of ~5 KB) holds 22 M, measured as 50 MB
 * more heap after a first search; bodies past the budget are read again at every search.
 */
export const BODY_BUDGET_CHARS = 32 * 1024 * 1024;
/** File reads between two yields to the event loop, so IPC and HTTP stay responsive. */
const BATCH = 200;
const SNIPPET_CHARS = 80;
/** Context shown before a body match; the rest of the snippet follows it. */
const SNIPPET_BEFORE = 30;
/** How far a snippet's ends move to fall between two words. */
const WORD_SNAP = 12;
const SPACE = /\s/u;

/** A file's size and mtime: a body read from it stays valid while both are unchanged. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * The body text of posts, lowercased and NFC-normalized (the form searches compare), kept between
 * searches so that typing a query reads each file once. An entry is used only while the index saw
 * the same size and mtime; the service also drops it when a save or the watcher reports the file.
 * Only the lowercased body is kept (no front matter, no original text) to halve the memory; a
 * snippet with letters that have case is read again from the file for the original case.
 */
export class BodyCache {
  private readonly bodies = new Map<string, FileStamp & { text: string }>();
  private chars = 0;

  constructor(private readonly budgetChars = BODY_BUDGET_CHARS) {}

  /** The body of `rel` if it was read from a file with this stamp. */
  get(rel: string, stamp: FileStamp): string | null {
    const entry = this.bodies.get(rel);
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.text : null;
  }

  /** Keep a body, unless that would go over the budget. */
  set(rel: string, stamp: FileStamp, text: string): void {
    this.delete(rel);
    if (this.chars + text.length > this.budgetChars) return;
    this.bodies.set(rel, { size: stamp.size, mtimeMs: stamp.mtimeMs, text });
    this.chars += text.length;
  }

  delete(rel: string): void {
    const entry = this.bodies.get(rel);
    if (!entry) return;
    this.bodies.delete(rel);
    this.chars -= entry.text.length;
  }

  /** Drop the bodies of files that are no longer posts. */
  retain(paths: { has(rel: string): boolean }): void {
    for (const rel of this.bodies.keys()) if (!paths.has(rel)) this.delete(rel);
  }

  /** UTF-16 code units held. */
  get size(): number {
    return this.chars;
  }
}

/** What a search needs from the open site. */
export interface SearchScope {
  root: string;
  /** Every post and draft, newest first: the order of the results. */
  posts: readonly PostFacts[];
  /** The stamp of the file the index last read for a post. */
  stamp(rel: string): FileStamp | null;
  bodies: BodyCache;
}

/** Fields in the order they win when a post matches in several. */
const FIELDS: readonly PostMatchField[] = ['title', 'tags', 'categories', 'body'];

/**
 * The posts whose title, tags, categories or body contain every word of `query`, ignoring case and
 * Unicode normalization; one match per post with its best field, newest first, at most
 * MAX_SEARCH_RESULTS. Bodies are read only for posts whose front matter leaves a word unmatched.
 */
export async function findPosts(scope: SearchScope, query: string): Promise<PostMatch[]> {
  const words = [...new Set(fold(query).split(/\s+/u).filter((w) => w !== ''))];
  if (words.length === 0) return [];
  const matches: PostMatch[] = [];
  const files = new PostFiles(scope.root);
  let reads = 0;
  for (const post of scope.posts) {
    const { title: inTitle, tags, categories } = foldedFacts(post);
    let best = FIELDS.length;
    const bodyWords: string[] = [];
    for (const word of words) {
      const rank = inTitle.includes(word) ? 0 : tags.some((t) => t.includes(word)) ? 1 : categories.some((c) => c.includes(word)) ? 2 : -1;
      if (rank < 0) bodyWords.push(word);
      else best = Math.min(best, rank);
    }
    let fresh: string | null = null;
    let body = '';
    if (bodyWords.length > 0) {
      const stamp = scope.stamp(post.path);
      const cached = stamp ? scope.bodies.get(post.path, stamp) : null;
      if (cached !== null) {
        body = cached;
      } else {
        const read = readBody(files, post.path);
        if (++reads % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
        if (!read) continue;
        fresh = read.body;
        body = fold(fresh);
        scope.bodies.set(post.path, read.stamp, body);
      }
      if (!bodyWords.every((w) => body.includes(w))) continue;
      best = Math.min(best, 3);
    }
    const field = FIELDS[best] as PostMatchField;
    matches.push({ path: post.path, field, snippet: snippetFor(field, files, post, words, body, fresh) });
    if (matches.length === MAX_SEARCH_RESULTS) break;
  }
  return matches;
}

/** A post's title, tags and categories as searches compare them. */
interface FoldedFacts {
  title: string;
  tags: string[];
  categories: string[];
}

// Facts are replaced, never changed, when a post changes: an entry lives as long as its facts.
// Folding them anew took two thirds of a search over cached bodies.
const foldedByFacts = new WeakMap<PostFacts, FoldedFacts>();

function foldedFacts(post: PostFacts): FoldedFacts {
  let entry = foldedByFacts.get(post);
  if (!entry) {
    entry = { title: fold(post.title ?? ''), tags: post.tags.map(fold), categories: post.categories.map(fold) };
    foldedByFacts.set(post, entry);
  }
  return entry;
}

/** The text a search compares: NFC (so NFD Hangul from macOS matches), then lowercase. */
function fold(text: TaxonomyName): string {
  return String(text).normalize('NFC').toLowerCase();
}

/**
 * Where the post files of one search are, confined to the site as resolvePostPath does, but
 * cheaper: that costs 40 µs a file (a real path per file), 10,000 of them two fifths of a first
 * search. A file that is not a symbolic link, in a folder whose real path is inside the site, is
 * read directly; anything else (links, names stored in NFD) goes through resolvePostPath.
 */
class PostFiles {
  private realRoot: string | null = null;
  private readonly folders = new Map<string, boolean>();

  constructor(private readonly root: string) {}

  /** The file of the post `rel`; throws like resolvePostPath when it leads out of the site. */
  abs(rel: string): string {
    const direct = path.join(this.root, ...rel.split('/'));
    try {
      if (!lstatSync(direct).isSymbolicLink() && this.inside(path.dirname(direct))) return direct;
    } catch {
      // Missing under its NFC name: resolvePostPath finds a name stored in NFD.
    }
    return resolvePostPath(this.root, rel).abs;
  }

  private inside(folder: string): boolean {
    let inside = this.folders.get(folder);
    if (inside === undefined) {
      this.realRoot ??= realpathSync.native(this.root);
      const real = realpathSync.native(folder);
      inside = real === this.realRoot || real.startsWith(this.realRoot + path.sep);
      this.folders.set(folder, inside);
    }
    return inside;
  }
}

/** A post's body (the text after the front matter) in NFC, and the stamp of the file read; null when unreadable. */
function readBody(files: PostFiles, rel: string): { body: string; stamp: FileStamp } | null {
  try {
    const { stat, bytes } = readWithStat(files.abs(rel));
    if (!isUtf8(bytes)) return null;
    const text = bytes.toString('utf8');
    const block = splitFrontMatter(text);
    const body = block ? text.slice(block.bodyStart) : text.replace(/^\uFEFF/u, '');
    return { body: body.normalize('NFC'), stamp: { size: stat.size, mtimeMs: stat.mtimeMs } };
  } catch {
    return null;
  }
}

function snippetFor(field: PostMatchField, files: PostFiles, post: PostFacts, words: string[], folded: string, fresh: string | null): string {
  if (field === 'title') return post.title ?? '';
  if (field === 'tags' || field === 'categories') {
    const names = [...new Set(post[field].map(String))];
    return names.filter((name) => words.some((w) => fold(name).includes(w))).join(', ');
  }
  const at = Math.min(...words.map((w) => folded.indexOf(w)).filter((i) => i >= 0));
  const length = words.find((w) => folded.startsWith(w, at))?.length ?? 0;
  const snippet = around(folded, at, length);
  // The cache keeps only the lowercased body. A snippet without cased letters (Hangul, digits)
  // reads the same in the file; otherwise show the file's own case, where lowercasing kept every
  // offset (it rarely does not, as for `İ`).
  if (snippet === snippet.toUpperCase()) return snippet;
  const original = fresh ?? readBody(files, post.path)?.body ?? null;
  return original !== null && original.length === folded.length && fold(original) === folded ? around(original, at, length) : snippet;
}

/** About SNIPPET_CHARS characters of `text` around [at, at + length), on one line. */
function around(text: string, at: number, length: number): string {
  let start = Math.max(0, at - SNIPPET_BEFORE);
  let end = Math.min(text.length, Math.max(start + SNIPPET_CHARS, at + length));
  // Near the end of the text, the room left after the match goes before it.
  if (end - start < SNIPPET_CHARS) start = Math.max(0, end - SNIPPET_CHARS);
  // Cut between words when a space is near, rather than inside one.
  if (start > 0 && !SPACE.test(text.charAt(start - 1))) {
    const space = text.slice(start, Math.min(at, start + WORD_SNAP)).search(SPACE);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length && !SPACE.test(text.charAt(end))) {
    const space = text.slice(Math.max(at + length, end - WORD_SNAP), end).search(/\s\S*$/u);
    if (space >= 0) end = Math.max(at + length, end - WORD_SNAP) + space;
  }
  // Never split a surrogate pair (emoji, rare Hanja).
  if (isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const inner = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${inner}${end < text.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
