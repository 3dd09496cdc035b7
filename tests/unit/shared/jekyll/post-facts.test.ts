/** Table tests of the rules in JEKYLL-RULES.md, one describe per section. */
import { describe, expect, it } from 'vitest';
import { normalizeSiteConfig } from '../../../../shared/jekyll/config';
import { parsePost, postFacts, type PostFacts } from '../../../../shared/jekyll/post-facts';
import { classifyPostPath } from '../../../../shared/jekyll/post-filename';
import { slugify } from '../../../../shared/jekyll/slugify';
import { siteTaxonomy } from '../../../../shared/jekyll/taxonomy';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** Facts of one post under a `_config.yml` given as an object. */
function facts(path: string, text: string, config: Record<string, unknown> = {}, mtimeMs = NOW): PostFacts {
  const site = normalizeSiteConfig({ timezone: 'Asia/Seoul', ...config });
  const kind = classifyPostPath(path);
  if (!kind) throw new Error(`${path} is not a post`);
  return postFacts(parsePost(path, kind, text, mtimeMs, site), site, NOW);
}

const fm = (yaml: string, body = 'Body.\n') => `---\n${yaml}\n---\n${body}`;

describe('§3 title, slug, date', () => {
  it.each([
    ['_posts/2025-04-15-GPT-5와-Claude-비교.md', 'Gpt 5와 Claude 비교'],
    ['_posts/2025-04-14-한글-파일명만-있는-글.md', '한글 파일명만 있는 글'],
    ['_posts/2025-05-13-no-front-matter.md', 'No Front Matter'],
  ])('%s is titled %j from its slug', (path, title) => {
    expect(facts(path, 'No front matter.\n').title).toBe(title);
  });

  it('uses the front-matter title, and falls back when it is empty (null)', () => {
    expect(facts('_posts/2025-01-01-x.md', fm('title: "제목"')).title).toBe('제목');
    expect(facts('_posts/2025-01-01-comma-separated-tags.md', fm('title:')).title).toBe('Comma Separated Tags');
  });

  it('titles a slug ending in a hyphen as Ruby splits it', () => {
    expect(facts('_posts/2025-01-01-trailing-hyphen-.md', 'x').title).toBe('Trailing Hyphen');
  });

  it('drops trailing dots from the slug and keeps spaces', () => {
    expect(facts('_posts/2025-01-01-ends-with-dots...md', 'x').slug).toBe('ends-with-dots');
    expect(facts('_posts/2025-01-01-file with spaces.md', 'x')).toMatchObject({ slug: 'file with spaces', url: '/2025/01/01/file-with-spaces.html' });
  });

  it.each([
    ['none', '2025-01-02', undefined, '2025-01-02T00:00:00+09:00'],
    ['an offset time', '2025-03-01', '2025-03-01 20:00:00 -0800', '2025-03-02T13:00:00+09:00'],
    ['a UTC time', '2025-03-10', '2025-03-08T07:30:00Z', '2025-03-08T16:30:00+09:00'],
    ['a string without offset', '2025-03-15', '2025-03-16 08:05', '2025-03-16T08:05:00+09:00'],
    ['a quoted time', '2025-03-18', '"2025-03-18 18:00:00 +0000"', '2025-03-19T03:00:00+09:00'],
    ['a YAML date', '2025-05-10', '2025-05-10', '2025-05-10T00:00:00+09:00'],
    ['a local time', '2025-01-15', '2025-01-15 07:30:00 +0900', '2025-01-15T07:30:00+09:00'],
  ])('front-matter date as %s (file %s) gives page.date %s in Asia/Seoul', (_name, fileDate, date, expected) => {
    const text = date === undefined ? fm('title: x') : fm(`date: ${date}`);
    expect(facts(`_posts/${fileDate}-x.md`, text).date).toBe(expected);
  });

  it.each([
    ['Tue, 18 Mar 2025 18:00:00 +0900', '2025-03-18T18:00:00+09:00'],
    ['March 4, 2025', '2025-03-04T00:00:00+09:00'],
    ['2025-03-18 18:00 KST', '2025-03-18T18:00:00+09:00'],
    ['2025/3/4', '2025-03-04T00:00:00+09:00'],
    ['4 March 2025 10:00', '2025-03-04T10:00:00+09:00'],
    ['Mar 4th, 2025', '2025-03-04T00:00:00+09:00'],
  ])('reads the quoted date %j as Ruby Time.parse does (checked with Ruby 3.1)', (date, expected) => {
    expect(facts('_posts/2025-01-01-x.md', fm(`date: "${date}"`)).date).toBe(expected);
  });

  it('moves the URL to the day the date falls on in the site zone', () => {
    const post = fm('date: 2025-03-01 20:00:00 -0800');
    expect(facts('_posts/2025-03-01-x.md', post, { permalink: 'pretty' }).url).toBe('/2025/03/02/x/');
    expect(facts('_posts/2025-01-15-x.md', fm('date: 2025-01-15 07:30:00 +0900'), { timezone: 'UTC', permalink: 'pretty' })).toMatchObject({
      date: '2025-01-14T22:30:00+00:00',
      url: '/2025/01/14/x/',
    });
  });

  it('rolls impossible days over and refuses month 13 as Jekyll does', () => {
    expect(facts('_posts/2025-02-30-impossible-date.md', 'x', { permalink: 'pretty' }).url).toBe('/2025/03/02/impossible-date/');
    expect(facts('_posts/2025-13-01-bad-month.md', 'x').problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining("Invalid date '2025-13-01'") })]);
  });

  it('reads 1-digit months and 2-digit years', () => {
    expect(facts('_posts/2025-4-5-single.md', 'x').date).toBe('2025-04-05T00:00:00+09:00');
    expect(facts('_posts/25-06-01-short-year.md', 'x').date).toBe('2025-06-01T00:00:00+09:00');
  });

  it('refuses an empty date: Jekyll stops the build on it', () => {
    expect(facts('_posts/2025-01-01-x.md', fm('date:')).problems[0]?.message).toContain("Invalid date ''");
  });

  it('dates drafts from front matter, else a date prefix, else the file mtime', () => {
    expect(facts('_drafts/x.md', fm('date: 2025-06-01'), {}).date).toBe('2025-06-01T00:00:00+09:00');
    expect(facts('_drafts/2025-06-20-dated-draft-name.md', 'x')).toMatchObject({ date: '2025-06-20T00:00:00+09:00', slug: 'dated-draft-name', status: 'draft' });
    expect(facts('_drafts/undated.md', 'x', {}, Date.parse('2025-07-01T03:00:00Z')).date).toBe('2025-07-01T12:00:00+09:00');
  });

  it.each([
    ['_posts/2025-04-12-custom.md', fm('slug: "My Custom Slug!"'), '/2025/04/12/My Custom Slug!'],
    ['_posts/2025-04-12-permalink-override.md', fm('permalink: /custom/permalink-override'), '/custom/permalink-override'],
    ['_posts/2025-04-12-한글-글.md', fm('title: x'), '/2025/04/12/한글-글'],
  ])('page.id of %s joins the URL folder with the raw slug', (path, text, id) => {
    expect(facts(path, text, { permalink: '/:year/:month/:day/:title/' }).id).toBe(id);
  });
});

