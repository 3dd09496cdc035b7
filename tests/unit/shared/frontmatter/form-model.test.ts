import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HanjiError } from '../../../../shared/contract/result';
import {
  addFieldEdit,
  describeFrontMatter,
  editForField,
  removeFieldEdit,
  withFieldEdit,
  type FormField,
  type SiteUsage,
} from '../../../../shared/frontmatter/form-model';
import { SHARED_SAMPLES } from '../../../helpers/temp-site';

const SAMPLE = readFileSync(path.join(SHARED_SAMPLES, '2025-02-05-openai-sam-altman-korea-visit.md'), 'utf8');
const USAGE: SiteUsage = { layouts: ['post', 'single'], tags: ['GPT', 'AI', 'Jekyll'], categories: ['AI_News', 'Dev'] };

/** A post whose front matter is `yaml` (lines ending in \n). */
const post = (yaml: string): string => `---\n${yaml}---\nBody text.\n`;

/** The fields of `text`; fails the test when the model is not a field list. */
function fieldsOf(text: string, usage?: SiteUsage): FormField[] {
  const model = describeFrontMatter(text, usage);
  if (model.kind !== 'fields') throw new Error(`expected fields, got ${JSON.stringify(model)}`);
  return model.fields;
}

/** The field labelled `label`, searching map children too. */
function field(text: string, label: string, usage?: SiteUsage): FormField {
  const all = fieldsOf(text, usage).flatMap((f) => [f, ...(f.children ?? [])]);
  const found = all.find((f) => f.label === label);
  if (!found) throw new Error(`no field ${label} in ${all.map((f) => f.label).join(', ')}`);
  return found;
}

/** [line number, before, after] for every line that differs (both texts must have as many lines). */
function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i): [number, string, string][] => (line === b[i] ? [] : [[i + 1, line, b[i] ?? '']]));
}

/** The error `run` throws; fails the test when it does not throw one. */
function refusal(run: () => unknown): HanjiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HanjiError);
    return error as HanjiError;
  }
  throw new Error('expected a HanjiError');
}

describe('describeFrontMatter on our users’ real post', () => {
  it('gives each key the widget that fits it, in file order', () => {
    const summary = fieldsOf(SAMPLE, USAGE).map((f) => [f.label, f.widget, f.value, f.listForm ?? null]);
    expect(summary).toEqual([
      ['layout', 'select', 'single', null],
      ['title', 'text', 'AI News - 오픈AI 샘 올트먼 방한, 한국 AI 생태계에 새로운 바람을 불어넣다', null],
      ['categories', 'chips', ['AI_News'], 'string'],
      ['tag', 'chips', ['OpenAI', 'AI', '샘 올트먼', '카카오', 'SK그룹', '삼성전자'], 'flow'],
      ['toc', 'boolean', true, null],
      ['author_profile', 'boolean', false, null],
      ['sidebar', 'map', { nav: 'docs' }, null],
    ]);
  });

  it('gives the sidebar map one child field per key, labelled with the dotted path', () => {
    expect(field(SAMPLE, 'sidebar').children).toEqual([{ path: ['sidebar', 'nav'], label: 'sidebar.nav', widget: 'text', value: 'docs' }]);
  });

  it('offers the site’s layouts in the select and suggests tags the post does not have yet, in the order given', () => {
    expect(field(SAMPLE, 'layout', USAGE).options).toEqual(['post', 'single']);
    expect(field(SAMPLE, 'layout', { layouts: ['post'] }).options).toEqual(['post', 'single']);
    expect(field(SAMPLE, 'tag', USAGE).suggestions).toEqual(['GPT', 'Jekyll']);
    expect(field(SAMPLE, 'categories', USAGE).suggestions).toEqual(['Dev']);
  });
});

