/** Jekyll's slugify modes (`utils.rb`). `latin` would need I18n transliteration and is treated as `ascii`. */
export type SlugifyMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'latin' | 'none';

const REPLACEABLE: Record<Exclude<SlugifyMode, 'none'>, RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/gu,
  latin: /[^A-Za-z0-9]+/gu,
};

/**
 * `Utils.slugify`: replace runs of characters the mode does not keep with `-`, drop one leading
 * and one trailing `-`, and lowercase unless `cased`. Hangul is a letter, so it survives.
 */
export function slugify(text: string, mode: SlugifyMode = 'default', cased = false): string {
  if (mode === 'none') return cased ? text : text.toLowerCase();
  const source = mode === 'latin' ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  // Ruby's ^ and $ are line anchors, so each line loses its own edge hyphen.
  const slug = source.replace(REPLACEABLE[mode], '-').replace(/^-|-$/gmu, '');
  return cased ? slug : slug.toLowerCase();
}
