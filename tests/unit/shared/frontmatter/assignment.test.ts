import { describe, expect, it } from 'vitest';
import { applyFrontMatterEdits, parseAssignment, parseRemoval, type YamlValue } from '../../../../shared/frontmatter/edit';

describe('parseAssignment reads KEY=VALUE with VALUE as YAML 1.1 (for `hanji set`)', () => {
  it.each<[string, string[], YamlValue]>([
    ['title=Hello world', ['title'], 'Hello world'],
    ['published=no', ['published'], false],
    ['published=yes', ['published'], true],
    ['comments=Off', ['comments'], false],
    ['toc=true', ['toc'], true],
    ['answer=y', ['answer'], 'y'],
    ['sidebar.nav=docs', ['sidebar', 'nav'], 'docs'],
    ['a.b=', ['a', 'b'], null],
    ['tags=[OpenAI, AI, 샘 올트먼]', ['tags'], ['OpenAI', 'AI', '샘 올트먼']],
    ['header={overlay_color: "#333", teaser: /a.png}', ['header'], { overlay_color: '#333', teaser: '/a.png' }],
    ['count=012', ['count'], 10],
    ['version=1.10', ['version'], 1.1],
    ['exp=1e3', ['exp'], '1e3'],
    ['date=2025-01-01', ['date'], '2025-01-01'],
    ['date=2025-03-01 20:00:00 -0800', ['date'], '2025-03-01 20:00:00 -0800'],
    ['title="A: B"', ['title'], 'A: B'],
    ["title='It''s'", ['title'], "It's"],
    ['title=a=b', ['title'], 'a=b'],
    [' title =x', ['title'], 'x'],
  ])('%j', (arg, path, value) => {
    expect(parseAssignment(arg)).toEqual({ path, value });
  });

  it.each(['title', '=x', '.a=1', 'a..b=1', 'a.=1', 'tags=[unclosed', 'x=*alias', 'x=!!binary aGk=', 'x={[a]: b}'])('refuses %j with BAD_REQUEST', (arg) => {
    expect(() => parseAssignment(arg)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('writes `published=no` as the real boolean false', () => {
    const text = '---\ntitle: x\n---\n';
    expect(applyFrontMatterEdits(text, [parseAssignment('published=no')])).toBe('---\ntitle: x\npublished: false\n---\n');
  });
});

describe('parseRemoval reads KEY (for `hanji unset`)', () => {
  it.each<[string, string[]]>([
    ['toc', ['toc']],
    ['sidebar.nav', ['sidebar', 'nav']],
  ])('%j', (arg, path) => {
    expect(parseRemoval(arg)).toEqual({ path, remove: true });
  });

  it.each(['', '.', 'a.', 'title=x'])('refuses %j with BAD_REQUEST', (arg) => {
    expect(() => parseRemoval(arg)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
