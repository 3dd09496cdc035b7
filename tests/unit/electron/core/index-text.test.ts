import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeForIndex } from '../../../../electron/core/index-text';
import { parseSiteConfig } from '../../../../shared/jekyll/config';
import { parsePost } from '../../../../shared/jekyll/post-facts';
import { REPO_ROOT, SHARED_SAMPLES } from '../../../helpers/temp-site';

const config = parseSiteConfig('timezone: Asia/Seoul\n');

/** What parsePost makes of the whole text: the index's partial decode must give exactly this. */
function expectSameAsWholeFile(text: string, separator = '\n\n'): void {
  const bytes = Buffer.from(text, 'utf8');
  const partial = decodeForIndex(bytes, separator);
  expect(partial).not.toBeNull();
  expect(text.startsWith(partial as string)).toBe(true);
  const cfg = { ...config, excerptSeparator: separator };
  const whole = parsePost('_posts/2025-01-01-a.md', 'post', text, 0, cfg);
  expect(parsePost('_posts/2025-01-01-a.md', 'post', partial as string, 0, cfg)).toEqual(whole);
}

const HANGUL = '한글 본문입니다. '.repeat(40);

function* variants(): Generator<string> {
  const fm = '---\ntitle: "제목"\ntag: [AI, 블로그]\n---\n';
  yield `${fm}첫 문단.\n\n둘째 문단 ${HANGUL}`;
  yield `\uFEFF${fm}첫 문단.\n\n둘째`;
  yield `${fm.replaceAll('\n', '\r\n')}첫 문단.\r\n\r\n둘째 ${HANGUL}`;
  yield `${fm}\n\n\n${' '.repeat(600)}\n\n본문\n\n끝`; // blank lines after the closer cross the first slice
  yield `${fm}${HANGUL}`; // no separator at all: the excerpt is the whole body
  yield `${fm}${HANGUL}\n\n`; // separator at the very end
  yield `${fm}[링크][1] 문단.\n\n${HANGUL}\n\n[1]: https://example.com`; // link definitions appended
  yield `${fm}{% if site.x %}열린 블록\n\n{% endif %} ${HANGUL}`; // Liquid block cut open
  yield `---\nexcerpt_separator: <!--more-->\ntitle: x\n---\n앞\n\n뒤<!--more-->끝 ${HANGUL}`;
  yield `---\ntitle: "${'긴 제목 '.repeat(300)}"\n---\n본문\n\n끝`; // front matter past several slices
  yield `---\ntitle: never closed\n${HANGUL}`;
  yield `본문만 있는 글\n\n${HANGUL}`;
  yield `---\n---\n\n${HANGUL}`;
  // The separator lands on every byte offset around the first slice, inside and between Hangul.
  for (let pad = 480; pad < 530; pad++) yield `${fm}${'가'.repeat(Math.floor(pad / 3))}${'a'.repeat(pad % 3)}\n\n${HANGUL}`;
}

describe('decodeForIndex', () => {
  it('gives parsePost exactly what the whole file gives it', () => {
    for (const text of variants()) expectSameAsWholeFile(text);
  });

  it('honours other separators, including none', () => {
    for (const text of variants()) {
      expectSameAsWholeFile(text, '<!--more-->');
      expectSameAsWholeFile(text, '');
    }
  });

  it('agrees on every fixture post and on the shared sample', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const abs = path.join(dir, name);
        if (statSync(abs).isDirectory()) walk(abs);
        else if (/\.(md|markdown|html)$/u.test(name)) files.push(abs);
      }
    };
    walk(path.join(REPO_ROOT, 'tests/fixtures'));
    walk(SHARED_SAMPLES);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Files that are not UTF-8 are covered below; a BOM-less read of them is lossy.
      if (Buffer.from(text, 'utf8').equals(readFileSync(file))) expectSameAsWholeFile(text);
    }
  });

  it('decodes only the beginning of a long post', () => {
    const text = `---\ntitle: x\n---\n첫 문단.\n\n${HANGUL.repeat(20)}`;
    const partial = decodeForIndex(Buffer.from(text), '\n\n') as string;
    expect(partial.length).toBeLessThan(600);
  });

  it('decodes the whole file when the site sets separators in defaults', () => {
    const text = `---\ntitle: x\n---\n앞\n\n${HANGUL}`;
    expect(decodeForIndex(Buffer.from(text), null)).toBe(text);
  });

  it('refuses a file that is not UTF-8, even when the bad byte is past the excerpt', () => {
    const bytes = Buffer.concat([Buffer.from(`---\ntitle: x\n---\n앞\n\n${HANGUL}`), Buffer.from([0xff, 0xfe])]);
    expect(decodeForIndex(bytes, '\n\n')).toBeNull();
  });
});
