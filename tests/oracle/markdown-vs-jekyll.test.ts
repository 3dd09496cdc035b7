/**
 * Oracle test: renderMarkdown must write what Jekyll 4.3 writes for every post of
 * tests/fixtures/preview-site, built three times: with Jekyll's default kramdown settings (GFM
 * input), with `_config-kramdown-input.yml` layered on top (`kramdown: {input: kramdown}`), and
 * with `_config-no-auto-ids.yml` layered on top (`kramdown: {auto_ids: false}`).
 *
 * For each build and post it compares, with the post's HTML between the layout's markers:
 * - the headings (level, id, text),
 * - the text content (tags stripped, entities decoded, whitespace collapsed),
 * - the whole HTML, ignoring line breaks and indentation next to tags,
 * and, across all posts, the exact markup of footnotes, code blocks, tables, definition lists,
 * task lists and abbreviations. The known differences are listed in KNOWN_DIFFERENCES and each is
 * asserted to be there, so that a fix or a change in Jekyll makes this test fail.
 *
 * Expected values are never typed here: they come from `jekyll build`. Skipped, with the reason
 * printed, when `jekyll` is not on PATH.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import markdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown/markdown';
import type { Heading, MarkdownInput } from '../../shared/markdown/types';
import { REPO_ROOT } from '../helpers/temp-site';
import { findJekyll } from './jekyll-oracle';

const SITE = path.join(REPO_ROOT, 'tests', 'fixtures', 'preview-site');
const POSTS = readdirSync(path.join(SITE, '_posts')).filter((name) => name.endsWith('.md')).sort();

interface Build {
  name: string;
  input: MarkdownInput;
  /** `kramdown: auto_ids:` of the build's config. */
  autoIds: boolean;
  /** Config files of the site, in `--config` order. */
  configs: string[];
}

const BUILDS: Build[] = [
  { name: 'GFM', input: 'GFM', autoIds: true, configs: ['_config.yml'] },
  { name: 'kramdown', input: 'kramdown', autoIds: true, configs: ['_config.yml', '_config-kramdown-input.yml'] },
  { name: 'GFM auto_ids false', input: 'GFM', autoIds: false, configs: ['_config.yml', '_config-no-auto-ids.yml'] },
];

/**
 * Where Hanji knowingly writes something else, as fragments of the normalized HTML (see
 * `normalize`): Jekyll's fragment, then ours. Rouge's token spans in highlighted code are the
 * other known difference, handled by `withoutRougeSpans` and asserted in their own test.
 */
const KNOWN_DIFFERENCES: Record<string, Partial<Record<MarkdownInput, [jekyll: string, hanji: string][]>>> = {
  '2025-01-12-known-differences.md': {
    GFM: [
      // kramdown's quote takes the list line; after the blank line the indented text is code, not list text.
      [
        '<li>a list line kramdown keeps in the quote</li></ul></blockquote><div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>indented after the quote\'s list lazy line\n</code></pre></div></div>',
        '<li><p>a list line kramdown keeps in the quote</p><p>indented after the quote’s list\nlazy line</p></li></ul></blockquote>',
      ],
    ],
    kramdown: [
      // Without GFM, a list cannot end a paragraph: kramdown's quote holds one paragraph.
      [
        '<p>A quote\n- a list line kramdown keeps in the quote</p></blockquote><div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>indented after the quote\'s list lazy line\n</code></pre></div></div>',
        '<p>A quote</p><ul><li><p>a list line kramdown keeps in the quote</p><p>indented after the quote’s list\nlazy line</p></li></ul></blockquote>',
      ],
    ],
  },
};

/** Same environment as jekyll-oracle.ts: no machine time zone, UTF-8, no Bundler. */
const BUILD_ENV: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', JEKYLL_ENV: 'production', JEKYLL_NO_BUNDLER_REQUIRE: 'true' };

const MARKER = /<!-- hanji:content:start -->\n([\s\S]*)\n<!-- hanji:content:end -->/;

const jekyll = findJekyll();
if (!jekyll.ok) console.warn(`[oracle] skipping tests/oracle/markdown-vs-jekyll.test.ts: ${jekyll.reason}`);

