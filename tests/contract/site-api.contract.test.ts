/**
 * One SiteApi suite, run over every transport that can run in Node: the in-memory transport and
 * the browser-mode HTTP bridge. Electron IPC uses the same dispatch() and is covered end to end.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderTrash } from '../../electron/core/file-ops';
import { restrictOpenSite } from '../../electron/core/site-access';
import { SiteService } from '../../electron/core/site-service';
import { startWebServer } from '../../electron/web/server';
import { createHttpTransport } from '../../renderer/platform/http-transport';
import type { EventName, SiteEvents } from '../../shared/contract/events';
import { MAX_ASSET_BYTES, MAX_POST_CHARS } from '../../shared/contract/schemas';
import { createClient, type SiteClient } from '../../shared/rpc/client';
import { createMemoryTransport } from '../../shared/rpc/memory-transport';
import { SAMPLE_SITE, copySampleSite } from '../helpers/temp-site';

interface Connected {
  client: SiteClient;
  close(): Promise<void>;
}

/** Each face exposes the engine with openSite limited to folders the user chose: here, the test site. */
const transports: { name: string; connect(service: SiteService, granted: string): Promise<Connected> }[] = [
  {
    name: 'the in-memory transport',
    connect: async (service, granted) => ({
      client: createClient(createMemoryTransport(restrictOpenSite(service, (root) => root === granted), service.events)),
      close: async () => undefined,
    }),
  },
  {
    name: 'the HTTP bridge',
    async connect(service, granted) {
      const server = await startWebServer({ api: restrictOpenSite(service, (root) => root === granted), events: service.events });
      const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, retryMs: 50 });
      return { client: createClient(transport), close: server.close };
    },
  },
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const KOREAN_POST = '_posts/2025-02-05-openai-korea-visit-notes.md';

