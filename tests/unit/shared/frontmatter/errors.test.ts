import { describe, expect, it } from 'vitest';
import { HanjiError } from '../../../../shared/contract/result';
import { applyFrontMatterEdits, type FrontMatterEdit } from '../../../../shared/frontmatter/edit';
import { MAX_ALIAS_COUNT, MAX_FRONT_MATTER_BYTES, parseFrontMatterYaml } from '../../../../shared/frontmatter/yaml-source';

const FILE = '_posts/2025-01-11-broken-yaml.md';
const EDIT: FrontMatterEdit = { path: ['title'], value: 'new' };

/** The error applyFrontMatterEdits throws for `text`; fails the test when it does not throw. */
function refusal(text: string, edits: FrontMatterEdit[] = [EDIT]): HanjiError {
  try {
    applyFrontMatterEdits(text, edits, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(HanjiError);
    return error as HanjiError;
  }
  throw new Error('expected the edit to be refused');
}

describe('rule 6: invalid YAML is refused with its 1-based line and column in the file', () => {
  it.each<[string, string, number, number]>([
    ['an unclosed double quote (at the opening quote)', '---\ntitle: "abc\nx: 1\n---\nbody\n', 2, 8],
    ['an unclosed single quote (at the opening quote)', "---\nlayout: post\ntitle: 'abc\n---\n", 3, 8],
    ['a key indented less than its siblings', '---\ntitle: x\na:\n  b: 1\n c: 2\n---\n', 5, 1],
    ['a key indented under a scalar', '---\ntitle: x\n  author: y\n---\n', 2, 8],
    ['tab indentation', '---\na:\n\tb: 1\n---\n', 3, 1],
    ['a duplicate key (at the second one)', '---\ntitle: a\ntags: [x]\ntitle: b\n---\n', 4, 1],
    ['a duplicate key after a BOM, in a CRLF file', '\ufeff---\r\ntitle: a\r\n\r\ntitle: b\r\n---\r\n', 4, 1],
    ['an unclosed flow list', '---\ntags: [a, b\nx: 1\n---\n', 3, 1],
    ['a list instead of a map', '---\n- a\n---\n', 2, 1],
    ['a scalar instead of a map', '---\njust text\n---\n', 2, 1],
    ['an error after blank lines that follow the opening line', '---   \n\n\ntitle: "x\n---\n', 4, 8],
  ])('%s', (_spec, text, line, column) => {
    const error = refusal(text);
    expect(error.toInfo()).toEqual({ code: 'INVALID_FRONT_MATTER', message: expect.stringContaining(`${FILE}:${line}:${column}: `), path: FILE, line, column });
  });

  it('refuses even an empty edit list, so a caller never builds on unreadable front matter', () => {
    expect(refusal('---\ntitle: "abc\n---\n', []).code).toBe('INVALID_FRONT_MATTER');
  });

  it('leaves the caller’s text alone (strings are immutable; nothing is returned)', () => {
    const text = '---\ntitle: "abc\n---\n';
    const copy = `${text}`;
    refusal(text);
    expect(text).toBe(copy);
  });
});

describe('rule 6: limits', () => {
  it(`refuses front matter over ${MAX_FRONT_MATTER_BYTES / 1024} KiB, counted in UTF-8 bytes`, () => {
    // 90,000 Hangul syllables are 90,000 UTF-16 units but 270,000 bytes.
    const text = `---\ntitle: ${'가'.repeat(90_000)}\n---\n`;
    expect(text.length).toBeLessThan(MAX_FRONT_MATTER_BYTES);
    const error = refusal(text);
    expect(error.toInfo()).toMatchObject({ code: 'INVALID_FRONT_MATTER', line: 2, column: 1 });
    expect(error.message).toContain('256 KiB');
  });

  it('accepts large but reasonable front matter', () => {
    const text = `---\ntitle: x\ndescription: ${'a'.repeat(100_000)}\n---\n`;
    expect(applyFrontMatterEdits(text, [EDIT])).toBe(text.replace('title: x', 'title: new'));
  });

  it(`stops expanding aliases at the limit (${MAX_ALIAS_COUNT}): 99 uses of an anchor are read, the 100th is refused`, () => {
    const uses = (count: number): string => `a: &a x\n${Array.from({ length: count }, (_, i) => `k${i}: *a\n`).join('')}`;
    expect(MAX_ALIAS_COUNT).toBe(100);
    expect(parseFrontMatterYaml(uses(MAX_ALIAS_COUNT - 1), { firstLine: 2 }).data.k98).toBe('x');
    expect(() => parseFrontMatterYaml(uses(MAX_ALIAS_COUNT), { firstLine: 2 })).toThrow(/fewer than 100 times/u);
  });

  it('refuses a billion-laughs bomb at its first level instead of expanding 9^9 strings', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const [previous, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    }
    const error = refusal(`---\n${levels.join('\n')}\n---\n`);
    expect(error.toInfo()).toMatchObject({ code: 'INVALID_FRONT_MATTER', line: 3, column: 8 });
    expect(error.message).toContain('Excessive alias count');
  });
});