describe('describeFrontMatter: widgets by value and key', () => {
  it.each<[string, string, string, Partial<FormField>]>([
    ['a plural string is split into chips as Jekyll splits it', 'tags: jekyll markdown 블로그\n', 'tags', { widget: 'chips', value: ['jekyll', 'markdown', '블로그'], listForm: 'string' }],
    ['a singular string is one chip', 'tag: machine learning\n', 'tag', { widget: 'chips', value: ['machine learning'], listForm: 'string' }],
    ['a block list of categories', 'categories:\n  - a\n  - b\n', 'categories', { widget: 'chips', value: ['a', 'b'], listForm: 'block' }],
    ['a list of scalars under any key keeps item types', 'keywords: [x, 2025, true]\n', 'keywords', { widget: 'chips', value: ['x', 2025, true], listForm: 'flow' }],
    ['a date with time and zone, as written', 'date: 2025-02-05 10:00:00 +0900\n', 'date', { widget: 'datetime', value: '2025-02-05 10:00:00 +0900' }],
    ['a YAML timestamp under another key, as written (not as a Date)', 'updated: 2025-1-5\n', 'updated', { widget: 'datetime', value: '2025-1-5' }],
    ['a quoted date-like string', 'updated: "2025-03-18 18:00:00 +0000"\n', 'updated', { widget: 'datetime', value: '2025-03-18 18:00:00 +0000' }],
    ['a string that only starts like a date is text', 'title: 2025-01-01 recap\n', 'title', { widget: 'text', value: '2025-01-01 recap' }],
    ['a literal block', 'excerpt: |\n  one\n  two\n', 'excerpt', { widget: 'multiline', value: 'one\ntwo\n' }],
    ['a number', 'weight: 2.5\n', 'weight', { widget: 'number', value: 2.5 }],
    ['a YAML 1.1 boolean', 'published: no\n', 'published', { widget: 'boolean', value: false }],
    ['a list of maps is raw YAML', 'links:\n  - name: a\n    url: /a\n', 'links', { widget: 'raw', value: '- name: a\n  url: /a' }],
    ['an anchored value is raw, anchor included', 'base: &b [a, b]\n', 'base', { widget: 'raw', value: '&b [a, b]' }],
    ['an alias is raw', 'base: &b x\ncopy: *b\n', 'copy', { widget: 'raw', value: '*b' }],
    ['a merge key is shown read-only', 'base: &b {a: 1}\n<<: *b\n', '<<', { widget: 'raw', value: '*b', readOnly: true }],
    ['a nested map child keeps its own type', 'header:\n  overlay: true\n', 'header.overlay', { widget: 'boolean', value: true, path: ['header', 'overlay'] }],
  ])('%s', (_spec, yaml, label, expected) => {
    expect(field(post(yaml), label)).toMatchObject(expected);
  });

  it('uses the widget other posts use for an empty key, and text when nothing is known', () => {
    const text = post('summary:\nteaser: ""\n');
    const usage: SiteUsage = { keyKinds: { summary: 'multiline', teaser: 'chips' } };
    expect(field(text, 'summary', usage)).toMatchObject({ widget: 'multiline', value: null });
    expect(field(text, 'teaser', usage)).toMatchObject({ widget: 'chips', value: [] });
    expect(field(text, 'summary')).toMatchObject({ widget: 'text', value: null });
  });

  it('knows the Jekyll keys even when they are empty', () => {
    const text = post('layout:\ntags:\ndate:\n');
    expect(fieldsOf(text, USAGE).map((f) => [f.label, f.widget, f.value])).toEqual([
      ['layout', 'select', null],
      ['tags', 'chips', []],
      ['date', 'datetime', null],
    ]);
  });

  it('is none without front matter and an empty list for an empty block', () => {
    expect(describeFrontMatter('# Just a body\n')).toEqual({ kind: 'none' });
    expect(describeFrontMatter('---\n# only a comment\n---\nBody\n')).toEqual({ kind: 'fields', fields: [] });
  });
});

describe('describeFrontMatter: invalid front matter', () => {
  it.each<[string, string, number, number]>([
    ['an unclosed quote in the sample (at the opening quote)', SAMPLE.replace('nav: "docs"', 'nav: "docs'), 9, 8],
    ['a duplicate key', post('title: a\ntags: [x]\ntitle: b\n'), 4, 1],
    ['an unclosed flow list, after a BOM in a CRLF file', '\ufeff---\r\ntags: [a, b\r\nx: 1\r\n---\r\n', 3, 1],
  ])('%s gives the 1-based file line and column', (_spec, text, line, column) => {
    const model = describeFrontMatter(text);
    expect(model).toMatchObject({ kind: 'invalid', line, column });
    // The location is in the fields, not repeated as a `front matter:L:C:` prefix.
    expect(model.kind === 'invalid' && model.message).not.toContain(`:${line}:${column}:`);
  });
});

