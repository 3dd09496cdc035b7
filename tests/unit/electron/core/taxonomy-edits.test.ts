import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import type { TaxonomyProgress } from '../../../../shared/model/site';
import { tempDir } from '../../../helpers/temp-site';

const POSTS: Record<string, string> = {
  '_posts/2025-01-01-flow.md': '---\ntitle: Flow\ntag: [AI, LLM]\n---\nbody\n',
  '_posts/2025-01-02-block.md': '---\ntitle: Block\ntags:\n  - AI\n  - blog\n---\nbody\n',
  '_posts/2025-01-03-string.md': '---\ntitle: String\ntags: AI blog\n---\nbody\n',
  '_posts/2025-01-04-other.md': '---\ntitle: Other\ntags: [blog]\n---\nbody\n',
  'news/_posts/2025-01-05-news.md': '---\ntitle: News\ncategories: [AI]\n---\nbody\n',
};

let dispose: () => void = () => undefined;
afterEach(() => dispose());

async function site(extra: Record<string, string> = {}) {
  const temp = tempDir('hanji-taxonomy-');
  dispose = temp.dispose;
  for (const [rel, text] of Object.entries({ ...POSTS, ...extra })) {
    mkdirSync(path.dirname(path.join(temp.dir, rel)), { recursive: true });
    writeFileSync(path.join(temp.dir, rel), text);
  }
  const service = new SiteService({ cacheDir: null });
  await service.openSite(temp.dir);
  const read = (rel: string) => readFileSync(path.join(temp.dir, rel), 'utf8');
  return { service, root: temp.dir, read };
}

