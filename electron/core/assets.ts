/**
 * Images pasted or dropped into a post: where they go in the site, what they are called, and
 * whether their bytes really are the image their name says.
 */
import { HanjiError } from '../../shared/contract/result';
import { MAX_ASSET_BYTES, assetTooLargeMessage } from '../../shared/contract/schemas';
import type { SiteConfig } from '../../shared/jekyll/config';
import { inZone } from '../../shared/jekyll/time';
import type { AssetResult } from '../../shared/model/site';
import { createFileExclusive } from './file-ops';
import { resolveInSite } from './site-paths';

/** What an image's bytes are, whatever its name says. */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

/** The extensions Hanji saves, lowercased, and the kind of bytes each must hold. */
const KIND_OF_EXTENSION: Readonly<Record<string, ImageKind>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' };

/** The extension a nameless image gets from its bytes. */
const EXTENSION_OF_KIND = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' } as const satisfies Record<ImageKind, string>;

/** Where images go when `_config.yml` has no `hanji.assets_dir`. */
export const DEFAULT_ASSETS_DIR = 'assets/images/:slug';

/** Longest file-name stem kept, in UTF-8 bytes: names must stay under 255 bytes with `-999.jpeg`. */
const MAX_STEM_BYTES = 200;

/** Names Windows reserves even with an extension (`con.png` cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A file name made safe for a site and a Markdown link: letters (Hangul included), digits, `-`,
 * `_` and `.` are kept, anything else (separators, spaces, NUL) becomes `-`; no leading `.`, `_`,
 * `#`, `~` or `-` (Jekyll would not publish it, or it would be hidden); the extension lowercased.
 * `ext` is null when the name has none.
 */
export function cleanAssetName(fileName: string): { stem: string; ext: string | null } {
  const cleaned = fileName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}._-]+/gu, '-')
    .replace(/^[._-]+/u, '');
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && dot < cleaned.length - 1 ? cleaned.slice(dot + 1).toLowerCase() : null;
  let stem = tidySegment(ext === null ? cleaned : cleaned.slice(0, dot));
  stem = truncateUtf8(stem, MAX_STEM_BYTES).replace(/[._-]+$/u, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `image-${stem}`;
  return { stem, ext };
}

/** The kind of image in `bytes`, from its first bytes (SVG: from its text); null when it is none of them. */
export function detectImageKind(bytes: Uint8Array): ImageKind | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    // An ISO-BMFF `ftyp` box: the major brand, then compatible brands up to the box's end.
    const boxEnd = Math.min(bytes.length, ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  }
  return svgText(bytes) !== null ? 'svg' : null;
}

/** The text of an SVG file (UTF-8, starting with `<svg` or `<?xml` and holding an `<svg`), else null. */
function svgText(bytes: Uint8Array): string | null {
  // Only the start is needed to tell; decoding 20 MB of a photo as text would be wasted work.
  const head = bytes.subarray(0, 1024);
  const start = String.fromCharCode(...head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0, 64)).trimStart();
  if (!start.startsWith('<svg') && !start.startsWith('<?xml')) return null;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  return /<svg[\s>/]/u.test(text) ? text : null;
}

/**
 * Why an SVG could run code when opened on its own (a `<script>`, an `on…=` handler, a
 * `javascript:` link, HTML in `<foreignObject>`, or entities that could spell any of them); null when
 * it cannot.
 */
