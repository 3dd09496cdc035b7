/**
 * The heading id algorithms of JEKYLL-RULES.md §10, one test per table row. Inputs are the
 * headings' rendered text (what kramdown hands the algorithm: `--` already an en dash, quotes
 * already curly, links reduced to their text); tests/unit/shared/markdown/markdown.test.ts runs
 * the same rows from Markdown source.
 */
import { describe, expect, it } from 'vitest';
import { gfmBaseId, gfmIdGenerator, kramdownBaseId, kramdownIdGenerator } from '../../../../shared/markdown/heading-ids';

/** Ids for a sequence of headings in one document. */
const gfmIds = (...texts: string[]) => {
  const next = gfmIdGenerator();
  return texts.map((text) => next(text));
};
const kramdownIds = (...texts: string[]) => {
  const next = kramdownIdGenerator();
  return texts.map((text) => next(text));
};

describe('§10 A: the GFM parser (gfmIdGenerator)', () => {
  it.each([
    ['## 개요 then ## 개요', ['개요', '개요'], ['개요', '개요-1']],
    ['## 중복 제목 then ### 중복 제목 (levels share the counter)', ['중복 제목', '중복 제목'], ['중복-제목', '중복-제목-1']],
    ['### 2025년 전망 (a leading digit is fine)', ['2025년 전망'], ['2025년-전망']],
    ['### 1. Introduction', ['1. Introduction'], ['1-introduction']],
    ["### What's new? (2025 edition)!", ['What’s new? (2025 edition)!'], ['whats-new-2025-edition']],
    ['### 3D & VR: "Spatial" computing', ['3D & VR: “Spatial” computing'], ['3d--vr-spatial-computing']],
    ['### Using `jekyll build` --watch (-- became –, then was deleted)', ['Using jekyll build –watch'], ['using-jekyll-build-watch']],
    ['### See [the docs](url) first', ['See the docs first'], ['see-the-docs-first']],
    ['### 🚀 Launch day 🎉', ['🚀 Launch day 🎉'], ['-launch-day-']],
    ['### Ünïcödé Çafé naïve', ['Ünïcödé Çafé naïve'], ['ünïcödé-çafé-naïve']],
    ['### C++ / C# / F#', ['C++ / C# / F#'], ['c--c--f']],
    ['## Extra   internal   spaces', ['Extra   internal   spaces'], ['extra---internal---spaces']],
    ['## Café & Crème', ['Café & Crème'], ['café--crème']],
    ['## snake_case-and-kebab', ['snake_case-and-kebab'], ['snake_case-and-kebab']],
    ['## Foo, ## Foo 1, ## Foo (a duplicate id)', ['Foo', 'Foo 1', 'Foo'], ['foo', 'foo-1', 'foo-1']],
    ['### ??? (empty: no id attribute) and then ### 🎉 (the empty string was counted)', ['???', '🎉'], ['', '-1']],
    ['### Closed ATX heading ## (closing hashes are stripped before)', ['Closed ATX heading'], ['closed-atx-heading']],
  ])('%s', (_row, texts, ids) => {
    expect(gfmIds(...texts)).toEqual(ids);
  });

  it('keeps every tab and space as its own hyphen, leading and trailing ones too', () => {
    expect(gfmBaseId(' a\tb ')).toBe('-a-b-');
  });

  it('deletes what is not a word character, as Ruby’s \\p{Word} (no-break space, zero-width joiner, ½)', () => {
    expect(gfmBaseId('a\u00a0b a\u200db ½')).toBe('ab-ab-');
  });

  it('lowercases like Ruby: no final-sigma rule', () => {
    expect(gfmBaseId('ΟΔΟΣ')).toBe('οδοσ');
    expect(gfmBaseId('İstanbul')).toBe('i̇stanbul');
  });

  it('keeps one counter per resulting string, never checking other ids', () => {
    expect(gfmIds('A b', 'a-b', 'a b')).toEqual(['a-b', 'a-b-1', 'a-b-2']);
  });
});

describe('§10 B: kramdown’s converter (kramdownIdGenerator), inside <div markdown="1">', () => {
  it('블록 안의 한글 제목 ×2, then 개요 in the same post: section, section-1, section-2', () => {
    expect(kramdownIds('블록 안의 한글 제목', '블록 안의 한글 제목', '개요')).toEqual(['section', 'section-1', 'section-2']);
  });

  it('HTML 블록 안의 제목: html---', () => {
    expect(kramdownIds('HTML 블록 안의 제목')).toEqual(['html---']);
  });

  it.each([
    ['strips leading characters that are not ASCII letters', '2025 review', 'review'],
    ['keeps only [a-zA-Z0-9 -]', 'a_b.c/d-e 1', 'abcd-e-1'],
    ['turns each space into a hyphen, without collapsing', 'a  b', 'a--b'],
    ['deletes tabs', 'a\tb', 'ab'],
    ['lowercases last', 'ÀBC Déf', 'bc-df'],
  ])('%s: %j → %j', (_what, text, id) => {
    expect(kramdownBaseId(text)).toBe(id);
  });

  it('counts only the ids it generated, and gives foo-1 twice like algorithm A', () => {
    expect(kramdownIds('Foo', 'Foo 1', 'Foo', '???', '???')).toEqual(['foo', 'foo-1', 'foo-1', 'section', 'section-1']);
  });
});

describe('§10 C: kramdown: {input: kramdown} uses algorithm B on the heading as written', () => {
  it.each([
    ['all Korean headings become section, section-1, …', ['한글 제목', '한글 제목', '개요'], ['section', 'section-1', 'section-2']],
    ['1. Introduction', ['1. Introduction'], ['introduction']],
    ['3D & VR', ['3D & VR'], ['d--vr']],
    ['link URLs leak into the id', ['See [the docs](https://jekyllrb.com/docs) first'], ['see-the-docshttpsjekyllrbcomdocs-first']],
    ['C# / F# (the final # was taken as a closing marker)', ['C# / F'], ['c--f']],
  ])('%s', (_row, texts, ids) => {
    expect(kramdownIds(...texts)).toEqual(ids);
  });
});