describe('§5 URLs and permalinks', () => {
  const post = fm('title: x\ncategories: [AI_News, Tech]', 'x');
  it.each([
    ['date', '/ai_news/tech/2024/12/31/weekly.html'],
    ['pretty', '/ai_news/tech/2024/12/31/weekly/'],
    ['ordinal', '/ai_news/tech/2024/366/weekly.html'],
    ['weekdate', '/ai_news/tech/2024/W01/Tue/weekly.html'],
    ['none', '/ai_news/tech/weekly.html'],
    ['/:categories/:title/', '/ai_news/tech/weekly/'],
    ['/:year/:i_month/:i_day/:short_year/:y_day/:short_month/:long_month/:short_day/:long_day/:week/:w_year/:w_day/:hour:minute:second/:slugified_categories/:name', '/2024/12/31/24/366/Dec/December/Tue/Tuesday/01/2025/2/000000/ai-news/tech/2024-12-31-weekly'],
  ])('permalink %s', (permalink, url) => {
    expect(facts('_posts/2024-12-31-weekly.md', post, { timezone: 'UTC', permalink }).url).toBe(url);
  });

  it.each([
    ['title keeps case and pretty characters', fm('slug: "My Custom Slug!"'), '/:year/:month/:day/:title/', '/2025/04/12/My-Custom-Slug!/'],
    ['slug is lowercased', fm('slug: "My Custom Slug!"'), '/:slug/', '/my-custom-slug/'],
    ['spaces in categories are escaped', fm('categories: ["release notes"]'), '/:categories/:title/', '/release%20notes/custom/'],
    ['commas stay', fm('categories: "ai_news, tech"'), '/:categories/:title/', '/ai_news,/tech/custom/'],
    ['Hangul is percent-encoded', fm('categories: [뉴스]'), '/:categories/:title/', '/%EB%89%B4%EC%8A%A4/custom/'],
    ['categories are lowercased and de-duplicated', fm('categories: [News, news, 2025]'), '/:categories/:title/', '/news/2025/custom/'],
    ['front-matter permalink placeholders expand', fm('permalink: /archive/:year/:slug'), 'pretty', '/archive/2025/custom'],
    ['a fixed front-matter permalink wins', fm('permalink: /custom/fixed-path/\ncategories: [a]'), 'pretty', '/custom/fixed-path/'],
    ['an empty front-matter permalink is the root', fm('permalink: ""'), 'pretty', '/'],
    ['the :path placeholder', fm('title: x'), '/:path/', '/2025-04-12-custom/'],
  ])('%s', (_name, text, permalink, url) => {
    expect(facts('_posts/2025-04-12-custom.md', text, { permalink }).url).toBe(url);
  });

  it('writes .html posts and .txt posts with their own extension', () => {
    expect(facts('_posts/2025-01-01-page.html', fm('title: x'), { permalink: 'date' }).url).toBe('/2025/01/01/page.html');
    expect(facts('_posts/2025-01-01-notes.txt', fm('title: x'), { permalink: 'date' }).url).toBe('/2025/01/01/notes.txt');
  });
});

