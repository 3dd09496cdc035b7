import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../shared/frontmatter/split';
import { readingStats } from '../../../../shared/text/reading-stats';
import { SHARED_SAMPLES } from '../../../helpers/temp-site';

describe('readingStats', () => {
  it('counts only the body, with HTML tags removed, as minimal-mistakes does', () => {
    const stats = readingStats('---\ntitle: 제목 있는 글\ntags: [a, b]\n---\n첫 문장<br>둘째 <b>굵게</b> 끝\n');
    expect(stats.words).toBe(5);
    expect(stats.characters).toBe('첫 문장<br>둘째 <b>굵게</b> 끝'.length);
    expect(stats.minutes).toBe(0);
  });

  it('rounds minutes down: 399 words is one minute, 400 is two', () => {
    expect(readingStats('word '.repeat(399)).minutes).toBe(1);
    expect(readingStats('word '.repeat(400)).minutes).toBe(2);
    expect(readingStats('word '.repeat(199)).minutes).toBe(0);
  });

  it('reads the shared Korean sample: hundreds of words, a few minutes', () => {
    const file = readdirSync(SHARED_SAMPLES).find((f) => f.endsWith('.md')) as string;
    const stats = readingStats(readFileSync(path.join(SHARED_SAMPLES, file), 'utf8'));
    expect(stats.words).toBeGreaterThan(200);
    expect(stats.minutes).toBe(Math.floor(stats.words / 200));
  });
});

/** The counting this module did before it was made one pass, kept as the reference it must equal. */
function reference(text: string): { words: number; characters: number } {
  const block = splitFrontMatter(text);
  const body = block ? text.slice(block.bodyStart) : text.replace(/^\uFEFF/u, '');
  const words = body.replace(/<[^>]*>/gu, ' ').split(/\s+/u).filter((w) => w !== '').length;
  let characters = 0;
  for (const ch of body) if (ch !== '\n' && ch !== '\r') characters++;
  return { words, characters };
}

describe('readingStats counts as replace/split/filter does', () => {
  it.each([
    ['tags split words', 'a<b>c</b>d <br>e'],
    ['an unclosed < is text', 'a < b <c'],
    ['a tag over lines', 'one <img\nsrc="x"> two'],
    ['emoji and Hangul', '🚀 발사 🎉\r\n끝\u00a0next\u3000wide'],
    ['BOM without front matter', '\uFEFFword word'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    const { words, characters } = readingStats(text);
    expect({ words, characters }).toEqual(reference(text));
  });

  it('on the shared sample', () => {
    const file = readdirSync(SHARED_SAMPLES).find((f) => f.endsWith('.md')) as string;
    const text = readFileSync(path.join(SHARED_SAMPLES, file), 'utf8');
    const { words, characters } = readingStats(text);
    expect({ words, characters }).toEqual(reference(text));
  });
});