describe('editForField on the real post: only the edited value’s bytes change', () => {
  it('setting the title changes only the title line, keeping its double quotes', () => {
    const next = withFieldEdit(SAMPLE, editForField(field(SAMPLE, 'title'), '샘 올트먼 방한'));
    expect(changedLines(SAMPLE, next)).toEqual([[3, SAMPLE.split('\n')[2], 'title: "샘 올트먼 방한"']]);
  });

  it('adding a chip to `tag` keeps the flow list on its line with exactly one new item', () => {
    const tag = field(SAMPLE, 'tag');
    const next = withFieldEdit(SAMPLE, editForField(tag, [...(tag.value as string[]), 'GPT']));
    expect(changedLines(SAMPLE, next)).toEqual([
      [5, 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자]', 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자, GPT]'],
    ]);
  });

  it('removing a chip removes that item and its separator only', () => {
    const tag = field(SAMPLE, 'tag');
    const next = withFieldEdit(SAMPLE, editForField(tag, (tag.value as string[]).filter((t) => t !== '카카오')));
    expect(changedLines(SAMPLE, next)).toEqual([[5, 'tag: [OpenAI, AI, 샘 올트먼, 카카오, SK그룹, 삼성전자]', 'tag: [OpenAI, AI, 샘 올트먼, SK그룹, 삼성전자]']]);
  });

  it('editing sidebar.nav changes only that line', () => {
    const next = withFieldEdit(SAMPLE, editForField(field(SAMPLE, 'sidebar.nav'), 'blog'));
    expect(changedLines(SAMPLE, next)).toEqual([[9, '  nav: "docs"', '  nav: "blog"']]);
  });

  it('switching toc off and picking another layout change one line each', () => {
    const off = withFieldEdit(SAMPLE, editForField(field(SAMPLE, 'toc'), false));
    expect(changedLines(SAMPLE, off)).toEqual([[6, 'toc: true', 'toc: false']]);
    const layout = withFieldEdit(SAMPLE, editForField(field(SAMPLE, 'layout', USAGE), 'post'));
    expect(changedLines(SAMPLE, layout)).toEqual([[2, 'layout: single', 'layout: post']]);
  });

  it('returns the identical text when every field is set to the value it shows', () => {
    const fields = fieldsOf(SAMPLE, USAGE).flatMap((f) => [f, ...(f.children ?? [])]);
    expect(fields).toHaveLength(8);
    for (const f of fields) expect(withFieldEdit(SAMPLE, editForField(f, f.value)), f.label).toBe(SAMPLE);
  });

  it('removing a field removes only its line', () => {
    const next = withFieldEdit(SAMPLE, removeFieldEdit(field(SAMPLE, 'toc')));
    expect(next).toBe(SAMPLE.replace('toc: true\n', ''));
  });
});

describe('editForField keeps the list form the file uses', () => {
  const chips = (yaml: string, label: string, next: (string | number)[]): string => {
    const text = post(yaml);
    return withFieldEdit(text, editForField(field(text, label), next));
  };

  it.each<[string, string, string, (string | number)[], string]>([
    ['a plural string stays a string', 'tags: a b\n', 'tags', ['a', 'b', 'c'], 'tags: a b c\n'],
    ['a plural string with a removed word', 'tags: a b c\n', 'tags', ['a', 'c'], 'tags: a c\n'],
    ['a plural string becomes a list only when a chip holds a space', 'tags: a b\n', 'tags', ['a', 'b', 'c d'], 'tags: [a, b, c d]\n'],
    ['a singular string stays one name', 'tag: machine learning\n', 'tag', ['deep learning'], 'tag: deep learning\n'],
    ['a singular string becomes a list for a second name', 'tag: machine learning\n', 'tag', ['machine learning', 'ai'], 'tag: [machine learning, ai]\n'],
    ['a block list gets one new line', 'tags:\n  - a\n  - b\n', 'tags', ['a', 'b', 'c'], 'tags:\n  - a\n  - b\n  - c\n'],
    ['kept numbers stay numbers when a chip is added', 'keywords: [2025, x]\n', 'keywords', [2025, 'x', 'z'], 'keywords: [2025, x, z]\n'],
    ['an empty key gets a flow list', 'tags:\n', 'tags', ['a', 'b'], 'tags: [a, b]\n'],
  ])('%s', (_spec, yaml, label, next, after) => {
    expect(chips(yaml, label, next)).toBe(post(after));
  });
});

