/**
 * Oracle test for site-wide tag edits: on a copy of tests/fixtures/jekyll-site with posts that use
 * a tag under `tag:` flow lists, `tags:` block lists and `tags:` strings, a rename and a merge must
 * give exactly the post sets real Jekyll 4.3 computes, with one changed line per file in
 * `git diff --numstat`, and undo must restore every byte. A rename of a folder category with
 * moveFolders must list exactly the same posts under the new name. Skipped when `jekyll` is not on PATH.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteService } from '../../electron/core/site-service';
import type { TaxonomyOp } from '../../shared/model/site';
import { REPO_ROOT } from '../helpers/temp-site';
import { findJekyll, jekyllFacts, type TaxonomyEntry } from './jekyll-oracle';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'jekyll-site');

/** Posts added to the copy: every shape a tag takes, and the AI / ai / Ai look-alikes. */
const EXTRA: Record<string, string> = {
  '_posts/2025-08-01-ml-tag-flow.md': '---\ntitle: Singular flow\ntag: [ml, robots]\ntags: [ignored]\n---\nBody.\n',
  '_posts/2025-08-02-ml-tags-block.md': '---\ntitle: Block list\ntags:\n  - robots\n  - ml\n  - "quoted"\n---\nBody.\n',
  '_posts/2025-08-03-ml-tags-string.md': '---\ntitle: String\ntags: robots ml  blog\n---\nBody.\n',
  '_posts/2025-08-04-ml-crlf.md': '---\r\ntitle: CRLF\r\ntags: [\'ml\']\r\n---\r\nBody.\r\n',
  '_posts/2025-08-05-ai-both.md': '---\ntitle: Both\ntags: [AI, ai, robots]\n---\nBody.\n',
  '_posts/2025-08-06-ai-block.md': '---\ntitle: Block Ai\ntags:\n- Ai\n- AI\n---\nBody.\n',
  '_posts/2025-08-07-ai-lower.md': '---\ntitle: Lower\ntag: ai\n---\nBody.\n',
};

const jekyll = findJekyll();
if (!jekyll.ok) console.warn(`[oracle] skipping tests/oracle/taxonomy-vs-jekyll.test.ts: ${jekyll.reason}`);

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

/** `site.tags` as a name → sorted posts map, for comparing sets. */
function postSets(entries: readonly TaxonomyEntry[]): Map<unknown, string[]> {
  return new Map(entries.map((e) => [e.name, [...e.posts].sort()]));
}

describe.skipIf(!jekyll.ok)('site-wide tag edits agree with Jekyll 4.3', () => {
  let temp = '';
  let site = '';
  let service: SiteService;
  let before: Map<unknown, string[]>;
  let categoriesBefore: Map<unknown, string[]>;

  beforeAll(async () => {
    temp = mkdtempSync(path.join(tmpdir(), 'hanji-taxonomy-oracle-'));
    site = path.join(temp, 'site');
    cpSync(FIXTURE, site, { recursive: true, preserveTimestamps: true });
    for (const [rel, text] of Object.entries(EXTRA)) writeFileSync(path.join(site, rel), text);
    git(site, 'init', '-q');
    git(site, 'add', '-A');
    git(site, 'commit', '-qm', 'fixture');
    const facts = await jekyllFacts(site);
    before = postSets(facts.tags);
    categoriesBefore = postSets(facts.categories);
    service = new SiteService({ cacheDir: null });
    await service.openSite(site);
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  async function applyAndBuild(op: TaxonomyOp) {
    const plan = await service.planTaxonomyEdit('tags', op);
    const result = await service.applyTaxonomyEdit(plan.planId);
    expect(result.skipped).toEqual([]);
    const facts = await jekyllFacts(site);
    return { result, facts, after: postSets(facts.tags) };
  }

  it('renames a tag under tag: flow lists, tags: block lists and tags: strings, one line per file, and undoes it', async () => {
    const { result, after } = await applyAndBuild({ from: ['ml'], to: 'machine-learning' });
    expect(result.written).toEqual(['_posts/2025-08-01-ml-tag-flow.md', '_posts/2025-08-02-ml-tags-block.md', '_posts/2025-08-03-ml-tags-string.md', '_posts/2025-08-04-ml-crlf.md']);
    expect(after.get('machine-learning')).toEqual(before.get('ml'));
    expect(after.has('ml')).toBe(false);
    const others = (m: Map<unknown, string[]>) => [...m].filter(([name]) => name !== 'ml' && name !== 'machine-learning');
    expect(others(after)).toEqual(others(before));
    const numstat = git(site, 'diff', '--numstat').trim().split('\n').sort();
    expect(numstat).toEqual(result.written.map((rel) => `1\t1\t${rel}`));

    await service.undoTaxonomyEdit(result.editId as string);
    expect(git(site, 'status', '--porcelain')).toBe('');
  }, 180_000);

  it('merges AI, ai and Ai into AI: no post lists AI twice, and Jekyll agrees', async () => {
    const { result, facts, after } = await applyAndBuild({ from: ['AI', 'ai', 'Ai'], to: 'AI' });
    const union = [...new Set(['AI', 'ai', 'Ai'].flatMap((n) => before.get(n) ?? []))].sort();
    expect(after.get('AI')).toEqual(union);
    expect(after.has('ai') || after.has('Ai')).toBe(false);
    for (const rel of union) expect(facts.posts[rel]?.tags.filter((t) => t === 'AI'), rel).toEqual(['AI']);

    await service.undoTaxonomyEdit(result.editId as string);
    expect(git(site, 'status', '--porcelain')).toBe('');
  }, 240_000);

  it('moves the posts of a folder category: Jekyll lists exactly the old posts under the new name, and undo restores the tree', async () => {
    const plan = await service.planTaxonomyEdit('categories', { from: ['news'], to: 'updates', moveFolders: true });
    expect(plan.skipped).toEqual([]);
    // The fixture gives news posts `tags: [news-default]` by a defaults scope on the folder.
    expect(plan.moves.every((m) => m.warning?.includes('for tags are not the same'))).toBe(true);
    const result = await service.applyTaxonomyEdit(plan.planId);
    expect(result.skipped).toEqual([]);
    expect(result.moved.map((m) => m.to).every((to) => to.startsWith('updates/_posts/') || to.startsWith('updates/_drafts/'))).toBe(true);
    const facts = await jekyllFacts(site);
    const back = new Map(result.moved.map((m) => [m.to, m.from]));
    // Each post by the path it had, so the sets compare across the move.
    const after = new Map([...postSets(facts.categories)].map(([name, posts]) => [name, posts.map((p) => back.get(p) ?? p).sort()]));
    expect(after.get('updates')).toEqual(categoriesBefore.get('news'));
    expect(after.has('news')).toBe(false);
    const others = (m: Map<unknown, string[]>) => [...m].filter(([name]) => name !== 'news' && name !== 'updates');
    expect(others(after)).toEqual(others(categoriesBefore));
    // As warned: Jekyll no longer gives the moved posts the folder's default tag.
    expect(before.get('news-default')?.length).toBeGreaterThan(0);
    expect(facts.tags.find((e) => e.name === 'news-default')?.posts.filter((p) => back.has(p)) ?? []).toEqual([]);

    const undone = await service.undoTaxonomyEdit(result.editId as string);
    expect(undone.skipped).toEqual([]);
    expect(git(site, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  }, 240_000);
});