describe.skipIf(!jekyll.ok)('renderMarkdown agrees with Jekyll 4.3 on tests/fixtures/preview-site', () => {
  let temp = '';
  /** Jekyll's HTML per build name and post file name. */
  const built = new Map<string, Promise<Map<string, string>>>();
  const jekyllHtml = async (build: Build, post: string): Promise<string> => {
    const html = (await built.get(build.name)!).get(post);
    if (html === undefined) throw new Error(`jekyll build (${build.name}) wrote no page for ${post}`);
    return html;
  };

  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'hanji-markdown-oracle-'));
    const site = path.join(temp, 'site');
    cpSync(SITE, site, { recursive: true });
    BUILDS.forEach((build, i) => {
      const promise = buildSite(site, path.join(temp, `out-${i}`), build);
      promise.catch(() => undefined); // awaited by the tests
      built.set(build.name, promise);
    });
  });

  afterAll(async () => {
    await Promise.allSettled(built.values());
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 120_000);

  const cases = BUILDS.flatMap((build) => POSTS.map((post) => ({ name: build.name, build, post })));

  it('builds every fixture post, with content between the markers', async () => {
    for (const build of BUILDS) {
      const pages = await built.get(build.name)!;
      expect([...pages.keys()].sort()).toEqual(POSTS);
      for (const html of pages.values()) expect(html.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it.each(cases)('$name $post: the same headings (level, id, text)', async ({ build, post }) => {
    const expected = headingsIn(expectedHtml(await jekyllHtml(build, post), post, build.input));
    expect(ours(post, build).headings).toEqual(expected);
  }, 120_000);

  it.each(cases)('$name $post: the same text', async ({ build, post }) => {
    const expected = textOf(expectedHtml(await jekyllHtml(build, post), post, build.input));
    expect(textOf(ours(post, build).html)).toBe(expected);
  }, 120_000);

  it.each(cases)('$name $post: the same HTML', async ({ build, post }) => {
    const expected = expectedHtml(await jekyllHtml(build, post), post, build.input);
    expect(normalize(ours(post, build).html)).toBe(expected);
  }, 120_000);

  const CONSTRUCTS: [name: string, pattern: RegExp][] = [
    ['footnote markers', /<sup id="fnref:[^"]*" role="doc-noteref">[\s\S]*?<\/sup>/g],
    ['the footnote section', /<div class="footnotes" role="doc-endnotes">[\s\S]*$/g],
    ['Rouge code blocks', /<div class="[^"]*highlighter-rouge[^"]*"><div class="highlight"><pre class="highlight"><code>[\s\S]*?<\/code><\/pre><\/div><\/div>/g],
    ['unhighlighted code blocks', /<pre[^>]*><code class="language-[^"]*">[\s\S]*?<\/code><\/pre>/g],
    ['inline code', /<code class="language-plaintext[^"]*">[\s\S]*?<\/code>/g],
    ['tables', /<table[^>]*>[\s\S]*?<\/table>/g],
    ['definition lists', /<dl>[\s\S]*?<\/dl>/g],
    ['task lists', /<ul class="task-list">[\s\S]*?<\/ul>/g],
    ['abbreviations', /<abbr[^>]*>[\s\S]*?<\/abbr>/g],
    ['math', /\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)/g],
  ];

  it.each(BUILDS.flatMap((build) => CONSTRUCTS.map(([name, pattern]) => ({ build, label: build.name, name, pattern }))))(
    '$label: $name match exactly in every post',
    async ({ build, name, pattern }) => {
      let seen = 0;
      for (const post of POSTS) {
        const expected = expectedHtml(await jekyllHtml(build, post), post, build.input).match(pattern) ?? [];
        seen += expected.length;
        expect(normalize(ours(post, build).html).match(pattern) ?? [], `${name} of ${post}`).toEqual(expected);
      }
      // The fixture must exercise the construct, or this test proves nothing.
      // (Without GFM there are no task lists, and ``` fences are not fences.)
      if (build.input === 'GFM' || !['task lists', 'unhighlighted code blocks'].includes(name)) expect(seen, `no ${name} in the fixture`).toBeGreaterThan(0);
    },
    120_000,
  );

  it.each(BUILDS.map((build) => ({ build, name: build.name })))('$name: Rouge token spans are the only difference in highlighted code', async ({ build }) => {
    const code = /<pre class="highlight"><code>[\s\S]*?<\/code>/g;
    let tokenized = 0;
    for (const post of POSTS) {
      const html = await jekyllHtml(build, post);
      tokenized += (normalize(html).match(code) ?? []).filter((block) => block.includes('<span class=')).length;
      expect(normalize(ours(post, build).html).match(code) ?? [], post).toEqual(expectedHtml(html, post, build.input).match(code) ?? []);
    }
    expect(tokenized, 'Rouge highlighted nothing: the known difference is gone').toBeGreaterThan(0);
  }, 120_000);

  it.each(Object.entries(KNOWN_DIFFERENCES).flatMap(([post, byInput]) => Object.entries(byInput).map(([input, pairs]) => ({ post, input: input as MarkdownInput, pairs: pairs! }))))(
    '$input $post: each known difference is still there',
    async ({ post, input, pairs }) => {
      // The build with that input and Jekyll's other defaults.
      const build = BUILDS.find((b) => b.input === input && b.autoIds)!;
      const jekyllNormalized = withoutRougeSpans(normalize(await jekyllHtml(build, post)));
      const oursNormalized = normalize(ours(post, build).html);
      for (const [theirs, mine] of pairs) {
        expect(jekyllNormalized, 'Jekyll no longer writes this').toContain(theirs);
        expect(oursNormalized, 'Hanji no longer writes this').toContain(mine);
      }
    },
    120_000,
  );
});

/** `jekyll build --safe` of `site` into `dest`; the HTML between the layout's markers, per post file. */
async function buildSite(site: string, dest: string, build: Build): Promise<Map<string, string>> {
  const args = ['build', '--safe', '--disable-disk-cache', '--source', site, '--destination', dest, '--config', build.configs.map((c) => path.join(site, c)).join(',')];
  await new Promise<void>((resolve, reject) => {
    execFile('jekyll', args, { cwd: site, env: BUILD_ENV, timeout: 90_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`jekyll ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
  const pages = new Map<string, string>();
  for (const post of POSTS) {
    // permalink: /:title:output_ext
    const file = path.join(dest, `${post.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')}.html`);
    const match = MARKER.exec(readFileSync(file, 'utf8'));
    if (!match) throw new Error(`${file} has no content markers`);
    pages.set(post, match[1]!);
  }
  return pages;
}

const rendered = new Map<string, ReturnType<typeof renderMarkdown>>();

/** renderMarkdown of the post's body (front matter removed) with the build's settings, once per post and build. */
function ours(post: string, build: Build): ReturnType<typeof renderMarkdown> {
  const key = `${build.name} ${post}`;
  if (!rendered.has(key)) {
    const text = readFileSync(path.join(SITE, '_posts', post), 'utf8');
    const body = text.replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '');
    rendered.set(key, renderMarkdown(body, { input: build.input, autoIds: build.autoIds }));
  }
  return rendered.get(key)!;
}

/** Line breaks and indentation next to tags are layout (kramdown indents nested blocks), except in `<pre>`. */
function normalize(html: string): string {
  const pres: string[] = [];
  return html
    .replace(/<pre[\s>][\s\S]*?<\/pre>/g, (pre) => `<pre\uE000${pres.push(pre) - 1}>`)
    .replace(/[ \t]*\n[ \t\n]*(?=<)/g, '')
    .replace(/(?<=>)[ \t]*\n[ \t\n]*/g, '')
    .replace(/(<\/(?:div|pre|p|li|ul|ol|dl|dd|dt|table|thead|tbody|tfoot|tr|td|th|blockquote|h[1-6])>|<pre\uE000\d+>)[ \t]+(?=<)/g, '$1')
    .replace(/<pre\uE000(\d+)>/g, (_placeholder, i: string) => pres[Number(i)]!)
    .trim();
}

/** Rouge's token spans taken out of highlighted code: Hanji escapes code but does not tokenize it. */
function withoutRougeSpans(html: string): string {
  return html.replace(/<pre class="highlight"><code>[\s\S]*?<\/code>/g, (code) => code.replace(/<span class="[^"]*">|<\/span>/g, ''));
}

/** Jekyll's HTML as Hanji is expected to write it: normalized, without Rouge spans, known differences applied. */
function expectedHtml(html: string, post: string, input: MarkdownInput): string {
  let expected = withoutRougeSpans(normalize(html));
  for (const [theirs, mine] of KNOWN_DIFFERENCES[post]?.[input] ?? []) expected = expected.replace(theirs, mine);
  return expected;
}

const decoder = markdownIt();
const decode = (text: string) => decoder.utils.unescapeAll(text.replace(/\\/g, '\\\\'));

function textOf(html: string): string {
  return decode(html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function headingsIn(html: string): Heading[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(/<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi)].map((match) => {
    const id = /\sid="([^"]*)"/.exec(match[2] ?? '')?.[1];
    return {
      level: Number(match[1]),
      id: id === undefined ? null : decode(id),
      text: decode(match[3]!.replace(/<[^>]*>/g, '')).replace(/[ \t\n\f\r]+/g, ' ').trim(),
    };
  });
}
