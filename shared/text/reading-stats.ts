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
  const body = block ? text.slice(block.bodyStart) : text.replace(/^\uFEFF/u, '');
  const stripped = body.replace(/<[^>]*>/gu, ' ');
  const words = stripped.split(/\s+/u).filter((w) => w !== '').length;
  let characters = 0;
  for (const ch of body) if (ch !== '\n' && ch !== '\r') characters++;
  return { words, characters, minutes: Math.floor(words / wordsPerMinute) };
}
