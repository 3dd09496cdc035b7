import { describe, expect, it } from 'vitest';
import { applyFrontMatterEdits, type FrontMatterEdit, type YamlValue } from '../../../../shared/frontmatter/edit';

/** A post whose front matter is `yaml` (lines ending in \n). */
const post = (yaml: string): string => `---\n${yaml}---\nBody text.\n`;
const set = (key: string, value: YamlValue): FrontMatterEdit => ({ path: key.split('.'), value });
const unset = (key: string): FrontMatterEdit => ({ path: key.split('.'), remove: true });

/** [spec, front matter before, edits, front matter after] */
type Case = [string, string, FrontMatterEdit[], string];

const check = (before: string, edits: FrontMatterEdit[], after: string): void => {
  expect(applyFrontMatterEdits(post(before), edits)).toBe(post(after));
};

describe('rule 1: a no-op returns the text byte-identical', () => {
  it.each<[string, string, FrontMatterEdit[]]>([
    ['an empty edit list', 'title: "x"  # c\n', []],
    ['a double-quoted title set to its value', 'title: "x"\n', [set('title', 'x')]],
    ['`published: no` set to false', 'published: no\n', [set('published', false)]],
    ['`version: 1.10` set to 1.1', 'version: 1.10\n', [set('version', 1.1)]],
    ['`~` set to null', 'nothing: ~\n', [set('nothing', null)]],
    ['an empty value set to null', 'blank:\n', [set('blank', null)]],
    ['a flow list set to the same items', 'tags: [a, "b"]\n', [set('tags', ['a', 'b'])]],
    ['a block list set to the same items', 'tags:\n  - a\n  - b\n', [set('tags', ['a', 'b'])]],
    ['a nested key set to its value', 'sidebar:\n  nav: "docs"\n', [set('sidebar.nav', 'docs')]],
    ['a merged key set to its merged value', 'base: &b {layout: x}\n<<: *b\n', [set('layout', 'x')]],
    ['removing a key that is not there', 'title: x\n', [unset('nope'), unset('title.deeper'), unset('a.b.c')]],
    ['removing from a post without front matter', '', [unset('title')]],
  ])('%s', (_spec, yaml, edits) => {
    const text = post(yaml);
    expect(applyFrontMatterEdits(text, edits)).toBe(text);
  });

  it('returns a post without front matter unchanged when nothing is set', () => {
    expect(applyFrontMatterEdits('# Hello\n', [unset('x')])).toBe('# Hello\n');
  });
});

