/**
 * The fast front-matter path must give exactly what js-yaml with Psych's schema gives, or step
 * aside (null). Checked on every fixture post and on variations of the shapes it reads.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../shared/frontmatter/split';
import { parseSimpleFrontMatter } from '../../../../shared/jekyll/yaml-fast';
import { parseWithJsYaml } from '../../../../shared/jekyll/yaml';
import { REPO_ROOT, SAMPLE_SITE, SHARED_SAMPLES } from '../../../helpers/temp-site';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return /\.(md|markdown|html|txt|mkd)$/u.test(name) ? [full] : [];
  });
}

const FILES = [path.join(REPO_ROOT, 'tests/fixtures'), SAMPLE_SITE, SHARED_SAMPLES].flatMap(markdownFiles);

const SHAPES = [
  'title: "AI News - 오픈AI"\ncategories: AI_News\ntag: [OpenAI, AI, 샘 올트먼, 카카오]\ntoc: true\nsidebar:\n  nav: "docs"',
  'tags:\n  - a\n  - 2025\n  - yes\ncategories:\n- News\n- news',
  "published: no\nversion: 1.10\nzip: 012345\ntime: 12:30:45\nexp: 1e3\nhex: 0x1F\nquote: 'It''s'\nempty:\nnull_value: ~",
  'date: 2025-03-01 20:00:00 -0800\nday: 2025-05-10\nlocal: 2025-03-16 08:05\nbad_day: 2025-02-30',
  'list: []\nlist2: [a]\nlist3: ["x", \'y\', 3.5, true, null]\nnested:\n  a: 1\n  b: [1, 2]\n  c:',
  'title: a, b and c\nurl: https://example.com/a\nratio: 3:4\nkey_with-dash: v',
  'y: y\nn: n\nflag: on\nother: Off\nnothing: NULL\nlong_yes: yesss',
];

describe('the fast front-matter path', () => {
  it.each(FILES.map((f) => [path.relative(REPO_ROOT, f), f]))('agrees with js-yaml on %s', (_name, file) => {
    const block = splitFrontMatter(readFileSync(file, 'utf8'));
    if (!block) return;
    let expected: unknown;
    try {
      expected = parseWithJsYaml(block.yaml) ?? {};
    } catch {
      // Invalid YAML must never look valid on the fast path.
      expect(parseSimpleFrontMatter(block.yaml)).toBeNull();
      return;
    }
    const fast = parseSimpleFrontMatter(block.yaml);
    if (fast !== null) expect(fast).toEqual(expected);
  });

  it.each(SHAPES)('agrees with js-yaml on %j, and reads it', (source) => {
    const fast = parseSimpleFrontMatter(source);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parseWithJsYaml(source));
  });

  it.each(['a: 1\na: 2', 'a: &x 1\nb: *x', 'a: |\n  text', 'a: "esc\\"aped"', 'a: [b, [c]]', 'a: {b: 1}', 'a: b # note', 'a:\n  b:\n    c: 1', 'a: x\n  continued', '"a": 1', 'on: 1', 'minus: -5', 'title: a\x01b', 'tags: [a, "b\x02"]', '__proto__: x', '__proto__:\n  title: Pwned', 'title: a\u2028b'])(
    'leaves %j to the full parser',
    (source) => {
      expect(parseSimpleFrontMatter(source)).toBeNull();
    },
  );

  it('reads most real posts: the sample post and the bench shape', () => {
    const sample = splitFrontMatter(readFileSync(path.join(SHARED_SAMPLES, '2025-02-05-openai-sam-altman-korea-visit.md'), 'utf8'));
    expect(parseSimpleFrontMatter(sample?.yaml ?? '')).not.toBeNull();
  });
});