/** Wait for the next `event` matching `predicate`, or fail after `ms`. */
function nextEvent<E extends EventName>(client: SiteClient, event: E, predicate: (p: SiteEvents[E]) => boolean = () => true, ms = 5000) {
  return new Promise<SiteEvents[E]>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within ${ms} ms`));
    }, ms);
    const off = client.on(event, (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe.each(transports)('SiteApi over $name', ({ connect }) => {
  let site: ReturnType<typeof copySampleSite>;
  let service: SiteService;
  let conn: Connected;
  let api: SiteClient;

  let trashDir: string;
  beforeEach(async () => {
    site = copySampleSite();
    trashDir = path.join(path.dirname(site.root), 'trash');
    service = new SiteService({ trash: folderTrash(trashDir) });
    conn = await connect(service, site.root);
    api = conn.client;
  });
  afterEach(async () => {
    await conn.close();
    site.dispose();
  });

  describe('before a site is open', () => {
    it('has no current site and says so when asked for posts', async () => {
      expect(await api.getSite()).toBeNull();
      await expect(api.listPosts()).rejects.toMatchObject({ code: 'NO_SITE' });
      await expect(api.searchPosts('hanji')).rejects.toMatchObject({ code: 'NO_SITE' });
      await expect(api.listRecovery()).rejects.toMatchObject({ code: 'NO_SITE' });
      await expect(api.saveRecovery(KOREAN_POST, 'x', sha256(Buffer.from('x')))).rejects.toMatchObject({ code: 'NO_SITE' });
    });

    it.each(['/', '/etc', tmpdir(), 'resources/sample-site', '../site'])('refuses to open %s, a folder the user did not choose', async (folder) => {
      await expect(api.openSite(folder)).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
      expect(await api.getSite()).toBeNull();
    });
  });

  describe('with the sample site open', () => {
    beforeEach(async () => {
      await api.openSite(site.root);
    });

    it('reports a site outside any repository as such, and refuses to commit there with the reason', async () => {
      expect(await api.gitStatus()).toMatchObject({ isRepo: false, files: [] });
      await expect(api.gitCommit([KOREAN_POST], 'Update post')).rejects.toMatchObject({ code: 'GIT_FAILED', reason: 'NOT_A_REPO' });
      await expect(api.gitSetRemote('--upload-pack=x')).rejects.toMatchObject({ code: 'GIT_FAILED' });
    });

    it('reports the site from _config.yml', async () => {
      expect(await api.getSite()).toEqual({
        root: site.root,
        title: '한지 블로그',
        url: 'https://example.github.io',
        baseurl: '/blog',
        timezone: 'Asia/Seoul',
        permalink: '/:categories/:title/',
        layouts: [],
      });
    });

    it('gives the preview the config, the includes (never through a link) and the linkable files', async () => {
      mkdirSync(path.join(site.root, '_includes', 'ads'), { recursive: true });
      writeFileSync(path.join(site.root, '_includes', 'note.html'), '<p class="notice">{{ include.text }}</p>');
      writeFileSync(path.join(site.root, '_includes', 'ads', 'top.html'), '광고');
      symlinkSync('/etc/hostname', path.join(site.root, '_includes', 'outside.html'));
      mkdirSync(path.join(site.root, '_data', 'authors'), { recursive: true });
      writeFileSync(path.join(site.root, '_data', 'navigation.yml'), 'main:\n  - title: 소개\n    url: /about/\n');
      writeFileSync(path.join(site.root, '_data', 'authors', 'kim.json'), '{"name": "김"}');
      const data = await api.getRenderData();
      expect(data.siteData).toEqual({ navigation: { main: [{ title: '소개', url: '/about/' }] }, authors: { kim: { name: '김' } } });
      expect(data.includes).toEqual({ 'note.html': '<p class="notice">{{ include.text }}</p>', 'ads/top.html': '광고' });
      expect(data.markdownInput).toBe('GFM');
      expect(data.zone).toBe('Asia/Seoul');
      expect(data.config).toMatchObject({ title: '한지 블로그', baseurl: '/blog' });
      expect(data.files).toContain('index.md');
      expect(data.files.some((f) => f.startsWith('_posts/') || f.startsWith('_includes/'))).toBe(false);
    });

    it('lists every post and draft with its front-matter title', async () => {
      const onDisk = ['_posts', '_drafts'].flatMap((dir) => readdirSync(path.join(site.root, dir)).map((name) => `${dir}/${name}`));
      const posts = await api.listPosts();
      expect(posts.map((p) => p.path).sort()).toEqual(onDisk.map((p) => p.normalize('NFC')).sort());
      for (const post of posts) {
        const title: unknown = matter(readFileSync(path.join(site.root, post.path), 'utf8')).data['title'];
        expect(post.title).toBe(title);
      }
      expect(posts.find((p) => p.path.startsWith('_drafts/'))).toMatchObject({ status: 'draft' });
      expect(posts.find((p) => p.path === KOREAN_POST)).toMatchObject({
        status: 'published',
        date: '2025-02-05T00:00:00+09:00',
        url: '/ai_news/openai-korea-visit-notes/',
        tags: ['OpenAI', 'AI', '샘 올트먼', '카카오'],
        categories: ['AI_News'],
      });
    });

    it('reads a post exactly as it is on disk, with the hash of its bytes', async () => {
      const bytes = readFileSync(path.join(site.root, KOREAN_POST));
      const doc = await api.readPost(KOREAN_POST);
      expect(doc.text).toBe(bytes.toString('utf8'));
      expect(doc.hash).toBe(sha256(bytes));
    });

    it('saves byte for byte, keeps BOM and CRLF, and announces the change', async () => {
      const file = path.join(site.root, KOREAN_POST);
      const original = `\uFEFF${readFileSync(file, 'utf8').replace(/\n/gu, '\r\n')}`;
      writeFileSync(file, original);
      const doc = await api.readPost(KOREAN_POST);
      const edited = doc.text.replace('## 정리', '## 정리와 전망');
      const announced = nextEvent(api, 'postsChanged', (p) => p.changes.some((c) => c.path === KOREAN_POST));
      await waitForEventStream(api);
      const saved = await api.writePost(KOREAN_POST, edited, doc.hash);
      const bytes = readFileSync(file);
      expect(bytes.toString('utf8')).toBe(original.replace('## 정리', '## 정리와 전망'));
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(saved).toEqual({ path: KOREAN_POST, hash: sha256(bytes) });
      expect(await announced).toEqual({
        changes: [{ path: KOREAN_POST, kind: 'changed', hash: saved.hash, post: expect.objectContaining({ path: KOREAN_POST, title: 'AI News - 오픈AI CEO 방한 정리' }) }],
      });
    });

    it('refuses to save over a file that changed on disk since it was read', async () => {
      const file = path.join(site.root, KOREAN_POST);
      const doc = await api.readPost(KOREAN_POST);
      writeFileSync(file, `${doc.text}\n다른 프로그램이 쓴 줄\n`);
      await expect(api.writePost(KOREAN_POST, 'mine', doc.hash)).rejects.toMatchObject({ code: 'CONFLICT', path: KOREAN_POST });
      expect(readFileSync(file, 'utf8')).toContain('다른 프로그램이 쓴 줄');
    });

    it('accepts only one of two saves made from the same version', async () => {
      const file = path.join(site.root, KOREAN_POST);
      const doc = await api.readPost(KOREAN_POST);
      const results = await Promise.allSettled([api.writePost(KOREAN_POST, `${doc.text}A`, doc.hash), api.writePost(KOREAN_POST, `${doc.text}AB`, doc.hash)]);
      const kept = results.flatMap((r, i) => (r.status === 'fulfilled' ? [`${doc.text}${i === 0 ? 'A' : 'AB'}`] : []));
      expect(kept).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
      expect(readFileSync(file, 'utf8')).toBe(kept[0]);
    });

    it.each(['_config.yml', '.git/config', 'index.md', '_posts/.hidden/2025-01-01-x.md', 'assets/images/hanji-logo.png'])(
      'reads and writes posts and drafts only, not %s',
      async (other) => {
        await expect(api.readPost(other)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        await expect(api.writePost(other, 'x', sha256(Buffer.from('x')))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      },
    );

    it('opens and saves a post whose file name is stored in NFD', async () => {
      const nfd = '2025-07-01-한글-제목.md'.normalize('NFD');
      writeFileSync(path.join(site.root, '_posts', nfd), '---\ntitle: "한글 제목"\n---\n본문\n');
      await api.openSite(site.root);
      const listed = (await api.listPosts()).find((p) => p.title === '한글 제목');
      expect(listed?.path).toBe('_posts/2025-07-01-한글-제목.md'.normalize('NFC'));
      const doc = await api.readPost(listed!.path);
      await api.writePost(listed!.path, doc.text.replace('본문', '새 본문'), doc.hash);
      expect(readFileSync(path.join(site.root, '_posts', nfd), 'utf8')).toContain('새 본문');
      expect(readdirSync(path.join(site.root, '_posts')).filter((n) => n.normalize('NFC').includes('한글-제목'))).toEqual([nfd]);
    });

    it('refuses a read-only file and leaves it as it was', async () => {
      const file = path.join(site.root, KOREAN_POST);
      const doc = await api.readPost(KOREAN_POST);
      chmodSync(file, 0o444);
      await expect(api.writePost(KOREAN_POST, 'changed', doc.hash)).rejects.toMatchObject({ code: 'READ_ONLY' });
      expect(readFileSync(file, 'utf8')).toBe(doc.text);
    });

    it('names the missing file', async () => {
      await expect(api.readPost('_posts/2025-01-01-missing.md')).rejects.toMatchObject({ code: 'NOT_FOUND', path: '_posts/2025-01-01-missing.md' });
    });

    it('will not open a file that is not valid UTF-8', async () => {
      writeFileSync(path.join(site.root, '_posts/2025-01-02-latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
      await expect(api.readPost('_posts/2025-01-02-latin1.md')).rejects.toMatchObject({ code: 'IO' });
    });

    it.each(['../outside.md', '_posts/../../outside.md', '/etc/passwd', 'C:\\Windows\\win.ini', '_posts/escape.md'])(
      'keeps reads and writes of %j inside the site',
      async (payload) => {
        const outside = path.join(path.dirname(site.root), 'outside.md');
        writeFileSync(outside, 'secret');
        symlinkSync(outside, path.join(site.root, '_posts', 'escape.md'));
        await expect(api.readPost(payload)).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
        await expect(api.writePost(payload, 'pwned', sha256(Buffer.from('secret')))).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
        expect(readFileSync(outside, 'utf8')).toBe('secret');
      },
    );

    describe('post operations', () => {
      const file = (rel: string) => path.join(site.root, ...rel.split('/'));

      it('creates a dated post named from its Hangul title, with front matter Jekyll reads back', async () => {
        const post = await api.createPost({ title: '봄 소풍 준비', date: '2025-04-20 09:30' });
        expect(post).toMatchObject({ path: '_posts/2025-04-20-봄-소풍-준비.md', title: '봄 소풍 준비', date: '2025-04-20T09:30:00+09:00', status: 'published' });
        expect(readFileSync(file(post.path), 'utf8')).toBe('---\ntitle: 봄 소풍 준비\ndate: "2025-04-20 09:30:00 +0900"\n---\n\n');
        const again = await api.createPost({ title: '봄 소풍 준비', date: '2025-04-20' });
        expect(again.path).toBe('_posts/2025-04-20-봄-소풍-준비-2.md');
        expect((await api.createPost({ title: '봄 소풍', ascii: true, draft: true })).path).toBe('_drafts/post.md');
      });

      it('renames the file from a new title and date, and updates the title', async () => {
        const doc = await api.readPost(KOREAN_POST);
        const renamed = await api.renamePost(KOREAN_POST, { title: '오픈AI 방한 총정리', date: '2025-02-06' }, doc.hash);
        expect(renamed).toMatchObject({ path: '_posts/2025-02-06-오픈ai-방한-총정리.md', title: '오픈AI 방한 총정리', date: '2025-02-06T00:00:00+09:00' });
        const after = readFileSync(file(renamed.path), 'utf8');
        expect(after).toBe(doc.text.replace('title: "AI News - 오픈AI CEO 방한 정리"', 'title: "오픈AI 방한 총정리"'));
        expect(readdirSync(path.join(site.root, '_posts'))).not.toContain(KOREAN_POST.slice('_posts/'.length));
      });

      it('duplicates a post beside itself with a "(copy)" title', async () => {
        const copy = await api.duplicatePost(KOREAN_POST);
        expect(copy).toMatchObject({ path: '_posts/2025-02-05-openai-korea-visit-notes-copy.md', title: 'AI News - 오픈AI CEO 방한 정리 (copy)' });
        expect(readFileSync(file(KOREAN_POST), 'utf8')).toBe(readFileSync(file(copy.path), 'utf8').replace(' (copy)', ''));
      });

      it('deletes a post into a trash outside the site, and refuses a stale delete', async () => {
        const doc = await api.readPost(KOREAN_POST);
        await expect(api.deletePost(KOREAN_POST, sha256(Buffer.from('old')))).rejects.toMatchObject({ code: 'CONFLICT' });
        await api.deletePost(KOREAN_POST, doc.hash);
        expect(existsSync(file(KOREAN_POST))).toBe(false);
        const trashed = readdirSync(trashDir);
        expect(trashed).toHaveLength(1);
        expect(readFileSync(path.join(trashDir, trashed[0] ?? ''), 'utf8')).toBe(doc.text);
        expect((await api.listPosts()).some((p) => p.path === KOREAN_POST)).toBe(false);
      });

      it('publishes a draft to _posts with its date, and unpublishes and republishes a post', async () => {
        const draft = await api.readPost('_drafts/next-post-ideas.md');
        const published = await api.publishPost('_drafts/next-post-ideas.md', { date: '2025-07-01 08:00' }, draft.hash);
        expect(published).toMatchObject({ path: '_posts/2025-07-01-next-post-ideas.md', status: 'published', date: '2025-07-01T08:00:00+09:00' });
        expect(readFileSync(file(published.path), 'utf8')).toBe(draft.text.replace('title: "다음 글 아이디어"\n', 'title: "다음 글 아이디어"\n').replace('tags: [ideas]\n', 'tags: [ideas]\ndate: "2025-07-01 08:00:00 +0900"\n'));
        expect(existsSync(file('_drafts/next-post-ideas.md'))).toBe(false);

        const post = await api.readPost(KOREAN_POST);
        expect(await api.unpublishPost(KOREAN_POST, post.hash)).toMatchObject({ status: 'unpublished' });
        const unpublished = await api.readPost(KOREAN_POST);
        expect(unpublished.text).toBe(post.text.replace('sidebar:\n  nav: "docs"\n', 'sidebar:\n  nav: "docs"\npublished: false\n'));
        expect(await api.publishPost(KOREAN_POST, {}, unpublished.hash)).toMatchObject({ status: 'published' });
        expect((await api.readPost(KOREAN_POST)).text).toBe(post.text);
      });

      it('never loses a save made at the same moment as a rename or a delete of the same version', async () => {
        const doc = await api.readPost(KOREAN_POST);
        const saved = `${doc.text}저장된 줄\n`;
        const [rename, save] = await Promise.allSettled([api.renamePost(KOREAN_POST, { slug: 'renamed' }, doc.hash), api.writePost(KOREAN_POST, saved, doc.hash)]);
        // One of the two wins; whichever it is, the saved text is on disk or the save was refused
        // (CONFLICT, or NOT_FOUND when the rename moved the file first), so the editor keeps it.
        const onDisk = readdirSync(path.join(site.root, '_posts')).map((n) => readFileSync(path.join(site.root, '_posts', n), 'utf8'));
        if (save.status === 'fulfilled') expect(onDisk).toContain(saved);
        else expect(['CONFLICT', 'NOT_FOUND']).toContain((save.reason as { code: string }).code);
        expect(rename.status === 'fulfilled' && save.status === 'fulfilled').toBe(false);

        const again = await api.readPost(rename.status === 'fulfilled' ? rename.value.path : KOREAN_POST);
        const text2 = `${again.text}또 다른 줄\n`;
        const [del, save2] = await Promise.allSettled([api.deletePost(again.path, again.hash), api.writePost(again.path, text2, again.hash)]);
        expect(del.status === 'fulfilled' && save2.status === 'fulfilled').toBe(false);
        if (save2.status === 'fulfilled') expect(readFileSync(path.join(site.root, ...again.path.split('/')), 'utf8')).toBe(text2);
      });

      it('refuses names and dates that are not a slug or a day', async () => {
        const doc = await api.readPost(KOREAN_POST);
        await expect(api.renamePost(KOREAN_POST, { slug: '../../escape' }, doc.hash)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        await expect(api.createPost({ title: 'x', date: 'tomorrow' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        await expect(api.createPost({ title: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      });
    });

    describe('search', () => {
      const SPRING_POST = '_posts/2025-04-02-봄-산책-기록.md';
      const WELCOME_POST = '_posts/2025-01-15-welcome-to-hanji.md';

      it('finds a post by a word of its body, with the text around the match', async () => {
        expect(await api.searchPosts('벚꽃')).toEqual([
          { path: SPRING_POST, field: 'body', snippet: '벚꽃이 피기 시작한 오후, 동네 하천을 따라 한 시간쯤 걸었다. ## 걸은 길 1. 집 앞 공원 2. 하천 산책로 3. 작은 도서관 걷는…' },
        ]);
      });

      it('ignores case, ranks a tag above the body, and lists the newest post first', async () => {
        expect(await api.searchPosts('YAML')).toEqual([
          { path: '_posts/2025-03-10-jekyll-front-matter-basics.md', field: 'tags', snippet: 'yaml' },
          { path: WELCOME_POST, field: 'body', snippet: '…between the `---` lines is YAML front matter. Hanji edits only the keys you…' },
        ]);
      });

      it.each([
        ['a title', 'KRAMDOWN', { path: '_posts/2025-05-20-markdown-cheatsheet.md', field: 'title', snippet: 'Markdown cheatsheet for kramdown' }],
        ['a category', '일상', { path: SPRING_POST, field: 'categories', snippet: '일상' }],
        ["a draft's title", '아이디어', { path: '_drafts/next-post-ideas.md', field: 'title', snippet: '다음 글 아이디어' }],
      ])('finds a post by %s', async (_what, query, match) => {
        expect(await api.searchPosts(query)).toEqual([match]);
      });

      it('shows the body in its own case around a match typed in another', async () => {
        const [match] = await api.searchPosts('ctrl+s');
        expect(match).toEqual({ path: WELCOME_POST, field: 'body', snippet: '…on the left and save with **Ctrl+S** (⌘S on a Mac). Hanji writes the file…' });
      });

      it('matches Hangul typed in NFD against text stored in NFC, and the other way round', async () => {
        expect('벚꽃'.normalize('NFD')).not.toBe('벚꽃');
        expect((await api.searchPosts('벚꽃'.normalize('NFD'))).map((m) => m.path)).toEqual([SPRING_POST]);
        writeFileSync(path.join(site.root, '_posts', '2025-07-01-nfd.md'), '---\ntitle: nfd\n---\n맥에서 쓴 글\n'.normalize('NFD'));
        await api.openSite(site.root);
        expect(await api.searchPosts('맥에서')).toEqual([{ path: '_posts/2025-07-01-nfd.md', field: 'body', snippet: '맥에서 쓴 글' }]);
      });

      it('needs every word somewhere in the post', async () => {
        expect(await api.searchPosts('  카카오   협력 ')).toEqual([{ path: KOREAN_POST, field: 'tags', snippet: '카카오' }]);
        expect(await api.searchPosts('카카오 벚꽃')).toEqual([]);
      });

      it.each(['', '   ', ' \t\n '])('finds nothing for the query %j', async (query) => {
        expect(await api.searchPosts(query)).toEqual([]);
      });

      it('sees the text of a save, not the text it replaced', async () => {
        expect((await api.searchPosts('방문해')).map((m) => m.path)).toEqual([KOREAN_POST]);
        const doc = await api.readPost(KOREAN_POST);
        // Same length in bytes: only the save itself can tell the search that the body changed.
        await api.writePost(KOREAN_POST, doc.text.replace('방문해', '찾아와'), doc.hash);
        expect(await api.searchPosts('방문해')).toEqual([]);
        expect((await api.searchPosts('찾아와')).map((m) => m.path)).toEqual([KOREAN_POST]);
      });
    });

    describe('recovery copies', () => {
      const file = (rel: string) => path.join(site.root, ...rel.split('/'));

      it('keeps unsaved text with the hash it was based on until it is discarded', async () => {
        const doc = await api.readPost(KOREAN_POST);
        const before = Date.now();
        await api.saveRecovery(KOREAN_POST, `${doc.text}저장 안 된 줄\n`, doc.hash);
        await api.saveRecovery(KOREAN_POST, `${doc.text}더 쓴 줄\n`, doc.hash);
        const copies = await api.listRecovery();
        expect(copies).toEqual([{ path: KOREAN_POST, text: `${doc.text}더 쓴 줄\n`, baseHash: doc.hash, savedAt: expect.any(String), diskHash: doc.hash }]);
        expect(Date.parse(copies[0]?.savedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
        await api.discardRecovery(KOREAN_POST);
        expect(await api.listRecovery()).toEqual([]);
        await api.discardRecovery(KOREAN_POST);
      });

      it('tells whether the file changed on disk since, or is gone', async () => {
        const welcome = '_posts/2025-01-15-welcome-to-hanji.md';
        const [korean, other] = await Promise.all([api.readPost(KOREAN_POST), api.readPost(welcome)]);
        await api.saveRecovery(KOREAN_POST, 'unsaved 1', korean.hash);
        await api.saveRecovery(welcome, 'unsaved 2', other.hash);
        writeFileSync(file(KOREAN_POST), '다른 프로그램이 쓴 글\n');
        rmSync(file(welcome));
        const copies = (await api.listRecovery()).sort((a, b) => a.path.localeCompare(b.path));
        expect(copies.map((c) => [c.path, c.baseHash, c.diskHash])).toEqual([
          [welcome, other.hash, null],
          [KOREAN_POST, korean.hash, sha256(Buffer.from('다른 프로그램이 쓴 글\n'))],
        ]);
      });

      it('discards the copy of a post once it is saved, and keeps it when the save fails', async () => {
        const doc = await api.readPost(KOREAN_POST);
        const typed = `${doc.text}새 줄\n`;
        await api.saveRecovery(KOREAN_POST, typed, doc.hash);
        await expect(api.writePost(KOREAN_POST, typed, sha256(Buffer.from('stale')))).rejects.toMatchObject({ code: 'CONFLICT' });
        expect((await api.listRecovery()).map((c) => c.text)).toEqual([typed]);
        // Typed on after the last copy was kept, then saved: the copy is older than the file.
        await api.writePost(KOREAN_POST, `${typed}한 줄 더\n`, doc.hash);
        expect(await api.listRecovery()).toEqual([]);
      });

      it('does not offer text that is already on disk', async () => {
        const doc = await api.readPost(KOREAN_POST);
        await api.saveRecovery(KOREAN_POST, doc.text, doc.hash);
        expect(await api.listRecovery()).toEqual([]);
      });

      it('names a post by its NFC path, however the client spelled it', async () => {
        const spring = '_posts/2025-04-02-봄-산책-기록.md';
        const doc = await api.readPost(spring);
        await api.saveRecovery(spring.normalize('NFD'), 'unsaved', doc.hash);
        expect((await api.listRecovery()).map((c) => c.path)).toEqual([spring]);
        await api.discardRecovery(spring.normalize('NFD'));
        expect(await api.listRecovery()).toEqual([]);
      });

      it.each([
        ['../outside.md', 'OUTSIDE_SITE'],
        ['/etc/passwd', 'OUTSIDE_SITE'],
        ['_posts/../../outside.md', 'OUTSIDE_SITE'],
        ['_posts/escape.md', 'OUTSIDE_SITE'],
        ['_config.yml', 'BAD_REQUEST'],
        ['.git/config', 'BAD_REQUEST'],
      ])('refuses to keep or discard a copy for %j', async (payload, code) => {
        const outside = path.join(path.dirname(site.root), 'outside.md');
        writeFileSync(outside, 'secret');
        symlinkSync(outside, file('_posts/escape.md'));
        await expect(api.saveRecovery(payload, 'unsaved', sha256(Buffer.from('x')))).rejects.toMatchObject({ code });
        await expect(api.discardRecovery(payload)).rejects.toMatchObject({ code });
        expect(await api.listRecovery()).toEqual([]);
      });

      it('refuses text longer than a post may be, saying so', async () => {
        const doc = await api.readPost(KOREAN_POST);
        await expect(api.saveRecovery(KOREAN_POST, 'x'.repeat(MAX_POST_CHARS + 1), doc.hash)).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('no recovery copy was kept'),
        });
        expect(await api.listRecovery()).toEqual([]);
      });
    });

    describe('images', () => {
      const PNG = readFileSync(path.join(SAMPLE_SITE, 'assets', 'images', 'hanji-logo.png'));
      const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const FOLDER = 'assets/images/openai-korea-visit-notes';
      const file = (rel: string) => path.join(site.root, ...rel.split('/'));
      const save = (name: string, bytes: Buffer, post = KOREAN_POST) => api.saveAsset(post, name, bytes.toString('base64'));

      it("copies a PNG into the post's folder, byte for byte, and links it with the site's baseurl", async () => {
        const asset = await save('Photo 1.PNG', PNG);
        expect(asset).toEqual({ path: `${FOLDER}/Photo-1.png`, url: `/blog/${FOLDER}/Photo-1.png` });
        expect(readFileSync(file(asset.path))).toEqual(PNG);
      });

      it('is not a post: no postsChanged event is sent for it', async () => {
        await waitForEventStream(api);
        const seen: string[] = [];
        const off = api.on('postsChanged', ({ changes }) => seen.push(...changes.map((c) => c.path)));
        await save('quiet.png', PNG);
        // Events arrive in order: once the save's event is here, an event for the image would have been too.
        const doc = await api.readPost(KOREAN_POST);
        const saved = nextEvent(api, 'postsChanged', (p) => p.changes.some((c) => c.path === KOREAN_POST));
        await api.writePost(KOREAN_POST, `${doc.text}\n`, doc.hash);
        await saved;
        off();
        expect(seen).toEqual([KOREAN_POST]);
      });

      it('never replaces a file: a taken name gets -1, -2…', async () => {
        const first = await save('photo.png', PNG);
        writeFileSync(file(first.path), 'mine');
        expect((await save('photo.png', PNG)).path).toBe(`${FOLDER}/photo-1.png`);
        expect((await save('PHOTO.png', PNG)).path).toBe(`${FOLDER}/PHOTO.png`);
        expect((await save('photo.png', PNG)).path).toBe(`${FOLDER}/photo-2.png`);
        expect(readFileSync(file(first.path), 'utf8')).toBe('mine');
      });

      it.each([
        ['../x.png', 'x.png'],
        ['../../../../etc/x.png', 'etc-x.png'],
        ['a/b.png', 'a-b.png'],
        ['a\\b.png', 'a-b.png'],
        ['.htaccess', 'htaccess.png'],
        ['_config.png', 'config.png'],
        ['봄 산책 (1).png', '봄-산책-1.png'],
      ])('keeps the hostile name %j inside the folder, as %j', async (name, saved) => {
        const asset = await save(name, PNG);
        expect(asset.path).toBe(`${FOLDER}/${saved}`);
        expect(readdirSync(file(FOLDER))).toEqual([saved]);
      });

      it('names a pasted image without a name after the time in the site zone', async () => {
        expect((await save('', PNG)).path).toMatch(new RegExp(`^${FOLDER}/image-\\d{8}-\\d{6}\\.png$`, 'u'));
        expect((await save('', GIF)).path).toMatch(/\/image-\d{8}-\d{6}\.gif$/u);
      });

      it('refuses a name with NUL, and a post outside the site or not in it', async () => {
        await expect(save('x\0.png', PNG)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        await expect(save('x.png', PNG, '../outside.md')).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
        await expect(save('x.png', PNG, '_posts/2025-01-01-missing.md')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(save('x.png', PNG, '_config.yml')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        expect(existsSync(file('assets/images/openai-korea-visit-notes'))).toBe(false);
      });

      it.each([
        ['fake.png', GIF, 'its bytes are GIF'],
        ['notes.png', Buffer.from('just text'), 'not an image Hanji knows'],
        ['notes.txt', Buffer.from('just text'), 'not an image Hanji adds'],
        ['page.html', PNG, 'not an image Hanji adds'],
        ['empty.png', Buffer.alloc(0), 'is empty'],
      ])('refuses %s whose bytes or name are not an image it names', async (name, bytes, message) => {
        await expect(save(name, bytes)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(message) });
        expect(existsSync(file(FOLDER))).toBe(false);
      });

      it('takes a plain SVG and refuses one that could run script', async () => {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>';
        expect((await save('icon.svg', Buffer.from(`<?xml version="1.0"?>\n${svg}`))).path).toBe(`${FOLDER}/icon.svg`);
        for (const evil of [svg.replace('<rect', '<script>alert(1)</script><rect'), svg.replace('<rect', '<rect onload="alert(1)"'), svg.replace('<rect', '<a href="javascript:alert(1)"><rect')]) {
          await expect(save('evil.svg', Buffer.from(evil))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('could run code') });
        }
        await expect(save('page.svg', Buffer.from('<html><svg></svg></html>'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        expect(readdirSync(file(FOLDER))).toEqual(['icon.svg']);
      });

      it('takes an image of exactly 20 MB and refuses a byte more, saying why', async () => {
        const big = Buffer.alloc(MAX_ASSET_BYTES);
        PNG.copy(big, 0, 0, 8);
        expect((await save('big.png', big)).path).toBe(`${FOLDER}/big.png`);
        await expect(save('bigger.png', Buffer.concat([big, Buffer.from([0])]))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('up to 20 MB') });
        expect(readdirSync(file(FOLDER))).toEqual(['big.png']);
      }, 60_000);

      it('uses hanji.assets_dir from _config.yml, and refuses one outside the site or unpublished', async () => {
        const config = file('_config.yml');
        const original = readFileSync(config, 'utf8');
        writeFileSync(config, `${original}\nhanji:\n  assets_dir: /static/:slug/img/\n`);
        await api.openSite(site.root);
        expect(await save('x.png', PNG)).toEqual({ path: 'static/openai-korea-visit-notes/img/x.png', url: '/blog/static/openai-korea-visit-notes/img/x.png' });
        for (const dir of ['../outside/:slug', '_site/:slug', '.git/:slug']) {
          writeFileSync(config, `${original}\nhanji:\n  assets_dir: ${dir}\n`);
          await api.openSite(site.root);
          await expect(save('x.png', PNG)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('hanji.assets_dir') });
        }
        expect(existsSync(path.join(path.dirname(site.root), 'outside'))).toBe(false);
      });

      it('will not follow a symbolic link out of the site', async () => {
        const outside = path.join(path.dirname(site.root), 'outside-images');
        mkdirSync(outside);
        mkdirSync(file('assets/images'), { recursive: true });
        symlinkSync(outside, file(FOLDER));
        await expect(save('x.png', PNG)).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
        expect(readdirSync(outside)).toEqual([]);
      });
    });

    describe('images for the preview', () => {
      const PNG = readFileSync(path.join(SAMPLE_SITE, 'assets', 'images', 'hanji-logo.png'));
      const file = (rel: string) => path.join(site.root, ...rel.split('/'));

      it('reads an image of the site as its bytes, typed by them, however the path is spelled', async () => {
        const asset = await api.readAsset('assets/images/hanji-logo.png');
        expect(asset).toMatchObject({ path: 'assets/images/hanji-logo.png', mime: 'image/png' });
        expect(Buffer.from(asset.dataBase64, 'base64')).toEqual(PNG);
        writeFileSync(file('assets/images/그림.gif'.normalize('NFD')), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
        expect(await api.readAsset('./assets//images/그림.gif')).toMatchObject({ path: 'assets/images/그림.gif', mime: 'image/gif' });
      });

      it.each(['../outside.png', 'assets/../../outside.png', '/etc/hostname', 'C:/x.png'])('refuses %s, which is not in the site', async (rel) => {
        writeFileSync(path.join(path.dirname(site.root), 'outside.png'), PNG);
        await expect(api.readAsset(rel)).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
      });

      it('will not follow a symbolic link out of the site', async () => {
        const outside = path.join(path.dirname(site.root), 'outside.png');
        writeFileSync(outside, PNG);
        symlinkSync(outside, file('assets/images/link.png'));
        await expect(api.readAsset('assets/images/link.png')).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
      });

      it('names a missing image, and refuses files that are not images or are too large', async () => {
        await expect(api.readAsset('assets/images/missing.png')).rejects.toMatchObject({ code: 'NOT_FOUND', path: 'assets/images/missing.png', message: expect.stringContaining('assets/images/missing.png') });
        await expect(api.readAsset('_config.yml')).rejects.toMatchObject({ code: 'BAD_REQUEST', path: '_config.yml', message: expect.stringContaining('not an image') });
        writeFileSync(file('assets/images/fake.png'), 'text, not a picture');
        await expect(api.readAsset('assets/images/fake.png')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('assets/images/fake.png') });
        await expect(api.readAsset('assets/images')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        const big = Buffer.alloc(MAX_ASSET_BYTES + 1);
        PNG.copy(big);
        writeFileSync(file('assets/images/big.png'), big);
        await expect(api.readAsset('assets/images/big.png')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('up to 20 MB') });
      });

      it('answers a plain SVG, and refuses one that could run script', async () => {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>';
        writeFileSync(file('assets/images/icon.svg'), svg);
        writeFileSync(file('assets/images/evil.svg'), svg.replace('<rect', '<rect onload="alert(1)"'));
        expect(await api.readAsset('assets/images/icon.svg')).toMatchObject({ mime: 'image/svg+xml' });
        await expect(api.readAsset('assets/images/evil.svg')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('could run code') });
      });
    });

    describe('layouts', () => {
      const file = (rel: string) => path.join(site.root, ...rel.split('/'));
      const write = (rel: string, text = 'x') => {
        mkdirSync(path.dirname(file(rel)), { recursive: true });
        writeFileSync(file(rel), text);
      };

      it("lists the site's _layouts and a local theme's, sorted, without hidden or backup files", async () => {
        for (const rel of ['_layouts/post.html', '_layouts/archive/yearly.html', '_layouts/.draft.html', '_layouts/old.html~', 'my-theme/_layouts/page.html', 'my-theme/_layouts/post.html']) write(rel);
        writeFileSync(file('_config.yml'), `${readFileSync(file('_config.yml'), 'utf8')}\ntheme: my-theme\n`);
        expect((await api.openSite(site.root)).layouts).toEqual(['archive/yearly', 'page', 'post']);
      });

      it('skips a gem theme, which has no folder in the site', async () => {
        write('_layouts/default.html');
        writeFileSync(file('_config.yml'), `${readFileSync(file('_config.yml'), 'utf8')}\ntheme: minima\n`);
        expect((await api.openSite(site.root)).layouts).toEqual(['default']);
      });

      it("gives each post the layout Jekyll uses: its front matter's, else the defaults'", async () => {
        write('_posts/2025-07-01-wide.md', '---\ntitle: wide\nlayout: wide\n---\n');
        write('_posts/2025-07-02-null.md', '---\ntitle: null layout\nlayout: null\n---\n');
        write('_posts/2025-07-03-none.md', '---\ntitle: no layout key\n---\n');
        await api.openSite(site.root);
        const layouts = Object.fromEntries((await api.listPosts()).map((p) => [p.path, p.layout]));
        expect(layouts).toMatchObject({ '_posts/2025-07-01-wide.md': 'wide', '_posts/2025-07-02-null.md': 'single', '_posts/2025-07-03-none.md': 'single', [KOREAN_POST]: 'single' });
      });
    });

    describe('taxonomy edits', () => {
      it('lists tags with counts, renames one with a dry run, reports progress and undoes it byte for byte', async () => {
        const tags = await api.listTaxonomy('tags', {});
        expect(tags).toContainEqual({ name: 'markdown', count: 2, posts: ['_posts/2025-05-20-markdown-cheatsheet.md', '_posts/2025-01-15-welcome-to-hanji.md'] });
        const before = Object.fromEntries(['_posts/2025-05-20-markdown-cheatsheet.md', '_posts/2025-01-15-welcome-to-hanji.md'].map((rel) => [rel, readFileSync(path.join(site.root, rel))]));
        const plan = await api.planTaxonomyEdit('tags', { from: ['markdown'], to: 'Markdown' });
        expect(plan.files.map((f) => f.changes)).toEqual([[{ line: 6, before: 'tags: [hanji, jekyll, markdown]', after: 'tags: [hanji, jekyll, Markdown]' }], [{ line: 5, before: 'tags: [markdown, kramdown]', after: 'tags: [Markdown, kramdown]' }]]);
        await waitForEventStream(api);
        const progressed = nextEvent(api, 'taxonomyProgress', (p) => p.done === p.total);
        const result = await api.applyTaxonomyEdit(plan.planId);
        expect(await progressed).toEqual({ id: plan.planId, done: 2, total: 2 });
        expect(result).toMatchObject({ written: plan.files.map((f) => f.path), skipped: [], cancelled: false });
        expect((await api.listTaxonomy('tags', {})).find((t) => t.name === 'Markdown')?.count).toBe(2);
        await api.undoTaxonomyEdit(result.editId as string);
        for (const [rel, bytes] of Object.entries(before)) expect(readFileSync(path.join(site.root, rel)).equals(bytes)).toBe(true);
      });

      it('refuses malformed edits before the engine sees them', async () => {
        await expect(api.planTaxonomyEdit('tags', { from: [], to: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        await expect(api.applyTaxonomyEdit('not-an-id')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      });
    });

    it('announces a newly opened site', async () => {
      await waitForEventStream(api);
      const announced = nextEvent(api, 'siteChanged');
      await api.openSite(site.root);
      expect(await announced).toMatchObject({ root: site.root, title: '한지 블로그' });
    });
  });
});

/**
 * The HTTP event stream connects asynchronously; reopening the site until a siteChanged arrives
 * proves the stream is live, so the event a test waits for next cannot be missed.
 */
async function waitForEventStream(api: SiteClient): Promise<void> {
  const site = await api.getSite();
  if (!site) throw new Error('open a site first');
  for (let attempt = 0; attempt < 50; attempt++) {
    const seen = nextEvent(api, 'siteChanged', () => true, 100).then(
      () => true,
      () => false,
    );
    await api.openSite(site.root);
    if (await seen) return;
  }
  throw new Error('the event stream never connected');
}
