/**
 * Post URLs as Jekyll builds them (`url.rb`, `drops/url_drop.rb`, `configuration.rb`): a permalink
 * template (a built-in style or a custom one, or the post's own `permalink:`), placeholders
 * escaped one by one, then `..` and `./` removed and `//` squeezed.
 */

/** The built-in permalink styles of `Configuration#style_to_permalink`. */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The template a `permalink` setting stands for: a style name, or the template itself. */
export function permalinkTemplate(setting: string): string {
  return Object.hasOwn(PERMALINK_STYLES, setting) ? (PERMALINK_STYLES[setting] as string) : setting;
}

/** A placeholder the template names that the post does not have. */
export class UnknownPlaceholder extends Error {
  constructor(readonly placeholder: string) {
    super(`The URL template uses :${placeholder}, which Jekyll does not know.`);
    this.name = 'UnknownPlaceholder';
  }
}

/** Expand a template with placeholder values (`generate_url_from_drop`) and sanitize the result. */
export function expandPermalink(template: string, values: Readonly<Record<string, string>>): string {
  let expanded = '';
  for (const part of templateParts(template)) {
    if (typeof part === 'string') {
      expanded += part;
      continue;
    }
    // `:title_` style keys fall back to the key without the trailing underscore.
    const winner = Object.hasOwn(values, part.key) ? part.key : part.key.endsWith('_') && Object.hasOwn(values, part.key.slice(0, -1)) ? part.key.slice(0, -1) : undefined;
    if (winner === undefined) throw new UnknownPlaceholder(part.key);
    expanded += escapePath(values[winner] ?? '') + part.key.slice(winner.length);
  }
  return sanitizeUrl(expanded);
}

type TemplatePart = string | { key: string };
const parsedTemplates = new Map<string, TemplatePart[]>();

/** A template split into literal text and `:key` placeholders, once per template. */
function templateParts(template: string): TemplatePart[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(/:([a-z_]+)/gu)) {
      if (match.index > last) parts.push(template.slice(last, match.index));
      parts.push({ key: match[1] as string });
      last = match.index + match[0].length;
    }
    if (last < template.length) parts.push(template.slice(last));
    parsedTemplates.set(template, parts);
  }
  return parts;
}

/** `URL.escape_path`: Addressable-style escaping that keeps sub-delims, `:`, `@` and `/`, and `#` as `%23`. */
export function escapePath(value: string): string {
  if (value === '' || /^[a-zA-Z0-9./-]+$/u.test(value)) return value;
  // encodeURIComponent keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ); the sub-delims and `:@/?` it escapes
  // are kept by Addressable, so they are put back. An original `%` stays `%25`.
  const encoded = encodeURIComponent(value);
  // Multi-byte characters encode as %80-%FF: only ASCII punctuation can need putting back.
  return encoded.includes('%2') || encoded.includes('%3') || encoded.includes('%40') ? encoded.replace(/%(?:24|26|2B|2C|3B|3D|3A|40|2F|3F)/gu, decodeURIComponent) : encoded;
}

/** `URL#sanitize_url`: prefix `/`, turn `..` into `/`, drop `./`, squeeze repeated `/`. */
export function sanitizeUrl(url: string): string {
  let result = `/${url}`;
  if (result.includes('..')) result = result.replaceAll('..', '/');
  while (result.includes('./')) result = result.replaceAll('./', '');
  return result.includes('//') ? result.replace(/\/{2,}/gu, '/') : result;
}

/** `Document#id`: the URL's folder joined with the raw slug. */
export function documentId(url: string, slug: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  const trimmed = url.slice(0, end);
  const cut = trimmed.lastIndexOf('/');
  const dir = cut <= 0 ? '/' : trimmed.slice(0, cut);
  return `${dir === '/' ? '' : dir}/${slug}`;
}
