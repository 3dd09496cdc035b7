import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../shared/frontmatter/split';

/** Expected values checked with Ruby against Jekyll's YAML_FRONT_MATTER_REGEXP. */
describe('splitFrontMatter (JEKYLL-RULES §2.2)', () => {
  it.each([
    ['---\ntitle: a\n---\nbody\n', 'title: a\n', 'body\n', '---'],
    ['---\r\ntitle: a\r\n---\r\nbody\r\n', 'title: a\r\n', 'body\r\n', '---'],
    ['\uFEFF---\ntitle: a\n...\nbody', 'title: a\n', 'body', '...'],
    ['---\n---\nbody', '', 'body', '---'],
    ['---   \ntitle: a\n---', 'title: a\n', '', '---'],
    ['---\ntitle: a\n---\n\nbody\n', 'title: a\n', 'body\n', '---'],
    ['---\ntitle: a\n---\n\n\n  \nbody', 'title: a\n', 'body', '---'],
    ['---\ntitle: a\n--- \n\nbody ---\n---\n', 'title: a\n', 'body ---\n---\n', '---'],
  ])('%j', (text, yaml, body, closer) => {
    const block = splitFrontMatter(text);
    expect(block).toMatchObject({ yaml, closer });
    expect(text.slice(block?.bodyStart)).toBe(body);
  });

  it.each(['no front matter', '----\ntitle\n---\n', ' ---\ntitle: a\n---\n', '---js\n{}\n---\n', '---\ntitle: a\nno closer\n', '---\u3000\ntitle: a\n---\n'])('finds none in %j', (text) => {
    expect(splitFrontMatter(text)).toBeNull();
  });
});