describe('rule 2: replacing a scalar keeps its quote style when it can', () => {
  it.each<Case>([
    ['double quotes stay double quotes', 'title: "x"\n', [set('title', 'y')], 'title: "y"\n'],
    ['double quotes escape what they must', 'title: "x"\n', [set('title', 'say "hi"\\')], 'title: "say \\"hi\\"\\\\"\n'],
    ['single quotes stay single, doubling the apostrophe', "title: 'It''s'\n", [set('title', "Don't")], "title: 'Don''t'\n"],
    ['single quotes give way to double for a line break', "title: 'x'\n", [set('title', 'a\nb')], 'title: "a\\nb"\n'],
    ['plain stays plain', 'title: x\n', [set('title', 'Hello world')], 'title: Hello world\n'],
    ['Hangul is plain', 'title: x\n', [set('title', '샘 올트먼')], 'title: 샘 올트먼\n'],
    ['an empty string is quoted', 'title: x\n', [set('title', '')], 'title: ""\n'],
    ['leading spaces are quoted', 'title: x\n', [set('title', ' padded')], 'title: " padded"\n'],
    ['a plain multi-line string becomes double-quoted', 'title: x\n', [set('title', 'one\ntwo')], 'title: "one\\ntwo"\n'],
    ['the end-of-line comment stays', 'title: x   # the title\n', [set('title', 'z')], 'title: z   # the title\n'],
    ['a multi-line plain scalar becomes one line', 'title: a\n  b\nnext: 1\n', [set('title', 'c')], 'title: c\nnext: 1\n'],
    ['a number replaces a quoted string plainly', 'count: "1"\n', [set('count', 2)], 'count: 2\n'],
    ['a float keeps its decimals', 'ratio: 1\n', [set('ratio', 2.5)], 'ratio: 2.5\n'],
    ['a huge float is written so Psych reads a float', 'ratio: 1\n', [set('ratio', 1e21)], 'ratio: 1.0e+21\n'],
    ['NaN is .nan', 'ratio: 1\n', [set('ratio', Number.NaN)], 'ratio: .nan\n'],
    ['null is null', 'x: 1\n', [set('x', null)], 'x: null\n'],
    ['an empty value is filled after the colon', 'x:\n', [set('x', 'v')], 'x: v\n'],
    ['an empty value keeps its comment', 'x: # later\n', [set('x', 'v')], 'x: v # later\n'],
    ['a literal block stays literal', 'd: |\n  a\n  b\nn: 1\n', [set('d', 'c\nd\n')], 'd: |\n  c\n  d\nn: 1\n'],
    ['a literal block takes the strip indicator it needs', 'd: |\n  a\n', [set('d', 'one line')], 'd: |-\n  one line\n'],
    ['a folded block stays folded', 'e: >-\n  a\n  b\n', [set('e', 'x y')], 'e: >-\n  x y\n'],
    ['a folded block keeps a line break as a blank line', 'e: >-\n  a\n', [set('e', 'x\ny')], 'e: >-\n  x\n\n  y\n'],
    ['a block header keeps its comment', 'd: | # note\n  a\n', [set('d', 'b\n')], 'd: | # note\n  b\n'],
    ['a block becomes a plain number', 'd: |\n  a\nn: 1\n', [set('d', 5)], 'd: 5\nn: 1\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));

  it.each(['yes', 'no', 'on', 'off', 'Yes', 'OFF', 'y', 'n', 'true', 'False', '1.10', '012', '12:30', '12:30:45', '1,000', '1_000', '0x1F', '.5', '-.inf', '.NaN', '2025-01-01', '2025-03-01 20:00:00 -0800', 'null', 'NULL', '~', '<<', '='])(
    'the string %j is double-quoted because YAML 1.1 would read something else',
    (value) => check('v: x\n', [set('v', value)], `v: "${value}"\n`),
  );

  it.each(['a: b', 'a #b', 'ends:', '- x', '? x', ': x', ', x', '[x', ']x', '{x', '}x', '#x', '&x', '*x', '!x', '|x', '>x', "'x", '%x', '@x', '`x'])(
    'the string %j is double-quoted because of its indicator characters',
    (value) => check('v: x\n', [set('v', value)], `v: ${JSON.stringify(value)}\n`),
  );

  it.each<Case>([
    ['`no` becomes `yes`', 'published: no\n', [set('published', true)], 'published: yes\n'],
    ['`Off` becomes `On`', 'share: Off\n', [set('share', true)], 'share: On\n'],
    ['`TRUE` becomes `FALSE`', 'toc: TRUE\n', [set('toc', false)], 'toc: FALSE\n'],
    ['a quoted "false" becomes a real boolean', 'published: "false"\n', [set('published', false)], 'published: false\n'],
    ['a new boolean is true/false', 'title: x\n', [set('published', false)], 'title: x\npublished: false\n'],
  ])('booleans keep their spelling family: %s', (_spec, before, edits, after) => check(before, edits, after));
});

describe('rule 3: lists keep their form and change item by item', () => {
  const flow = 'tag: [OpenAI, AI, 샘 올트먼, 카카오]  # tags\n';
  it.each<Case>([
    ['renaming one flow item touches only its bytes', flow, [set('tag', ['OpenAI', 'ai', '샘 올트먼', '카카오'])], 'tag: [OpenAI, ai, 샘 올트먼, 카카오]  # tags\n'],
    ['removing a middle flow item removes it and its separator', flow, [set('tag', ['OpenAI', '샘 올트먼', '카카오'])], 'tag: [OpenAI, 샘 올트먼, 카카오]  # tags\n'],
    ['removing the first flow item', flow, [set('tag', ['AI', '샘 올트먼', '카카오'])], 'tag: [AI, 샘 올트먼, 카카오]  # tags\n'],
    ['removing the last flow item', flow, [set('tag', ['OpenAI', 'AI', '샘 올트먼'])], 'tag: [OpenAI, AI, 샘 올트먼]  # tags\n'],
    ['appending to a flow list adds `, x`', flow, [set('tag', ['OpenAI', 'AI', '샘 올트먼', '카카오', 'x'])], 'tag: [OpenAI, AI, 샘 올트먼, 카카오, x]  # tags\n'],
    ['prepending to a flow list', flow, [set('tag', ['x', 'OpenAI', 'AI', '샘 올트먼', '카카오'])], 'tag: [x, OpenAI, AI, 샘 올트먼, 카카오]  # tags\n'],
    ['an appended item is quoted when it must be', 'tags: [a]\n', [set('tags', ['a', 'yes', 'b, c'])], 'tags: [a, "yes", "b, c"]\n'],
    ['a renamed quoted item keeps its quotes', "tags: ['a', \"b\"]\n", [set('tags', ['x', 'y'])], "tags: ['x', \"y\"]\n"],
    ['emptying a flow list', 'tags: [a, b]\n', [set('tags', [])], 'tags: []\n'],
    ['filling an empty flow list', 'tags: []\n', [set('tags', ['a', 'b'])], 'tags: [a, b]\n'],
    ['a multi-line flow list keeps its layout', 'tags: [\n  a,\n  b\n]\n', [set('tags', ['a', 'b', 'c'])], 'tags: [\n  a,\n  b,\n  c\n]\n'],
    ['a trailing comma stays', 'tags: [a, b,]\n', [set('tags', ['a', 'b', 'c'])], 'tags: [a, b, c,]\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));

  const block = 'tags:\n  - jekyll   # first\n  # between\n  - yaml\n  - 한글\nnext: 1\n';
  it.each<Case>([
    ['renaming one block item keeps its comment', block, [set('tags', ['Jekyll', 'yaml', '한글'])], 'tags:\n  - Jekyll   # first\n  # between\n  - yaml\n  - 한글\nnext: 1\n'],
    ['removing a block item removes its line', block, [set('tags', ['jekyll', 'yaml'])], 'tags:\n  - jekyll   # first\n  # between\n  - yaml\nnext: 1\n'],
    ['removing the first block item', 'tags:\n  - a\n  - b\n', [set('tags', ['b'])], 'tags:\n  - b\n'],
    ['appending adds a `- x` line with the same indentation', block, [set('tags', ['jekyll', 'yaml', '한글', 'new'])], 'tags:\n  - jekyll   # first\n  # between\n  - yaml\n  - 한글\n  - new\nnext: 1\n'],
    ['a list at the key\'s column keeps that column', 'tags:\n- a\n- b\n', [set('tags', ['a', 'b', 'c'])], 'tags:\n- a\n- b\n- c\n'],
    ['emptying a block list writes []', 'tags:\n  - a\nnext: 1\n', [set('tags', [])], 'tags: []\nnext: 1\n'],
    ['a list of maps changes inside the item', 'links:\n  - name: a\n    url: /a\n  - name: b\n', [set('links', [{ name: 'a', url: '/A' }, { name: 'b' }])], 'links:\n  - name: a\n    url: /A\n  - name: b\n'],
    ['appending a map item writes it compactly', 'links:\n  - name: a\n', [set('links', [{ name: 'a' }, { name: 'b', url: '/b' }])], 'links:\n  - name: a\n  - name: b\n    url: /b\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));

  it.each<Case>([
    ['a string where a flow list was', 'tags: [a, b]  # c\n', [set('tags', 'solo')], 'tags: solo  # c\n'],
    ['a string where a block list was', 'tags:\n  - a\n  - b\nnext: 1\n', [set('tags', 'solo')], 'tags: solo\nnext: 1\n'],
    ['a list where a string was', 'tags: solo\n', [set('tags', ['a', 'b'])], 'tags: [a, b]\n'],
    ['a long list where a string was goes on lines', 'tags: solo\n', [set('tags', ['a'.repeat(40), 'b'.repeat(40)])], `tags:\n  - ${'a'.repeat(40)}\n  - ${'b'.repeat(40)}\n`],
    ['a map where a string was', 'sidebar: none   # c\nnext: 1\n', [set('sidebar', { nav: 'docs' })], 'sidebar:   # c\n  nav: docs\nnext: 1\n'],
  ])('setting %s replaces the value text', (_spec, before, edits, after) => check(before, edits, after));
});

describe('rule 4: nested keys, new keys and new front matter', () => {
  it.each<Case>([
    ['a nested key changes inside its block map', 'sidebar:\n  nav: "docs"\ntitle: x\n', [set('sidebar.nav', 'guide')], 'sidebar:\n  nav: "guide"\ntitle: x\n'],
    ['a nested key changes inside a flow map', 'sidebar: {nav: "docs"}\n', [set('sidebar.nav', 'guide')], 'sidebar: {nav: "guide"}\n'],
    ['a new nested key joins a flow map', 'sidebar: {nav: "docs"}\n', [set('sidebar.toc', true)], 'sidebar: {nav: "docs", toc: true}\n'],
    ['a new nested key joins a block map at its indentation', 'sidebar:\n    nav: docs\ntitle: x\n', [set('sidebar.toc', true)], 'sidebar:\n    nav: docs\n    toc: true\ntitle: x\n'],
    ['missing parents are created as block maps', 'title: x\n', [set('header.overlay.color', '#333')], 'title: x\nheader:\n  overlay:\n    color: "#333"\n'],
    ['a missing parent inside an existing map', 'sidebar:\n  nav: docs\ntitle: x\n', [set('sidebar.extra.deep', 1)], 'sidebar:\n  nav: docs\n  extra:\n    deep: 1\ntitle: x\n'],
    ['an empty parent gets its first key', 'sidebar:\ntitle: x\n', [set('sidebar.nav', 'docs')], 'sidebar:\n  nav: docs\ntitle: x\n'],
    ['a new top-level key is the last line of the block', 'title: x\n# closing comment\n', [set('toc', true)], 'title: x\n# closing comment\ntoc: true\n'],
    ['new keys keep the order they were set in', 'title: x\n', [set('b', 1), set('a', 2)], 'title: x\nb: 1\na: 2\n'],
    ['a new key that needs quotes', 'title: x\n', [set('no', 'x'), set('a: b', 'z')], 'title: x\n"no": x\n"a: b": z\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));

  it.each<[string, string, FrontMatterEdit[], string]>([
    ['a CRLF post gets CRLF lines', '---\r\ntitle: x\r\n---\r\nBody\r\n', [set('toc', true), set('sidebar.nav', 'docs')], '---\r\ntitle: x\r\ntoc: true\r\nsidebar:\r\n  nav: docs\r\n---\r\nBody\r\n'],
    ['a post without front matter gets a block at the top', '# Hello\n', [set('title', 'Hi')], '---\ntitle: Hi\n---\n# Hello\n'],
    ['the new block goes after a BOM', '\ufeff# Hello\n', [set('title', 'Hi')], '\ufeff---\ntitle: Hi\n---\n# Hello\n'],
    ['a CRLF body gets a CRLF block', '# Hello\r\nWorld\r\n', [set('title', 'Hi')], '---\r\ntitle: Hi\r\n---\r\n# Hello\r\nWorld\r\n'],
    ['an empty file gets a block', '', [set('title', 'Hi')], '---\ntitle: Hi\n---\n'],
    ['empty front matter gets its first key', '---\n---\nBody\n', [set('title', 'Hi')], '---\ntitle: Hi\n---\nBody\n'],
    ['front matter with only a comment keeps it', '---\n# draft\n---\nBody\n', [set('title', 'Hi')], '---\n# draft\ntitle: Hi\n---\nBody\n'],
    ['a `...` closer stays', '---\ntitle: x\n...\nBody\n', [set('title', 'z')], '---\ntitle: z\n...\nBody\n'],
    ['a BOM stays', '\ufeff---\ntitle: x\n---\n', [set('title', 'z')], '\ufeff---\ntitle: z\n---\n'],
  ])('%s', (_spec, before, edits, after) => {
    expect(applyFrontMatterEdits(before, edits)).toBe(after);
  });
});

describe('rule 5: removal deletes exactly the key’s lines', () => {
  it.each<Case>([
    ['a key with its end-of-line comment', 'a: 1\ntitle: x  # the title\nb: 2\n', [unset('title')], 'a: 1\nb: 2\n'],
    ['a key with a block list', 'a: 1\ntags:\n  - x\n  - y\nb: 2\n', [unset('tags')], 'a: 1\nb: 2\n'],
    ['a key with a literal block', 'd: |\n  text\n  more\nb: 2\n', [unset('d')], 'b: 2\n'],
    ['comments before the key stay', '# about title\ntitle: x\nb: 2\n', [unset('title')], '# about title\nb: 2\n'],
    ['the first key', 'title: x\nb: 2\n', [unset('title')], 'b: 2\n'],
    ['the last key', 'title: x\nb: 2\n', [unset('b')], 'title: x\n'],
    ['the only key leaves empty front matter', 'title: x\n', [unset('title')], ''],
    ['a nested key', 'sidebar:\n  nav: docs\n  toc: true\n', [unset('sidebar.nav')], 'sidebar:\n  toc: true\n'],
    ['a key of a flow map', 'sidebar: {nav: docs, toc: true}\n', [unset('sidebar.toc')], 'sidebar: {nav: docs}\n'],
    ['the first key of a map inside a list item', 'links:\n  - name: a\n    url: /a\n', [unset('links')], ''],
  ])('removing %s', (_spec, before, edits, after) => check(before, edits, after));

  it('leaves the parent as `parent: {}` when its last key goes (the data stays a map, now empty)', () => {
    check('sidebar:\n  nav: "docs"\ntitle: x\n', [unset('sidebar.nav')], 'sidebar: {}\ntitle: x\n');
    check('sidebar: {nav: "docs"}\n', [unset('sidebar.nav')], 'sidebar: {}\n');
  });

  it('removes a list item map’s first key by pulling the next key onto the dash line', () => {
    check('links:\n  - name: a\n    url: /a\n', [set('links', [{ url: '/a' }])], 'links:\n  - url: /a\n');
  });
});

describe('rule 7: values are YAML 1.1 as Psych reads them', () => {
  it.each<Case>([
    ['false is a real boolean', 'title: x\n', [set('published', false)], 'title: x\npublished: false\n'],
    ['the string "false" is quoted', 'title: x\n', [set('published', 'false')], 'title: x\npublished: "false"\n'],
    ['`y` is a string to Psych, so the string "y" needs no change', 'answer: y\n', [set('answer', 'y')], 'answer: y\n'],
    ['`1e3` is a string to Psych', 'exp: 1e3\n', [set('exp', '1e3')], 'exp: 1e3\n'],
    ['`012` is octal 10', 'zip: 012\n', [set('zip', 10)], 'zip: 012\n'],
    ['`12:30:45` is 45045 seconds', 't: 12:30:45\n', [set('t', 45045)], 't: 12:30:45\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));
});

describe('anchors and merge keys', () => {
  const yaml = 'base: &base\n  layout: single\n  toc: true\n<<: *base\ncopy: *base\ntitle: x\n';
  it.each<Case>([
    ['editing inside an anchored map keeps the anchor', yaml, [set('base.toc', false)], 'base: &base\n  layout: single\n  toc: false\n<<: *base\ncopy: *base\ntitle: x\n'],
    ['overriding a merged key adds an own key', yaml, [set('layout', 'post')], `${yaml}layout: post\n`],
    ['replacing an alias writes the value', yaml, [set('copy', 'none')], 'base: &base\n  layout: single\n  toc: true\n<<: *base\ncopy: none\ntitle: x\n'],
  ])('%s', (_spec, before, edits, after) => check(before, edits, after));

  it('refuses to remove a key that only a merge provides', () => {
    expect(() => applyFrontMatterEdits(post(yaml), [unset('layout')])).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('keeps an anchor when a tagged value is replaced', () => {
    check('n: &n !!str 12\nm: *n\n', [set('n', 13)], 'n: &n 13\nm: *n\n');
  });
});

describe('malformed edits', () => {
  it.each<[string, FrontMatterEdit]>([
    ['an empty path', { path: [], value: 1 }],
    ['an empty key', { path: ['a', ''], value: 1 }],
    ['undefined', { path: ['a'], value: undefined as unknown as YamlValue }],
    ['a Date', { path: ['a'], value: new Date() as unknown as YamlValue }],
    ['a function inside a list', { path: ['a'], value: [(() => 1) as unknown as YamlValue] }],
  ])('throw BAD_REQUEST for %s', (_spec, edit) => {
    expect(() => applyFrontMatterEdits(post('title: x\n'), [edit])).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