describe('§4 tags and categories', () => {
  it.each([
    ['tag wins over tags and is not split', 'tag: machine learning\ntags: [a, b]', ['machine learning']],
    ['a string tags is split on whitespace only', 'tags: jekyll markdown 블로그', ['jekyll', 'markdown', '블로그']],
    ['commas stay attached', 'tags: AI, OpenAI, 샘 올트먼', ['AI,', 'OpenAI,', '샘', '올트먼']],
    ['a null tag falls back to tags', 'tag:\ntags: [a]', ['a']],
    ['types are kept and duplicates stay', 'tags: [AI, ai, Ai, 2025, true, 3.5, a, a]', ['AI', 'ai', 'Ai', 2025, true, 3.5, 'a', 'a']],
    ['a flow list under tag is used as is', 'tag: [OpenAI, AI, 샘 올트먼]', ['OpenAI', 'AI', '샘 올트먼']],
  ])('%s', (_name, yaml, tags) => {
    expect(facts('_posts/2025-01-01-x.md', fm(yaml)).tags).toEqual(tags);
  });

  it.each([
    ['folders come first', 'ai/research/_posts/2025-01-01-x.md', 'categories: [Paper]', ['ai', 'research', 'Paper']],
    ['folders below _posts are not categories', '_posts/tutorials/2025-01-01-x.md', 'title: x', []],
    ['category is appended to categories', '_posts/2025-01-01-x.md', 'category: Tutorials\ncategories: [Web, Dev]', ['Web', 'Dev', 'Tutorials']],
    ['a string categories is split, a string category is not', '_posts/2025-01-01-x.md', 'categories: Release Notes', ['Release', 'Notes']],
    ['category alone is not split', '_posts/2025-01-01-x.md', 'category: Release Notes', ['Release Notes']],
    ['the [News, news, 2025] quirk', '_posts/2025-01-01-x.md', 'categories: [News, news, 2025]', ['News', 'news', 2025, '2025']],
    ['drafts get their folder too', 'news/_drafts/x.md', 'title: x', ['news']],
    ['Hangul folders', '뉴스/_posts/2025-01-01-x.md', 'title: x', ['뉴스']],
  ])('%s', (_name, path, yaml, categories) => {
    expect(facts(path, fm(yaml)).categories).toEqual(categories);
  });

  it('counts site.tags over published posts, names in first-seen order from the oldest post, each list newest first', () => {
    const posts = [
      facts('_posts/2025-01-01-old.md', fm('tags: [b, a]')),
      facts('_posts/2025-03-01-new.md', fm('tags: [a, c]')),
      facts('_posts/2025-02-01-mid.md', fm('tags: [c]')),
    ];
    expect(siteTaxonomy(posts, 'tags')).toEqual([
      { name: 'b', posts: ['_posts/2025-01-01-old.md'] },
      { name: 'a', posts: ['_posts/2025-03-01-new.md', '_posts/2025-01-01-old.md'] },
      { name: 'c', posts: ['_posts/2025-03-01-new.md', '_posts/2025-02-01-mid.md'] },
    ]);
  });

  it('lets front-matter defaults feed tags and categories', () => {
    const config = { defaults: [{ scope: { path: 'news', type: 'posts' }, values: { tags: ['from-defaults'], categories: ['Defaults'] } }] };
    expect(facts('news/_posts/2025-01-01-x.md', fm('title: x'), config)).toMatchObject({ tags: ['from-defaults'], categories: ['news', 'Defaults'] });
    expect(facts('_posts/2025-01-01-x.md', fm('title: x'), config)).toMatchObject({ tags: [], categories: [] });
  });
});

