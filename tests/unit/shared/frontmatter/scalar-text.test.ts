import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  blockScalarText,
  booleanText,
  canBePlain,
  doubleQuoted,
  numberText,
  parseBlockHeader,
  singleQuoted,
} from '../../../../shared/frontmatter/scalar-text';
import { psychTags } from '../../../../shared/frontmatter/yaml-source';

/** What Psych-compatible YAML 1.1 reads `text` as, as the value of a key. */
const read = (text: string): unknown => parseDocument(`k: ${text}`, { version: '1.1', customTags: psychTags }).toJS().k;

describe('canBePlain', () => {
  it.each([
    ['Hello world', true, true],
    ['샘 올트먼', true, true],
    ['SK그룹', true, true],
    ['a-b_c.d', true, true],
    ['http://example.com/a', true, false],
    ['a, b', true, false],
    ['[a]', false, false],
    ['yes', false, false],
    ['1.10', false, false],
    ['2025-01-01', false, false],
    ['a: b', false, false],
    ['a #b', false, false],
    ['', false, false],
    [' a', false, false],
    ['a\nb', false, false],
  ])('%j: block %s, flow %s', (text, block, flow) => {
    expect([canBePlain(text, false), canBePlain(text, true)]).toEqual([block, flow]);
  });
});

describe('every spelling reads back as the value it was made for', () => {
  it.each(['plain', "It's", 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', 'nul\u0000', 'bell\u0007', 'del\u007f', 'ls\u2028', 'bom\ufeff', '😀 emoji', '한글 "따옴표"'])(
    'doubleQuoted(%j)',
    (text) => {
      expect(read(doubleQuoted(text))).toBe(text);
    },
  );

  it.each(["It's", 'plain', '"double"'])('singleQuoted(%j)', (text) => {
    expect(read(singleQuoted(text) ?? '')).toBe(text);
  });

  it('singleQuoted refuses what needs escapes', () => {
    expect(singleQuoted('a\nb')).toBeNull();
  });

  it.each([0, -1, 42, 1.5, -0.25, 1e21, 1.5e-7, 5e-7, 12345678901234, Infinity, -Infinity])('numberText(%s)', (value) => {
    expect(read(numberText(value))).toBe(value);
  });

  it('numberText(NaN) is .nan', () => {
    expect(read(numberText(Number.NaN))).toBeNaN();
  });

  it.each<[boolean, string | undefined, string]>([
    [true, undefined, 'true'],
    [false, 'yes', 'no'],
    [true, 'No', 'Yes'],
    [false, 'ON', 'OFF'],
    [true, 'false', 'true'],
  ])('booleanText(%s, %j) is %j', (value, previous, text) => {
    expect(booleanText(value, previous)).toBe(text);
    expect(read(text)).toBe(value);
  });
});

describe('blockScalarText', () => {
  const literal = parseBlockHeader('|') ?? { indicator: '|', rest: '' };
  const folded = parseBlockHeader('>- # note') ?? { indicator: '>', rest: '' };

  it.each(['one line', 'line\n', 'two\nlines\n', 'keep\n\n\n', 'a\n\nb', '  # not a comment\nx'.slice(2)])('a literal block holds %j', (value) => {
    const text = blockScalarText(value, literal, 2, '\n');
    expect(text).not.toBeNull();
    expect(read(text ?? '')).toBe(value);
  });

  it.each(['one line', 'a\nb', 'a\n\nb\n', 'long words that stay on one line'])('a folded block holds %j', (value) => {
    const text = blockScalarText(value, folded, 4, '\r\n');
    expect(text?.startsWith('>')).toBe(true);
    expect(text).toContain(' # note\r\n');
    expect(read(text ?? '')).toBe(value);
  });

  it.each(['', ' leading space', 'tab\tinside', 'a\n b'])('gives up on %j where the style cannot hold it', (value) => {
    expect(blockScalarText(value, value === 'a\n b' ? folded : literal, 2, '\n')).toBeNull();
  });

  it('parses headers with indicators in either order', () => {
    expect(parseBlockHeader('|2- # c')).toEqual({ indicator: '|', rest: ' # c' });
    expect(parseBlockHeader('>+')).toEqual({ indicator: '>', rest: '' });
    expect(parseBlockHeader('plain')).toBeNull();
  });
});