describe('editForField: values the widgets hold', () => {
  it('keeps an empty text field empty rather than writing ""', () => {
    const text = post('summary:\n');
    expect(withFieldEdit(text, editForField(field(text, 'summary'), ''))).toBe(text);
  });

  it('reads a number field’s text, and an empty one as null', () => {
    const text = post('weight: 1\n');
    expect(withFieldEdit(text, editForField(field(text, 'weight'), '2.5'))).toBe(post('weight: 2.5\n'));
    expect(withFieldEdit(text, editForField(field(text, 'weight'), ''))).toBe(post('weight: null\n'));
    expect(refusal(() => editForField(field(text, 'weight'), 'many')).code).toBe('BAD_REQUEST');
  });

  it('writes a date as typed, and refuses one Jekyll cannot read or an empty one', () => {
    const text = post('date: "2025-02-05 10:00:00 +0900"\n');
    const date = field(text, 'date');
    expect(withFieldEdit(text, editForField(date, '2025-02-06 09:30:00 +0900'))).toBe(post('date: "2025-02-06 09:30:00 +0900"\n'));
    expect(refusal(() => editForField(date, '2025-13-01')).message).toContain('is not a date Jekyll reads');
    expect(refusal(() => editForField(date, '  ')).message).toContain('remove the field instead');
  });

  it('parses a raw field’s YAML and edits the list item by item', () => {
    const text = post('links:\n  - name: a   # first\n    url: /a\n');
    const next = withFieldEdit(text, editForField(field(text, 'links'), '- name: a\n  url: /a\n- name: b\n'));
    expect(next).toBe(post('links:\n  - name: a   # first\n    url: /a\n  - name: b\n'));
  });

  it('reports invalid YAML in a raw field with its place in the field, instead of an edit', () => {
    const links = field(post('links:\n  - name: a\n'), 'links');
    const error = refusal(() => editForField(links, '- name: a\n- name: "b\n'));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^"links" is not valid YAML \(line 2, column 9 of the value/u);
  });

  it('refuses to edit a read-only field', () => {
    const merge = field(post('base: &b {a: 1}\n<<: *b\n'), '<<');
    expect(refusal(() => editForField(merge, '{a: 2}')).message).toContain('edit it in the text');
    expect(refusal(() => removeFieldEdit(merge)).code).toBe('BAD_REQUEST');
  });
});

describe('addFieldEdit', () => {
  it('appends a new key as the block’s last line, its value read as YAML', () => {
    const next = withFieldEdit(SAMPLE, addFieldEdit(SAMPLE, 'comments', 'yes'));
    expect(next).toBe(SAMPLE.replace('  nav: "docs"\n', '  nav: "docs"\ncomments: true\n'));
  });

  it('adds a nested key under an existing map', () => {
    const next = withFieldEdit(SAMPLE, addFieldEdit(SAMPLE, 'sidebar.title', '목차'));
    expect(next).toBe(SAMPLE.replace('  nav: "docs"\n', '  nav: "docs"\n  title: 목차\n'));
  });

  it('creates the front matter of a post that has none', () => {
    expect(withFieldEdit('Body\n', addFieldEdit('Body\n', 'title', 'Hello'))).toBe('---\ntitle: Hello\n---\nBody\n');
  });

  it.each<[string, string, string]>([
    ['a key that is already there', 'title', 'is already in the front matter'],
    ['a key under a value that is not a map', 'toc.depth', '"toc" is not a map'],
    ['an empty key part', 'sidebar.', 'is not a key name'],
  ])('refuses %s', (_spec, key, message) => {
    expect(refusal(() => addFieldEdit(SAMPLE, key, 'x')).message).toContain(message);
  });
});
