/**
 * The incremental preview render must be renderMarkdown's render, edit after edit: every fixture
 * post (and the users' sample) is edited at random places with the keystrokes a writer makes and
 * the constructs that reach across a document (headings, footnotes, definitions, fences, HTML,
 * lists), and after each edit the result is compared with a whole render of the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../shared/frontmatter/split';
import { isSelfContained, splitBlocks } from '../../../../shared/markdown/block-split';
import { IncrementalMarkdown } from '../../../../shared/markdown/incremental';
import { renderMarkdown, type MarkdownOptions } from '../../../../shared/markdown/markdown';
import { REPO_ROOT, SHARED_SAMPLES } from '../../../helpers/temp-site';

function bodiesIn(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|markdown)$/u.test(name) && name.includes('_posts'))
    .map((name): [string, string] => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const block = splitFrontMatter(text);
      return [name, block ? text.slice(block.bodyStart) : text];
    });
}

const FIXTURES: [string, string][] = [
  ...bodiesIn(path.join(REPO_ROOT, 'tests/fixtures/preview-site')),
  ...bodiesIn(path.join(REPO_ROOT, 'tests/fixtures/jekyll-site')),
  ...bodiesIn(path.join(REPO_ROOT, 'tests/fixtures/liquid-site')),
  ['shared sample', splitFrontMatterBody(readFileSync(path.join(SHARED_SAMPLES, '2025-02-05-openai-sam-altman-korea-visit.md'), 'utf8'))],
];

function splitFrontMatterBody(text: string): string {
  const block = splitFrontMatter(text);
  return block ? text.slice(block.bodyStart) : text;
}

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Edits per fixture and input; HANJI_EDITS=1000 for a longer search. */
const EDITS = Number(process.env['HANJI_EDITS'] ?? 60);

const INSERTS = ['a', '가', ' ', '\n', '\n\n', '**', '`', '# ', '## 제목\n\n', '- ', '1. ', '> ', '[^n]', '\n\n[^n]: note\n\n', '[x][r]', '\n\n[r]: /u\n\n', '*[AI]: Artificial\n', '```\n', '<div>\n', '</div>', '{: .notice}\n', '| a | b |\n', ': def\n', '$$', '    ', '---\n', '<!--', '-->', '{::comment}\n', '{:/comment}\n', '=\n'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.3 && text.length > 0) {
    const length = 1 + Math.floor(next() * 3);
    return text.slice(0, at) + text.slice(at + length);
  }
  const insert = next() < 0.6 ? INSERTS[Math.floor(next() * 3)]! : INSERTS[Math.floor(next() * INSERTS.length)]!;
  return text.slice(0, at) + insert + text.slice(at);
}

function expectSameAsWhole(renderer: IncrementalMarkdown, text: string, options: MarkdownOptions, where: string): boolean {
  const got = renderer.render(text);
  const want = renderMarkdown(text, options);
  expect(got.html, where).toBe(want.html);
  expect(got.headings, where).toEqual(want.headings);
  expect(got.pieces.join(''), where).toBe(got.html);
  return got.incremental;
}

describe('incremental Markdown renders equal whole renders', () => {
  const settings: MarkdownOptions[] = [{ input: 'GFM' }, { input: 'kramdown' }, { input: 'GFM', autoIds: false }];
  it.each(FIXTURES)(`%s, through ${EDITS} random edits (GFM, kramdown, auto_ids off)`, (name, body) => {
    for (const options of settings) {
      const next = random(name.length * 7919 + body.length);
      const renderer = new IncrementalMarkdown(options);
      let text = body;
      expectSameAsWhole(renderer, text, options, `${name}: initial`);
      for (let i = 0; i < EDITS; i++) {
        text = edit(text, next);
        expectSameAsWhole(renderer, text, options, `${name} (${JSON.stringify(options)}) after edit ${i + 1}`);
      }
    }
  });

  it('typing in a paragraph of the sample re-renders only that paragraph', () => {
    const body = splitFrontMatterBody(readFileSync(path.join(SHARED_SAMPLES, '2025-02-05-openai-sam-altman-korea-visit.md'), 'utf8'));
    const renderer = new IncrementalMarkdown({ input: 'GFM' });
    expect(renderer.render(body).incremental).toBe(false);
    let text = body;
    const at = text.indexOf('올트먼의 방한은');
    let fast = 0;
    for (const key of '한국 AI 생태계') {
      text = text.slice(0, at) + key + text.slice(at);
      if (expectSameAsWhole(renderer, text, { input: 'GFM' }, `typing ${key}`)) fast++;
    }
    expect(fast).toBe('한국 AI 생태계'.length);
  });

  it('an edit to a heading, a footnote or a definition renders the whole document again', () => {
    const body = '## 개요\n\nText with a note.[^n]\n\n## 개요\n\nA [link][r].\n\n[r]: /first\n\n[^n]: The note.\n';
    for (const [from, to] of [
      ['## 개요\n\nText', '## 개요 하나\n\nText'],
      ['note.[^n]', 'note.'],
      ['[r]: /first', '[r]: /second'],
    ] as const) {
      const renderer = new IncrementalMarkdown({ input: 'GFM' });
      renderer.render(body);
      const edited = body.replace(from, to);
      expect(renderer.render(edited).incremental).toBe(false);
      expect(renderer.render(edited).html).toBe(renderMarkdown(edited, { input: 'GFM' }).html);
    }
  });
});

describe('splitBlocks cuts only where nothing carries across', () => {
  const starts = (source: string) => splitBlocks(source).map((cut) => source.slice(cut.start).split('\n')[0]);
  it.each([
    ['paragraphs', 'one\n\ntwo\n\n# three\n', ['one', 'two', '# three']],
    ['a fence with blank lines', '```\na\n\nb\n```\n\nafter\n', ['```', 'after']],
    ['a loose list', '- a\n\n- b\n\n  more\n\nafter', ['- a', 'after']],
    ['an HTML block across blank lines', '<div>\n\ntext\n\n</div>\n\nafter', ['<div>', 'after']],
    ['a definition list', 'term\n\n: def\n\nnext', ['term', 'next']],
    ['an IAL waiting for the next block', 'para\n\n{: .x}\n\nnext\n\nlast', ['para', 'last']],
    ['a comment extension', '{::comment}\n\nhidden\n\n{:/comment}\n\nshown', ['{::comment}', 'shown']],
    ['an HTML comment', '<!-- a\n\nb -->\n\nc', ['<!-- a', 'c']],
  ])('%s', (_name, source, expected) => {
    expect(starts(source)).toEqual(expected);
  });

  it.each([
    ['plain text with **bold** and <br>', true],
    ['## a heading', false],
    ['Setext\n---', false],
    ['a note[^1]', false],
    ['[r]: /url', false],
    ['- [r]: /url', false],
    ['*[HTML]: Hyper Text', false],
    ['{:ald: .cls}', false],
    ['{::options auto_ids="false" /}', false],
    ['text with a [link](/a) and `code`]:', true],
  ])('isSelfContained(%j) is %s', (text, expected) => {
    expect(isSelfContained(text)).toBe(expected);
  });
});