describe('§6 published, drafts, future', () => {
  it.each([
    ['published: false', 'unpublished'],
    ['published: no', 'unpublished'],
    ['published: off', 'unpublished'],
    ['published: "false"', 'published'],
    ['published: true', 'published'],
  ])('%s → %s', (yaml, status) => {
    expect(facts('_posts/2025-01-01-x.md', fm(yaml)).status).toBe(status);
  });

  it('is future when dated after the build, unless future: true', () => {
    expect(facts('_posts/2099-01-01-x.md', 'x').status).toBe('future');
    expect(facts('_posts/2099-01-01-x.md', 'x', { future: true }).status).toBe('published');
  });
});

describe('§7 excerpts', () => {
  it.each([
    ['the first block', 'First paragraph.\nSame one.\n\nSecond.', {}, 'First paragraph.\nSame one.'],
    ['a plain partition, even inside code', '구분자가 `<!--more-->`이기 때문\n\nrest', { excerpt_separator: '<!--more-->' }, '구분자가 `'],
    ['the whole CRLF post (no \\n\\n in it)', 'a\r\n\r\nb\r\n', {}, 'a\r\n\r\nb\r\n'],
    ['the link definitions it uses appended', 'See [docs][d].\n\nMore [x][y].\n\n[d]: https://jekyllrb.com\n[y]: https://example.com', {}, 'See [docs][d].\n\n[d]: https://jekyllrb.com'],
    ['a Liquid block cut open closed again', '{% if page.toc %}\nIntro\n\n{% endif %}', {}, '{% if page.toc %}\nIntro\n{% endif %}'],
    ['a separator from front-matter defaults', 'intro\n\nstill intro\n<!--more-->rest', { defaults: [{ scope: { path: '' }, values: { excerpt_separator: '<!--more-->' } }] }, 'intro\n\nstill intro\n'],
  ])('%s', (_name, body, config, excerpt) => {
    expect(facts('_posts/2025-01-01-x.md', `---\ntitle: x\n---\n${body}`, config).excerpt).toBe(excerpt);
  });

  it('uses a front-matter excerpt verbatim and honours a per-post separator', () => {
    expect(facts('_posts/2025-01-01-x.md', fm('excerpt: "**마크다운** 그대로"')).excerpt).toBe('**마크다운** 그대로');
    expect(facts('_posts/2025-01-01-x.md', fm('excerpt_separator: "<!--more-->"', 'a\n\nb<!--more-->c')).excerpt).toBe('a\n\nb');
  });
});

