import { describe, expect, it } from 'vitest';
import { RubyDate, RubyTime, YamlProblem, parseFrontMatterYaml, resolvePlainScalar } from '../../../../shared/jekyll/yaml';

describe('front-matter values as Jekyll reads them (JEKYLL-RULES §2.3, Psych YAML 1.1)', () => {
  it.each([
    ['published: no', false],
    ['published: yes', true],
    ['published: on', true],
    ['published: Off', false],
    ['published: "false"', 'false'],
    ['published: y', 'y'],
    ['version: 1.10', 1.1],
    ['zip_code: 012345', 5349],
    ['time_of_day: 12:30:45', 45045],
    ['exp_value: 1e3', '1e3'],
    ['octal_o: 0o17', '0o17'],
    ['hex_value: 0x1F', 31],
    ['big: 1,000', 1000],
    ['half: .5', 0.5],
    ['date: 2025-03-16 08:05', '2025-03-16 08:05'],
    ['date: 2025-02-30', '2025-02-30'],
    ['date: 2025-13-01 10:00:00 +09:00', '2025-13-01 10:00:00 +09:00'],
    ['k: 1:30', 5400],
    ['k: -1:30', -1800],
    ['empty:', null],
    ['tilde: ~', null],
    ['nil: NULL', null],
    ['title: 샘 올트먼', '샘 올트먼'],
    ["title: \"It''s\"", "It''s"],
    ["title: 'It''s'", "It's"],
  ])('%s', (source, expected) => {
    expect(Object.values(parseFrontMatterYaml(source))[0]).toEqual(expected);
  });

  it('keeps the offset of a timestamp as the instant it names', () => {
    const { date } = parseFrontMatterYaml('date: 2025-03-01 20:00:00 -0800');
    expect(date).toBeInstanceOf(RubyTime);
    expect(new Date((date as RubyTime).epochMs).toISOString()).toBe('2025-03-02T04:00:00.000Z');
  });

  it('reads a timestamp without a zone as UTC wall time, as Psych does', () => {
    const { date } = parseFrontMatterYaml('date: 2025-03-16 08:05:00');
    expect(new Date((date as RubyTime).epochMs).toISOString()).toBe('2025-03-16T08:05:00.000Z');
  });

  it('reads a bare day as a calendar date with no zone', () => {
    expect(parseFrontMatterYaml('date: 2025-05-10')['date']).toEqual(new RubyDate(2025, 5, 10));
  });

  it('keeps list values with their YAML types', () => {
    expect(parseFrontMatterYaml('tags: [AI, ai, Ai, 2025, true, 3.5]')['tags']).toEqual(['AI', 'ai', 'Ai', 2025, true, 3.5]);
  });

  it('merges `<<: *base` keys', () => {
    expect(parseFrontMatterYaml('base: &b {layout: single, toc: true}\npost:\n  <<: *b\n  toc: false')['post']).toEqual({ layout: 'single', toc: false });
  });

  it.each([
    ['a duplicate key', 'title: a\ntitle: b', /duplicated mapping key/u],
    ['an unclosed quote', 'title: "open\ntags: [a]', /./u],
    ['a list at the top', '- a\n- b', /mapping/u],
    ['a Ruby object tag', 'x: !ruby/object:Object {}', /unknown tag/u],
    ['a Unicode line separator', 'title: a\u2028b', /U\+2028/u],
  ])('refuses %s with its position', (_name, source, message) => {
    expect(() => parseFrontMatterYaml(source)).toThrowError(message);
    try {
      parseFrontMatterYaml(source);
    } catch (error) {
      expect(error).toBeInstanceOf(YamlProblem);
    }
  });

  it('refuses an alias bomb by counting what the aliases expand to', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(() => parseFrontMatterYaml(lines.join('\n'))).toThrowError(/billion laughs/u);
  });

  it('refuses front matter over 256 KiB', () => {
    expect(() => parseFrontMatterYaml(`title: "${'x'.repeat(300 * 1024)}"`)).toThrowError(/larger than 256 KiB/u);
  });

  it('treats only plain scalars as typed: resolvePlainScalar is Psych ScalarScanner#tokenize', () => {
    expect(resolvePlainScalar('true')).toBe(true);
    expect(resolvePlainScalar('-.inf')).toBe(-Infinity);
    expect(resolvePlainScalar('1:30')).toBe(5400); // Psych counts a two-part value from hours
  });
});