describe('site-wide taxonomy edits', () => {
  it('counts tags as Jekyll does and renames them with one changed line per file', async () => {
    const { service, read } = await site();
    expect(await service.listTaxonomy('tags', {})).toEqual([
      { name: 'AI', count: 3, posts: ['_posts/2025-01-03-string.md', '_posts/2025-01-02-block.md', '_posts/2025-01-01-flow.md'] },
      { name: 'LLM', count: 1, posts: ['_posts/2025-01-01-flow.md'] },
      { name: 'blog', count: 3, posts: ['_posts/2025-01-04-other.md', '_posts/2025-01-03-string.md', '_posts/2025-01-02-block.md'] },
    ]);
    const plan = await service.planTaxonomyEdit('tags', { from: ['AI'], to: 'ML' });
    expect(plan.files.map((f) => [f.path, f.changes])).toEqual([
      ['_posts/2025-01-01-flow.md', [{ line: 3, before: 'tag: [AI, LLM]', after: 'tag: [ML, LLM]' }]],
      ['_posts/2025-01-02-block.md', [{ line: 4, before: '  - AI', after: '  - ML' }]],
      ['_posts/2025-01-03-string.md', [{ line: 3, before: 'tags: AI blog', after: 'tags: ML blog' }]],
    ]);
    expect(read('_posts/2025-01-01-flow.md')).toBe(POSTS['_posts/2025-01-01-flow.md']);
    const events: TaxonomyProgress[] = [];
    service.events.subscribe((m) => m.event === 'taxonomyProgress' && events.push(m.payload));
    const result = await service.applyTaxonomyEdit(plan.planId);
    expect(result).toMatchObject({ written: plan.files.map((f) => f.path), skipped: [], cancelled: false });
    expect(events.at(-1)).toEqual({ id: plan.planId, done: 3, total: 3 });
    expect(read('_posts/2025-01-02-block.md')).toBe('---\ntitle: Block\ntags:\n  - ML\n  - blog\n---\nbody\n');
    expect((await service.listTaxonomy('tags', {})).map((t) => t.name)).toEqual(['ML', 'LLM', 'blog']);

    const undone = await service.undoTaxonomyEdit(result.editId as string);
    expect(undone.written).toHaveLength(3);
    for (const rel of Object.keys(POSTS)) expect(read(rel)).toBe(POSTS[rel]);
    await expect(service.undoTaxonomyEdit(result.editId as string)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('skips and reports a file changed between the dry run and the apply, and never overwrites it', async () => {
    const { service, root, read } = await site();
    const plan = await service.planTaxonomyEdit('tags', { from: ['AI'], to: 'ML' });
    const edited = '---\ntitle: Block\ntags:\n  - AI\n  - edited elsewhere\n---\nbody\n';
    writeFileSync(path.join(root, '_posts/2025-01-02-block.md'), edited);
    const result = await service.applyTaxonomyEdit(plan.planId);
    expect(result.skipped).toEqual([expect.objectContaining({ path: '_posts/2025-01-02-block.md', reason: 'changed' })]);
    expect(result.written).toEqual(['_posts/2025-01-01-flow.md', '_posts/2025-01-03-string.md']);
    expect(read('_posts/2025-01-02-block.md')).toBe(edited);
  });

  it('undo leaves a file changed after the edit and reports it', async () => {
    const { service, root, read } = await site();
    const result = await service.applyTaxonomyEdit((await service.planTaxonomyEdit('tags', { from: ['AI'], to: 'ML' })).planId);
    writeFileSync(path.join(root, '_posts/2025-01-03-string.md'), 'later\n');
    const undone = await service.undoTaxonomyEdit(result.editId as string);
    expect(undone.skipped).toEqual([expect.objectContaining({ path: '_posts/2025-01-03-string.md', reason: 'changed' })]);
    expect(read('_posts/2025-01-03-string.md')).toBe('later\n');
    expect(read('_posts/2025-01-01-flow.md')).toBe(POSTS['_posts/2025-01-01-flow.md']);
  });

  it('stops when cancelled, keeping what it wrote undoable', async () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`_posts/2025-02-${String((i % 28) + 1).padStart(2, '0')}-p${i}.md`, `---\ntags: [bulk]\n---\n${i}\n`]));
    const { service, read } = await site(many);
    const plan = await service.planTaxonomyEdit('tags', { from: ['bulk'], to: 'mass' });
    service.events.subscribe((m) => {
      if (m.event === 'taxonomyProgress') void service.cancelTaxonomyEdit(plan.planId);
    });
    const result = await service.applyTaxonomyEdit(plan.planId);
    expect(result.cancelled).toBe(true);
    expect(result.written.length).toBeLessThan(60);
    expect(result.skipped.every((s) => s.reason === 'cancelled')).toBe(true);
    expect(result.written.length + result.skipped.length).toBe(60);
    await service.undoTaxonomyEdit(result.editId as string);
    for (const [rel, text] of Object.entries(many)) expect(read(rel)).toBe(text);
  });

  it('reports a category from a folder instead of editing it, and edits the front-matter ones', async () => {
    const { service } = await site({ '_posts/2025-01-06-cat.md': '---\ncategories: [news]\n---\nx\n' });
    const plan = await service.planTaxonomyEdit('categories', { from: ['news'], to: 'press' });
    expect(plan.files.map((f) => f.path)).toEqual(['_posts/2025-01-06-cat.md']);
    expect(plan.skipped).toEqual([expect.objectContaining({ path: 'news/_posts/2025-01-05-news.md', reason: 'folder' })]);
  });

  describe('moving posts whose category comes from a folder', () => {
    const NEWS = {
      'news/_posts/2025-01-07-plain.md': '---\r\ntitle: Plain\r\n---\r\nbody\r\n',
      'news/_posts/2025/2025-01-08-deep.md': '---\ncategories: [news, web]\n---\nx\n',
      'news/_posts/2025-01-09-taken.md': '---\ntitle: Taken\n---\nx\n',
      'news/_posts/2025-01-10-edited.md': '---\ntitle: Edited\n---\nx\n',
      'updates/_posts/2025-01-09-taken.md': '---\ntitle: Already there\n---\nx\n',
    };
    const exists = (root: string, rel: string) => existsSync(path.join(root, rel));

    it('moves them, skipping a target that exists or appears and a file changed since the dry run, and undo puts every byte back', async () => {
      const { service, root, read } = await site(NEWS);
      const plan = await service.planTaxonomyEdit('categories', { from: ['news'], to: 'updates', moveFolders: true });
      expect(plan.moves.map((m) => [m.from, m.to])).toEqual([
        ['news/_posts/2025-01-05-news.md', 'updates/_posts/2025-01-05-news.md'],
        ['news/_posts/2025-01-07-plain.md', 'updates/_posts/2025-01-07-plain.md'],
        ['news/_posts/2025-01-10-edited.md', 'updates/_posts/2025-01-10-edited.md'],
        ['news/_posts/2025/2025-01-08-deep.md', 'updates/_posts/2025/2025-01-08-deep.md'],
      ]);
      expect(plan.moves[3]?.changes).toEqual([{ line: 2, before: 'categories: [news, web]', after: 'categories: [updates, web]' }]);
      expect(plan.skipped).toEqual([expect.objectContaining({ path: 'news/_posts/2025-01-09-taken.md', reason: 'collision' })]);
      // After the dry run: another program edits one post and creates the target of another.
      writeFileSync(path.join(root, 'news/_posts/2025-01-10-edited.md'), 'edited elsewhere\n');
      writeFileSync(path.join(root, 'updates/_posts/2025-01-07-plain.md'), 'appeared\n');
      const events: TaxonomyProgress[] = [];
      service.events.subscribe((m) => m.event === 'taxonomyProgress' && events.push(m.payload));
      const result = await service.applyTaxonomyEdit(plan.planId);
      expect(events.at(-1)).toEqual({ id: plan.planId, done: 4, total: 4 });
      expect(result.moved).toEqual([
        { from: 'news/_posts/2025-01-05-news.md', to: 'updates/_posts/2025-01-05-news.md' },
        { from: 'news/_posts/2025/2025-01-08-deep.md', to: 'updates/_posts/2025/2025-01-08-deep.md' },
      ]);
      expect(result.skipped.map((s) => [s.path, s.reason])).toEqual([
        ['news/_posts/2025-01-07-plain.md', 'collision'],
        ['news/_posts/2025-01-10-edited.md', 'changed'],
      ]);
      expect(read('updates/_posts/2025-01-07-plain.md')).toBe('appeared\n');
      expect(read('news/_posts/2025-01-07-plain.md')).toBe(NEWS['news/_posts/2025-01-07-plain.md']);
      expect(read('updates/_posts/2025-01-05-news.md')).toBe(POSTS['news/_posts/2025-01-05-news.md']);
      expect(read('updates/_posts/2025/2025-01-08-deep.md')).toBe('---\ncategories: [updates, web]\n---\nx\n');
      expect(exists(root, 'news/_posts/2025-01-05-news.md')).toBe(false);
      const index = await service.listPosts();
      expect(index.find((p) => p.path === 'updates/_posts/2025/2025-01-08-deep.md')?.categories).toEqual(['updates', 'web']);
      expect(index.some((p) => p.path === 'news/_posts/2025-01-05-news.md')).toBe(false);

      const undone = await service.undoTaxonomyEdit(result.editId as string);
      expect(undone.moved).toEqual(result.moved.map((m) => ({ from: m.to, to: m.from })));
      for (const [rel, text] of Object.entries({ ...POSTS, ...NEWS })) if (rel !== 'news/_posts/2025-01-10-edited.md') expect(read(rel)).toBe(text);
      expect(exists(root, 'updates/_posts/2025')).toBe(false);
      expect(exists(root, 'updates/_posts/2025-01-05-news.md')).toBe(false);
      expect((await service.listPosts()).some((p) => p.path === 'news/_posts/2025-01-05-news.md')).toBe(true);
    });

    it('creates the new folder and undo removes it again', async () => {
      const { service, root, read } = await site({ 'ai/research/_posts/2025-03-01-r.md': '---\ntitle: R\n---\nx\n' });
      const result = await service.applyTaxonomyEdit((await service.planTaxonomyEdit('categories', { from: ['research'], to: 'ml', moveFolders: true })).planId);
      expect(result.moved).toEqual([{ from: 'ai/research/_posts/2025-03-01-r.md', to: 'ai/ml/_posts/2025-03-01-r.md' }]);
      expect((await service.listPosts()).find((p) => p.path === 'ai/ml/_posts/2025-03-01-r.md')?.categories).toEqual(['ai', 'ml']);
      await service.undoTaxonomyEdit(result.editId as string);
      expect(read('ai/research/_posts/2025-03-01-r.md')).toBe('---\ntitle: R\n---\nx\n');
      expect(exists(root, 'ai/ml')).toBe(false);
    });

    it('never moves a post out of the site through a symlinked folder', async () => {
      const { service, root, read } = await site();
      const outside = tempDir('hanji-outside-');
      const previous = dispose;
      dispose = () => {
        previous();
        outside.dispose();
      };
      symlinkSync(outside.dir, path.join(root, 'updates'));
      const plan = await service.planTaxonomyEdit('categories', { from: ['news'], to: 'updates', moveFolders: true });
      const result = await service.applyTaxonomyEdit(plan.planId);
      expect(result.moved).toEqual([]);
      expect(result.skipped).toEqual([expect.objectContaining({ path: 'news/_posts/2025-01-05-news.md', message: expect.stringContaining('not a path inside the site') })]);
      expect(readdirSync(outside.dir)).toEqual([]);
      expect(read('news/_posts/2025-01-05-news.md')).toBe(POSTS['news/_posts/2025-01-05-news.md']);
    });

    it('stops moving when cancelled, and undo moves back what was moved', async () => {
      const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`news/_posts/2025-02-${String((i % 28) + 1).padStart(2, '0')}-m${i}.md`, `---\ntitle: m${i}\n---\n${i}\n`]));
      const { service, root, read } = await site(many);
      const plan = await service.planTaxonomyEdit('categories', { from: ['news'], to: 'updates', moveFolders: true });
      expect(plan.moves).toHaveLength(41);
      service.events.subscribe((m) => {
        if (m.event === 'taxonomyProgress') void service.cancelTaxonomyEdit(plan.planId);
      });
      const result = await service.applyTaxonomyEdit(plan.planId);
      expect(result.cancelled).toBe(true);
      expect(result.moved.length).toBeLessThan(41);
      expect(result.moved.length + result.skipped.length).toBe(41);
      expect(result.skipped.every((s) => s.reason === 'cancelled')).toBe(true);
      await service.undoTaxonomyEdit(result.editId as string);
      for (const [rel, text] of Object.entries(many)) expect(read(rel)).toBe(text);
      expect(existsSync(path.join(root, 'updates'))).toBe(false);
    });

    it('a delete moves the post to the root _posts', async () => {
      const { service, read } = await site();
      const result = await service.applyTaxonomyEdit((await service.planTaxonomyEdit('categories', { from: ['news'], to: null, moveFolders: true })).planId);
      expect(result.moved).toEqual([{ from: 'news/_posts/2025-01-05-news.md', to: '_posts/2025-01-05-news.md' }]);
      expect(read('_posts/2025-01-05-news.md')).toBe(POSTS['news/_posts/2025-01-05-news.md']);
    });
  });

  it('refuses an unknown plan with what to do next', async () => {
    const { service } = await site();
    await expect(service.applyTaxonomyEdit('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Run the dry run again') });
  });
});
