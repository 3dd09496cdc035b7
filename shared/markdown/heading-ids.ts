/**
 * Heading ids as Jekyll 4.3's kramdown 2.4 makes them (JEKYLL-RULES.md §10).
 *
 * A: the GFM parser's `generate_gfm_header_id` (kramdown-parser-gfm `gfm.rb:106-118`), used for
 *    every heading of a GFM post except those inside HTML elements and footnotes.
 * B: the converter's `generate_id` / `basic_generate_id` (kramdown `converter/base.rb:222-243`),
 *    used inside `<div markdown="1">`, in footnotes, and everywhere with `input: kramdown`.
 */

/**
 * Ruby's `\p{Word}` (Onigmo): letters and other alphabetic code points, marks, decimal digits and
 * connector punctuation. Join_Control is not in it, unlike JavaScript's Unicode `\w` definition.
 */
const NOT_GFM_ID_CHAR = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/**
 * Algorithm A without the duplicate counter: Unicode lowercase, delete what is not a word
 * character, `-`, space or tab, then each space or tab becomes `-` (no collapsing, no trimming).
 */
export function gfmBaseId(text: string): string {
  return rubyDowncase(text).replace(NOT_GFM_ID_CHAR, '').replace(/[ \t]/g, '-');
}

/**
 * Algorithm B without the duplicate counter or the `section` fallback: drop leading characters
 * that are not ASCII letters, keep only `[a-zA-Z0-9 -]`, spaces become `-`, lowercase.
 */
export function kramdownBaseId(text: string): string {
  // Ruby's `^` matches after every newline, so each line loses its leading non-letters.
  return text
    .replace(/^[^a-zA-Z]+/gm, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** Turns heading texts into ids in document order, with one algorithm's duplicate counter. */
export type HeadingIdGenerator = (text: string) => string;

/**
 * Algorithm A with its counter: the first `foo` is bare, later ones `foo-1`, `foo-2`… The
 * counter is per resulting string and never checks other ids, so `Foo`, `Foo 1`, `Foo` gives
 * `foo`, `foo-1`, `foo-1`. An empty result is returned as `''` (no id attribute) but counted.
 */
export function gfmIdGenerator(): HeadingIdGenerator {
  const seen = new Map<string, number>();
  return (text) => {
    const base = gfmBaseId(text);
    const count = (seen.get(base) ?? -1) + 1;
    seen.set(base, count);
    return count > 0 ? `${base}-${count}` : base;
  };
}

/** Algorithm B with its counter: an empty result becomes `section`; duplicates get `-1`, `-2`… */
export function kramdownIdGenerator(): HeadingIdGenerator {
  const used = new Map<string, number>();
  return (text) => {
    const base = kramdownBaseId(text) || 'section';
    const count = used.get(base);
    if (count === undefined) {
      used.set(base, 0);
      return base;
    }
    used.set(base, count + 1);
    return `${base}-${count + 1}`;
  };
}

/**
 * Ruby's `String#downcase`: full Unicode lowercase mapping, one code point at a time. JavaScript's
 * `toLowerCase` also applies the final-sigma rule (`ΟΔΟΣ` → `οδος`), which Ruby does not (`οδοσ`).
 */
function rubyDowncase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ς') ? Array.from(text, (c) => c.toLowerCase()).join('') : lower;
}
