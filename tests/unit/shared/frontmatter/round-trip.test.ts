import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar } from 'yaml';
import { applyFrontMatterEdits, type FrontMatterEdit, type YamlValue } from '../../../../shared/frontmatter/edit';
import { splitFrontMatter } from '../../../../shared/frontmatter/split';
import { parseFrontMatterYaml } from '../../../../shared/frontmatter/yaml-source';
import { REPO_ROOT, SHARED_SAMPLES } from '../../../helpers/temp-site';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'frontmatter');
const SAMPLE = '2025-02-05-openai-sam-altman-korea-visit.md';

const markdownIn = (dir: string): [string, string][] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]);

const FILES: [string, string][] = [...markdownIn(FIXTURES), ...markdownIn(SHARED_SAMPLES)];

/**
 * The front matter's data and, per own top-level key, the 0-based file line of the key and
 * whether its value defines an anchor that an alias uses (removing that key must be refused).
 */
function topLevelKeys(text: string): { data: Record<string, unknown>; keys: [string, number, boolean][] } {
  const block = splitFrontMatter(text);
  if (!block) return { data: {}, keys: [] };
  const parsed = parseFrontMatterYaml(block.yaml, { firstLine: block.firstLine });
  const keys: [string, number, boolean][] = [];
  if (isMap(parsed.root)) {
    for (const pair of parsed.root.items) {
      if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
      const offset = block.yamlStart + (pair.key.range?.[0] ?? 0);
      const anchor = (pair.value as { anchor?: string } | null)?.anchor;
      const aliased = anchor !== undefined && block.yaml.includes(`*${anchor}`);
      keys.push([String(pair.key.value), text.slice(0, offset).split('\n').length - 1, aliased]);
    }
  }
  return { data: parsed.data, keys };
}

/** Lines with their line breaks, so that CRLF and a missing final break count as differences. */
const linesOf = (text: string): string[] => text.split(/(?<=\n)/u);

/** The old lines [from, to) that were replaced by `inserted`; everything else is identical. */
function lineDiff(before: string, after: string): { from: number; to: number; inserted: string[] } {
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from: head, to: a.length - tail, inserted: b.slice(head, b.length - tail) };
}

/** The key's line and the lines after it up to the next line that starts at column 0. */
function keySpan(text: string, keyLine: number): { from: number; to: number } {
  const lines = linesOf(text);
  let to = keyLine + 1;
  // Indented lines, blank lines, `- ` items (a list may sit at its key's column) and the closing
  // bracket of a multi-line flow collection belong to the key.
  while (to < lines.length && /^(?:[ \t\]}]|\r?\n|-(?:[ \t]|\r?\n))/u.test(lines[to] ?? '')) to++;
  return { from: keyLine, to };
}

/** A value that differs from `value` in a way that keeps its shape where it can. */
function differentValue(value: unknown): YamlValue {
  if (typeof value === 'string') return `${value} (edited)`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (value === null || value instanceof Date) return 'changed';
  if (Array.isArray(value)) {
    const [first, ...rest] = value as YamlValue[];
    return typeof first === 'string' ? [`${first}-renamed`, ...rest] : [...(value as YamlValue[]), 'added'];
  }
  return { ...(value as Record<string, YamlValue>), added_key: 'added' };
}

const isYamlData = (value: unknown): boolean =>
  !(value instanceof Date) && (typeof value !== 'object' || value === null || Object.values(value).every(isYamlData));

