import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_SITE, copySampleSite, tempDir } from '../../../helpers/temp-site';

const cache = tempDir('hanji-cli-cache-');
afterAll(() => cache.dispose());

/** Run the CLI exactly as the README tells users to. */
function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, HANJI_CACHE_DIR: cache.dir, HANJI_TRASH_DIR: path.join(cache.dir, 'trash') } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hanji CLI', () => {
  it('prints the index of the sample site as JSON and nothing else', () => {
    const run = cli('index', 'resources/sample-site', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['site', 'posts', 'ignored', 'tags', 'categories', 'problems']);
    expect(report['site']).toMatchObject({ root: SAMPLE_SITE, title: '한지 블로그', timezone: 'Asia/Seoul', baseurl: '/blog' });
    expect(report['posts']).toContainEqual({
      path: '_posts/2025-04-02-봄-산책-기록.md',
      status: 'published',
      title: '봄 산책 기록',
      date: '2025-04-02T00:00:00+09:00',
      slug: '봄-산책-기록',
      id: '/%EC%9D%BC%EC%83%81/봄-산책-기록',
      url: '/%EC%9D%BC%EC%83%81/%EB%B4%84-%EC%82%B0%EC%B1%85-%EA%B8%B0%EB%A1%9D/',
      tags: ['산책', '봄'],
      categories: ['일상'],
      // Jekyll's body starts after the blank lines that follow the closing `---`.
      excerpt: '벚꽃이 피기 시작한 오후, 동네 하천을 따라 한 시간쯤 걸었다.',
    });
  });

  it('renders the Korean sample post with its heading ids and TOC, and exports it as a page', () => {
    const site = copySampleSite();
    try {
      const sample = readFileSync(path.join(REPO_ROOT, '..', 'shared', 'samples', '2025-02-05-openai-sam-altman-korea-visit.md'));
      writeFileSync(path.join(site.root, '_posts', '2025-02-05-openai-sam-altman-korea-visit.md'), sample);
      const run = cli('render', site.root, '_posts/2025-02-05-openai-sam-altman-korea-visit.md', '--json');
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as { path: string; url: string; title: string; html: string; headings: { level: number; id: string; text: string }[]; toc: unknown[]; excerpt: string };
      expect(Object.keys(out)).toEqual(['path', 'url', 'title', 'html', 'headings', 'toc', 'excerpt']);
      expect(out.url).toBe('/ai_news/openai-sam-altman-korea-visit/');
      expect(out.headings[0]).toEqual({ level: 2, id: '샘-올트먼-ceo-한국-ai-개발자들과-직접-소통', text: '샘 올트먼 CEO, 한국 AI 개발자들과 직접 소통' });
      expect(out.toc).toEqual(out.headings.map(({ level, id, text }) => ({ level, id, text })));
      expect(out.html).toContain('<br />');
      expect(out.excerpt).toContain('최근 인공지능(AI) 기술은');

      const all = JSON.parse(cli('render', site.root, '--all', '--json').stdout) as { path: string }[];
      expect(all.map((p) => p.path)).toContain('_posts/2025-02-05-openai-sam-altman-korea-visit.md');

      const page = path.join(site.root, 'out.html');
      expect(cli('export-html', site.root, '_posts/2025-02-05-openai-sam-altman-korea-visit.md', page).code).toBe(0);
      const html = readFileSync(page, 'utf8');
      expect(html).toMatch(/^<!doctype html>/u);
      expect(html).toContain('<h2 id="샘-올트먼-ceo-한국-ai-개발자들과-직접-소통">');
    } finally {
      site.dispose();
    }
  });

  it('edits front matter with set and unset, changing only those lines', () => {
    const site = copySampleSite();
    try {
      const rel = '_posts/2025-02-05-openai-korea-visit-notes.md';
      const file = path.join(site.root, rel);
      const before = readFileSync(file, 'utf8');
      const set = cli('set', site.root, rel, 'toc=false', 'sidebar.nav=main', 'tag=[OpenAI, AI, 샘 올트먼, 카카오, 삼성전자]');
      expect(set).toMatchObject({ code: 0, stdout: `updated ${rel}\n` });
      expect(readFileSync(file, 'utf8')).toBe(
        before.replace('toc: true', 'toc: false').replace('nav: "docs"', 'nav: "main"').replace('tag: [OpenAI, AI, 샘 올트먼, 카카오]', 'tag: [OpenAI, AI, 샘 올트먼, 카카오, 삼성전자]'),
      );
      expect(cli('unset', site.root, rel, 'toc', 'sidebar.nav')).toMatchObject({ code: 0 });
      expect(readFileSync(file, 'utf8')).not.toMatch(/^toc:|nav:/mu);
      expect(cli('set', site.root, rel, 'not-an-assignment')).toMatchObject({ code: 1, stdout: '' });
    } finally {
      site.dispose();
    }
  });

  it('refuses to edit invalid front matter, naming file, line and column, and leaves it untouched', () => {
    const site = copySampleSite();
    try {
      const rel = '_posts/2025-01-11-broken.md';
      writeFileSync(path.join(site.root, rel), '---\ntitle: "ok"\ntags: [a, b\n---\nBody\n');
      const run = cli('set', site.root, rel, 'title=new');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/_posts\/2025-01-11-broken\.md:\d+/u);
      expect(readFileSync(path.join(site.root, rel), 'utf8')).toBe('---\ntitle: "ok"\ntags: [a, b\n---\nBody\n');
      const check = cli('check', site.root, '--json');
      expect(check.code).toBe(1);
      expect(JSON.parse(check.stdout)).toContainEqual(expect.objectContaining({ path: rel, severity: 'error', line: 4 }));
    } finally {
      site.dispose();
    }
  });

  it('creates a post with new and publishes a draft with publish', () => {
    const site = copySampleSite();
    try {
      expect(cli('new', site.root, '--title', '여름 여행 계획', '--date', '2025-07-10')).toMatchObject({ code: 0, stdout: '_posts/2025-07-10-여름-여행-계획.md\n' });
      expect(cli('new', site.root, '--title', '여름 여행 계획', '--draft', '--slug', 'summer-trip')).toMatchObject({ code: 0, stdout: '_drafts/summer-trip.md\n' });
      expect(cli('publish', site.root, '_drafts/summer-trip.md', '--date', '2025-07-11')).toMatchObject({ code: 0, stdout: '_posts/2025-07-11-summer-trip.md\n' });
      const report = JSON.parse(cli('index', site.root, '--json').stdout) as { posts: { path: string; status: string; title: string }[] };
      expect(report.posts).toContainEqual(expect.objectContaining({ path: '_posts/2025-07-11-summer-trip.md', status: 'published', title: '여름 여행 계획' }));
    } finally {
      site.dispose();
    }
  });

  it('check reports future posts and duplicate URLs, exiting 1 on errors', () => {
    const site = copySampleSite();
    try {
      expect(cli('check', site.root)).toMatchObject({ code: 0, stdout: 'No problems found.\n' });
      writeFileSync(path.join(site.root, '_posts', '2099-01-01-later.md'), '---\ntitle: later\n---\n');
      writeFileSync(path.join(site.root, '_posts', '2025-03-11-jekyll-front-matter-basics.md'), '---\ncategories: [Jekyll, Guides]\n---\n');
      const run = cli('check', site.root, '--json');
      expect(run.code).toBe(1);
      const problems = JSON.parse(run.stdout) as { path: string; severity: string; message: string }[];
      expect(problems).toContainEqual(expect.objectContaining({ path: '_posts/2099-01-01-later.md', severity: 'warning' }));
      expect(problems.filter((p) => p.message.includes('/jekyll/guides/jekyll-front-matter-basics/'))).toHaveLength(2);
    } finally {
      site.dispose();
    }
  });

  it('prints help on --help', () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('index SITE');
  });

  it.each([
    [['index', path.join(REPO_ROOT, 'no-such-site'), '--json'], 1, 'does not exist'],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [['index', 'resources/sample-site', '--jsn'], 2, '--jsn'],
    [[], 2, 'no command given'],
  ])('reports %j on stderr with exit %i and an empty stdout', (args, code, message) => {
    const run = cli(...args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
  it('lists tags as JSON and renames, merges and deletes them with a dry run first', () => {
    const site = copySampleSite();
    try {
      const list = JSON.parse(cli('tags', 'list', site.root, '--json').stdout) as { name: string; count: number; posts: string[] }[];
      expect(list).toContainEqual({ name: 'markdown', count: 2, posts: ['_posts/2025-05-20-markdown-cheatsheet.md', '_posts/2025-01-15-welcome-to-hanji.md'] });
      const post = path.join(site.root, '_posts', '2025-05-20-markdown-cheatsheet.md');
      const before = readFileSync(post, 'utf8');

      const dry = cli('tags', 'rename', site.root, 'markdown', 'md', '--dry-run', '--json');
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, written: [], files: [{ path: '_posts/2025-01-15-welcome-to-hanji.md' }, { path: '_posts/2025-05-20-markdown-cheatsheet.md', changes: [{ line: 5, before: 'tags: [markdown, kramdown]', after: 'tags: [md, kramdown]' }] }] });
      expect(readFileSync(post, 'utf8')).toBe(before);

      const text = cli('tags', 'rename', site.root, 'markdown', 'md');
      expect(text.stdout).toContain('changed _posts/2025-05-20-markdown-cheatsheet.md\n  5: - tags: [markdown, kramdown]\n  5: + tags: [md, kramdown]');
      expect(readFileSync(post, 'utf8')).toBe(before.replace('tags: [markdown, kramdown]', 'tags: [md, kramdown]'));

      const merged = JSON.parse(cli('tags', 'merge', site.root, 'md', 'kramdown', '--into', 'markdown', '--json').stdout) as { written: string[] };
      expect(merged.written).toEqual(['_posts/2025-01-15-welcome-to-hanji.md', '_posts/2025-05-20-markdown-cheatsheet.md']);
      expect(readFileSync(post, 'utf8')).toContain('tags: [markdown]\n');

      expect(cli('categories', 'delete', site.root, '일상', '--json').code).toBe(0);
      expect(JSON.parse(cli('categories', 'list', site.root, '--json').stdout)).not.toContainEqual(expect.objectContaining({ name: '일상' }));
      expect(cli('tags', 'merge', site.root, 'a').code).toBe(2);
    } finally {
      site.dispose();
    }
  });

  it('offers to move posts whose category comes from a folder, and moves them with --move-folders', () => {
    const site = copySampleSite();
    try {
      const news = path.join(site.root, 'news', '_posts');
      mkdirSync(news, { recursive: true });
      const text = '---\ntitle: Launch\n---\nbody\n';
      writeFileSync(path.join(news, '2025-01-01-launch.md'), text);

      const skipped = cli('categories', 'rename', site.root, 'news', 'updates', '--json');
      expect(skipped.code).toBe(3);
      expect(JSON.parse(skipped.stdout)).toMatchObject({ moves: [], skipped: [{ path: 'news/_posts/2025-01-01-launch.md', reason: 'folder', message: expect.stringContaining('--move-folders') }] });

      const dry = cli('categories', 'rename', site.root, 'news', 'updates', '--move-folders', '--dry-run');
      expect(dry.stdout).toContain('would move news/_posts/2025-01-01-launch.md → updates/_posts/2025-01-01-launch.md');
      expect(existsSync(path.join(news, '2025-01-01-launch.md'))).toBe(true);

      const run = cli('categories', 'rename', site.root, 'news', 'updates', '--move-folders', '--json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: false, skipped: [], moved: [{ from: 'news/_posts/2025-01-01-launch.md', to: 'updates/_posts/2025-01-01-launch.md' }] });
      expect(readFileSync(path.join(site.root, 'updates', '_posts', '2025-01-01-launch.md'), 'utf8')).toBe(text);
      expect(existsSync(path.join(news, '2025-01-01-launch.md'))).toBe(false);
      expect(JSON.parse(cli('categories', 'list', site.root, '--json').stdout)).toContainEqual({ name: 'updates', count: 1, posts: ['updates/_posts/2025-01-01-launch.md'] });
      expect(cli('tags', 'rename', site.root, 'a', 'b', '--move-folders').code).toBe(2);
    } finally {
      site.dispose();
    }
  });
});