export function unsafeSvgReason(text: string): string | null {
  if (/<script[\s>/]/iu.test(text)) return 'a <script> element';
  if (/[\s"'/]on[a-z]+\s*=/iu.test(text)) return 'an event handler attribute (on…=)';
  if (/javascript\s*:/iu.test(text)) return 'a javascript: link';
  if (/<foreignObject[\s>/]/iu.test(text)) return 'a <foreignObject> element';
  if (/<!ENTITY/iu.test(text)) return 'an entity declaration';
  return null;
}

/**
 * Check that `bytes` are an image Hanji adds and that `ext` names that kind; BAD_REQUEST saying
 * what to do otherwise. Returns the extension to save under (from the bytes when `ext` is null).
 */
export function checkImage(label: string, ext: string | null, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new HanjiError('BAD_REQUEST', `${label} is empty; copy the image again.`);
  if (bytes.length > MAX_ASSET_BYTES) throw new HanjiError('BAD_REQUEST', assetTooLargeMessage(bytes.length));
  const kind = detectImageKind(bytes);
  const expected = ext === null ? kind : KIND_OF_EXTENSION[ext];
  if (!expected) throw new HanjiError('BAD_REQUEST', `${label} is not an image Hanji adds to posts: use PNG, JPEG, GIF, WebP, AVIF or SVG.`);
  if (kind !== expected) {
    const found = kind ? `its bytes are ${kind.toUpperCase()}` : 'its bytes are not an image Hanji knows';
    throw new HanjiError('BAD_REQUEST', `${label} is not the ${expected.toUpperCase()} file its name says (${found}); export it again as PNG, JPEG, GIF, WebP, AVIF or SVG.`);
  }
  if (kind === 'svg') {
    const reason = unsafeSvgReason(svgText(bytes) ?? '');
    if (reason) throw new HanjiError('BAD_REQUEST', `${label} contains ${reason}, which could run code when the image is opened; Hanji does not add such SVG files. Remove it or export the image as PNG.`);
  }
  return ext ?? EXTENSION_OF_KIND[kind];
}

/**
 * The site-relative folder for a post's images: `hanji.assets_dir` from `_config.yml` (default
 * `assets/images/:slug`) with `:slug` replaced by the post's slug made safe. BAD_REQUEST when the
 * setting names a folder Jekyll would not publish or one outside the site.
 */
export function assetFolder(config: SiteConfig, slug: string): string {
  const hanji = config.raw['hanji'];
  const setting = typeof hanji === 'object' && hanji !== null ? (hanji as Record<string, unknown>)['assets_dir'] : undefined;
  const template = typeof setting === 'string' && setting.replace(/[/\s]/gu, '') !== '' ? setting : DEFAULT_ASSETS_DIR;
  const safeSlug = tidySegment(slug.normalize('NFC').replace(/[^\p{L}\p{N}\p{M}._-]+/gu, '-')).replace(/^[._-]+|[._-]+$/gu, '') || 'post';
  const segments = template
    .replaceAll(':slug', safeSlug)
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  const bad = (why: string) => new HanjiError('BAD_REQUEST', `hanji.assets_dir in _config.yml (${JSON.stringify(template)}) ${why}; use a folder such as ${DEFAULT_ASSETS_DIR}.`);
  if (/^[a-zA-Z]:|^\\/u.test(template) || template.includes('\\')) throw bad('must use "/" and stay inside the site');
  if (segments.includes('..')) throw bad('must stay inside the site');
  if (segments.some((s) => /^[._]/u.test(s))) throw bad('names a folder starting with "." or "_", which Jekyll does not publish');
  return segments.join('/');
}

/** The URL a page links an asset with: baseurl, then the path with anything a Markdown link or a URL cannot hold escaped. */
export function assetUrl(baseurl: string, rel: string): string {
  const base = baseurl.trim().replace(/\/+$/u, '');
  const prefix = base === '' || base.startsWith('/') ? base : `/${base}`;
  const escaped = rel
    .split('/')
    // encodeURIComponent leaves ( ) ' ! * alone, and a `)` would end the Markdown link.
    .map((segment) => segment.replace(/[^\p{L}\p{N}\p{M}._~-]/gu, (c) => encodeURIComponent(c).replace(/[!'()*]/gu, (m) => `%${m.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
  return `${prefix}/${escaped}`;
}

/** `image-20250115-073000`: the name of a pasted image that has none, from the site's wall clock. */
export function screenshotStem(nowMs: number, zone: string): string {
  const t = inZone(nowMs, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `image-${String(t.year).padStart(4, '0')}${pad(t.month)}${pad(t.day)}-${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/**
 * Save an image for a post into the site: checked (kind, size, SVG safety), named from `fileName`,
 * written exclusively under the first free name (`photo.png`, `photo-1.png`, …), never replacing a file.
 */
export async function saveAssetFile(root: string, config: SiteConfig, slug: string, fileName: string, bytes: Uint8Array, nowMs: number): Promise<AssetResult> {
  const { stem: cleanStem, ext: givenExt } = cleanAssetName(fileName);
  const label = fileName.trim() === '' ? 'The pasted image' : `"${fileName.slice(0, 200)}"`;
  const ext = checkImage(label, givenExt, bytes);
  const stem = cleanStem === '' ? screenshotStem(nowMs, config.zone) : cleanStem;
  const folder = assetFolder(config, slug);
  for (let n = 0; n < 1000; n++) {
    const name = `${stem}${n === 0 ? '' : `-${n}`}.${ext}`;
    const { abs, rel } = resolveInSite(root, folder === '' ? name : `${folder}/${name}`);
    try {
      await createFileExclusive(abs, bytes);
      return { path: rel, url: assetUrl(config.baseurl, rel) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new HanjiError('IO', `Could not save the image as ${rel} (${code ?? 'error'}); nothing was added.`, { path: rel });
    }
  }
  throw new HanjiError('CONFLICT', `Every name for "${stem}.${ext}" in ${folder || 'the site folder'} is taken; rename the image and add it again.`);
}

/** Collapse runs of `-` and drop `-` at the ends of a name part. */
function tidySegment(text: string): string {
  return text.replace(/-{2,}/gu, '-').replace(/^-+|-+$/gu, '');
}

/** `text` cut to at most `max` UTF-8 bytes, at a character boundary. */
function truncateUtf8(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes > max) break;
    out += char;
  }
  return out;
}