describe.each(FILES)('%s', (_name, text) => {
  const { data, keys } = topLevelKeys(text);

  it('is unchanged by an empty edit list', () => {
    expect(applyFrontMatterEdits(text, [])).toBe(text);
  });

  it('is unchanged when every key is set to the value it has', () => {
    const edits = Object.entries(data)
      .filter(([, value]) => isYamlData(value))
      .map(([key, value]): FrontMatterEdit => ({ path: [key], value: value as YamlValue }));
    expect(applyFrontMatterEdits(text, edits)).toBe(text);
  });

  it.each(keys)('changes only the lines of `%s` when it is set to another value', (key, line) => {
    const value = differentValue(data[key]);
    const after = applyFrontMatterEdits(text, [{ path: [key], value }]);
    const diff = lineDiff(text, after);
    const span = keySpan(text, line);
    expect(diff.from).toBeGreaterThanOrEqual(span.from);
    expect(diff.to).toBeLessThanOrEqual(span.to);
    expect(topLevelKeys(after).data[key]).toEqual(value);
    expect(after.startsWith('\ufeff')).toBe(text.startsWith('\ufeff'));
    if (text.includes('\r\n')) expect(after).not.toMatch(/(?<!\r)\n/u);
  });

  it.each(keys)('deletes exactly the lines of `%s` when it is removed', (key, line, aliased) => {
    if (aliased) {
      expect(() => applyFrontMatterEdits(text, [{ path: [key], remove: true }])).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
      return;
    }
    const after = applyFrontMatterEdits(text, [{ path: [key], remove: true }]);
    const diff = lineDiff(text, after);
    const span = keySpan(text, line);
    expect(diff.inserted).toEqual([]);
    expect(diff.from).toBe(line);
    expect(diff.to).toBeLessThanOrEqual(span.to);
    expect(Object.hasOwn(topLevelKeys(after).data, key)).toBe(false);
  });

  it('keeps every byte when a new key is added, except the new last line of the block', () => {
    const after = applyFrontMatterEdits(text, [{ path: ['hanji_added'], value: 'added: by Hanji' }]);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const block = splitFrontMatter(text);
    if (block) {
      expect(after).toBe(`${text.slice(0, block.yamlEnd)}hanji_added: "added: by Hanji"${eol}${text.slice(block.yamlEnd)}`);
    } else {
      expect(after).toBe(`---${eol}hanji_added: "added: by Hanji"${eol}---${eol}${text}`);
    }
  });
});

describe('the fixtures hold what their names promise', () => {
  const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
  it.each([
    ['bom.md', (text: string) => text.startsWith('\ufeff---')],
    ['crlf.md', (text: string) => text.includes('\r\n') && !/(?<!\r)\n/u.test(text)],
    ['dots-closer.md', (text: string) => splitFrontMatter(text)?.closer === '...'],
    ['empty.md', (text: string) => splitFrontMatter(text)?.yaml === ''],
    ['no-front-matter.md', (text: string) => splitFrontMatter(text) === null],
  ])('%s', (name, holds) => {
    expect(holds(fixture(name))).toBe(true);
  });
});

describe('the real sample post survives every edit byte-exactly except the edited bytes', () => {
  const text = readFileSync(path.join(SHARED_SAMPLES, SAMPLE), 'utf8');
  const tags = ['OpenAI', 'AI', '샘 올트먼', '카카오', 'SK그룹', '삼성전자'];
  const replace = (from: string, to: string): string => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };

  it.each<[string, FrontMatterEdit[], () => string]>([
    ['renaming the tag AI to ai', [{ path: ['tag'], value: tags.map((tag) => (tag === 'AI' ? 'ai' : tag)) }], () => replace('[OpenAI, AI,', '[OpenAI, ai,')],
    ['removing the tag 카카오', [{ path: ['tag'], value: tags.filter((tag) => tag !== '카카오') }], () => replace(', 카카오', '')],
    ['appending the tag 오픈AI', [{ path: ['tag'], value: [...tags, '오픈AI'] }], () => replace('삼성전자]', '삼성전자, 오픈AI]')],
    ['setting sidebar.nav', [{ path: ['sidebar', 'nav'], value: 'guide' }], () => replace('  nav: "docs"', '  nav: "guide"')],
    ['setting the title', [{ path: ['title'], value: 'AI News - 새 제목' }], () => replace(/title: ".*"/u.exec(text)?.[0] ?? '', 'title: "AI News - 새 제목"')],
    ['turning toc off', [{ path: ['toc'], value: false }], () => replace('toc: true', 'toc: false')],
    ['removing author_profile', [{ path: ['author_profile'], remove: true }], () => replace('author_profile: false\n', '')],
    ['publishing it', [{ path: ['published'], value: true }], () => replace('  nav: "docs"\n---\n', '  nav: "docs"\npublished: true\n---\n')],
    ['adding a nested key', [{ path: ['sidebar', 'toc'], value: true }], () => replace('  nav: "docs"\n', '  nav: "docs"\n  toc: true\n')],
  ])('%s', (_spec, edits, expected) => {
    expect(applyFrontMatterEdits(text, edits)).toBe(expected());
  });
});