describe('§2.4 invalid front matter', () => {
  it('is a problem located in the file, and Jekyll builds the post with no front-matter data', () => {
    const post = facts('_posts/2025-01-11-broken-yaml.md', '---\ntitle: "ok"\ntags: [a, b\n---\nBody\n', { permalink: 'pretty' });
    expect(post.problems).toEqual([expect.objectContaining({ path: '_posts/2025-01-11-broken-yaml.md', line: 4, severity: 'error' })]);
    expect(post).toMatchObject({ title: null, slug: '2025-01-11-broken-yaml', tags: [] });
    expect(post.url).toBe('/2026/01/01/2025-01-11-broken-yaml/');
  });
});

describe('layout', () => {
  const DEFAULT_LAYOUT = { defaults: [{ scope: { path: '', type: 'posts' }, values: { layout: 'single', title: 'From defaults' } }] };

  // Checked against `jekyll build` 4.3 by dumping `post.layout`: Utils.deep_merge_hashes keeps the old value when the new one is nil.
  it.each([
    ['front matter', fm('layout: wide'), DEFAULT_LAYOUT, 'wide'],
    ['defaults, when the front matter has none', fm('title: x'), DEFAULT_LAYOUT, 'single'],
    ['defaults, when the front matter says null', fm('layout: null'), DEFAULT_LAYOUT, 'single'],
    ['defaults, when the front matter is invalid', '---\nlayout: post\ntags: [a\n---\n', DEFAULT_LAYOUT, 'single'],
    ['nothing, without defaults', fm('title: x'), {}, null],
    ['nothing, for a number', fm('layout: 3'), {}, null],
    ['"none" as written', fm('layout: none'), DEFAULT_LAYOUT, 'none'],
  ])('comes from %s', (_from, text, config, layout) => {
    expect(facts('_posts/2025-01-01-x.md', text, config).layout).toBe(layout);
  });

  it('follows the same rule for other keys: a null title keeps the default title', () => {
    expect(facts('_posts/2025-01-01-x.md', fm('title: null'), DEFAULT_LAYOUT).title).toBe('From defaults');
    expect(facts('_posts/2025-01-01-x.md', fm('title: null')).title).toBe('X');
  });
});

describe('slugify', () => {
  it.each([
    ['default', 'My Custom Slug!', false, 'my-custom-slug'],
    ['pretty', 'My Custom Slug!', true, 'My-Custom-Slug!'],
    ['default', '샘 올트먼', false, '샘-올트먼'],
    ['raw', 'a  b/c', false, 'a-b/c'],
    ['ascii', '샘 AI 2025', false, 'ai-2025'],
    ['default', '--edge--', false, 'edge'],
  ] as const)('%s(%j, cased %s) → %j', (mode, text, cased, slug) => {
    expect(slugify(text, mode, cased)).toBe(slug);
  });
});
