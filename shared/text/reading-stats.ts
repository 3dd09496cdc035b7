import { splitFrontMatter } from '../frontmatter/split';

/** Words, characters and minimal-mistakes' reading time of a post's body. */
export interface ReadingStats {
  words: number;
  characters: number;
  /** Whole minutes as minimal-mistakes shows them (`read_time`); 0 means "less than 1 minute". */
  minutes: number;
}

/** minimal-mistakes' default `words_per_minute`. */
export const WORDS_PER_MINUTE = 200;

/**
 * Count the body the way minimal-mistakes' `read_time` include does: HTML tags stripped, then
 * Jekyll's `number_of_words` (runs of non-whitespace), then `words / words_per_minute` rounded
 * down, "less than 1 minute" under one. Characters count the body's code points except line
 * breaks, which is what writers in Korean usually mean by 글자 수.
 */
export function readingStats(text: string, wordsPerMinute = WORDS_PER_MINUTE): ReadingStats {
  const block = splitFrontMatter(text);
  const start = block ? block.bodyStart : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // One pass instead of replace/split/filter: the status bar and the preview count a 1 MB post
  // after every keystroke. A tag (`<` up to the next `>`) separates words, as its replacement
  // by a space did; an unclosed `<` is text.
  let words = 0;
  let inWord = false;
  let characters = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && !(c >= 0xdc00 && c <= 0xdfff && i > start && isHighSurrogate(text.charCodeAt(i - 1)))) characters++;
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i + 1);
      if (close >= 0) {
        for (let j = i + 1; j <= close; j++) {
          const d = text.charCodeAt(j);
          if (d !== 10 && d !== 13 && !(d >= 0xdc00 && d <= 0xdfff && isHighSurrogate(text.charCodeAt(j - 1)))) characters++;
        }
        i = close;
        inWord = false;
        continue;
      }
    }
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return { words, characters, minutes: Math.floor(words / wordsPerMinute) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** JavaScript's `\s`: the characters `split(/\s+/)` splits on. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
