import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
