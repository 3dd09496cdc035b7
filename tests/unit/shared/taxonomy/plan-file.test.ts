import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaxonomyKind, TaxonomyOp } from '../../../../shared/model/site';
import { planFileEdit, type PostContext } from '../../../../shared/taxonomy/plan-file';
import { REPO_ROOT } from '../../../helpers/temp-site';

const post = (names: string[] = [], folderCategories: string[] = []): PostContext => ({ path: '_posts/2025-01-01-a.md', names, folderCategories });
const rename = (from: string, to: string): TaxonomyOp => ({ from: [from], to });

/** The front matter after the edit, or the skip reason. */
function after(yaml: string, op: TaxonomyOp, kind: TaxonomyKind = 'tags', context = post()): string {
  const outcome = planFileEdit(`---\n${yaml}---\nbody\n`, kind, op, context);
  if (outcome.kind === 'skip') return `skip: ${outcome.reason}`;
  if (outcome.kind === 'none') return 'none';
  return outcome.after.slice(4, outcome.after.indexOf('---\nbody'));
}

describe('planning a tag or category edit on one post', () => {
  it.each([
    ['a flow list stays a flow list on its line', 'tags: [AI, LLM]\n', rename('AI', 'ML'), 'tags: [ML, LLM]\n'],
    ['quotes are kept', 'tags: ["AI", \'LLM\']\n', rename('LLM', 'GPT'), 'tags: ["AI", \'GPT\']\n'],
    ['a block list changes only the item line', 'tags:\n  - AI\n  - LLM\ntitle: x\n', rename('LLM', 'GPT'), 'tags:\n  - AI\n  - GPT\ntitle: x\n'],
    ['a string stays a string', 'tags: AI LLM  blog\n', rename('LLM', 'GPT'), 'tags: AI GPT  blog\n'],
    ['the singular tag stays tag', 'tag: [AI, LLM]\ntags: [AI]\n', rename('AI', 'ML'), 'tag: [ML, LLM]\ntags: [AI]\n'],
    ['a singular string tag is not split', 'tag: machine learning\n', rename('machine learning', 'ML'), 'tag: ML\n'],
    ['renaming into an existing name merges without duplicates', 'tags: [ai, AI, LLM]\n', rename('ai', 'AI'), 'tags: [AI, LLM]\n'],
    ['a merge keeps the first and drops the others', 'tags:\n- Ai\n- LLM\n- ai\n', { from: ['ai', 'Ai'], to: 'AI' }, 'tags:\n- AI\n- LLM\n'],
    ['delete drops the item', 'tags: [AI, LLM]\n', { from: ['AI'], to: null }, 'tags: [LLM]\n'],
    ['delete of the last item removes the key', 'title: x\ntags: [AI]\n', { from: ['AI'], to: null }, 'title: x\n'],
    ['a new name that needs quotes is quoted', 'tags: [AI]\n', rename('AI', 'a: b'), 'tags: ["a: b"]\n'],
    ['a name with a space cannot go into a string', 'tags: AI LLM\n', rename('AI', '샘 올트먼'), 'skip: string-with-space'],
    ['a tag from defaults is reported', 'title: x\n', rename('AI', 'ML'), 'skip: defaults'],
    ['tags is ignored when tag is set', 'tag: blog\ntags: [AI]\n', rename('AI', 'ML'), 'none'],
    ['a trailing-comma string tag is renamed as a word', 'tags: AI, OpenAI\n', rename('AI,', 'AI'), 'tags: AI OpenAI\n'],
    ['integers match by their text', 'tags: [2025, AI]\n', rename('2025', 'y2025'), 'tags: [y2025, AI]\n'],
  ])('%s', (_name, yaml, op, expected) => {
    const names = yaml.includes('title: x\n') && !yaml.includes('tags') ? ['AI'] : [];
    expect(after(yaml, op, 'tags', post(names))).toBe(expected);
  });

  it.each([
    ['categories and category both change', 'categories: [News, AI]\ncategory: AI\n', rename('AI', 'ML'), 'categories: [News, ML]\ncategory: ML\n'],
    ['a categories string stays a string', 'categories: News AI\n', rename('AI', 'ML'), 'categories: News ML\n'],
  ])('%s', (_name, yaml, op, expected) => {
    expect(after(yaml, op, 'categories')).toBe(expected);
  });

  it('refuses a category that comes from the folder, naming the folder', () => {
    const outcome = planFileEdit('---\ntitle: x\n---\n', 'categories', rename('news', 'press'), { path: 'news/_posts/2025-01-01-a.md', names: ['news'], folderCategories: ['news'] });
    expect(outcome).toMatchObject({ kind: 'skip', reason: 'folder' });
    expect(outcome.kind === 'skip' && outcome.message).toContain('news/');
    expect(outcome.kind === 'skip' && outcome.message).toContain('--move-folders');
  });

  it('with moveFolders leaves the folder to the move and still edits the front matter', () => {
    const context = { path: 'news/_posts/2025-01-01-a.md', names: ['news'], folderCategories: ['news'] };
    expect(planFileEdit('---\ntitle: x\n---\n', 'categories', { ...rename('news', 'press'), moveFolders: true }, context)).toEqual({ kind: 'none' });
    expect(after('categories: [news, web]\n', { ...rename('news', 'press'), moveFolders: true }, 'categories', context)).toBe('categories: [press, web]\n');
  });

  it('keeps CRLF line breaks and reports the changed line with its file line number', () => {
    const outcome = planFileEdit('---\r\ntitle: x\r\ntags:\r\n  - AI\r\n  - LLM\r\n---\r\nbody\r\n', 'tags', rename('LLM', 'GPT'), post());
    expect(outcome).toMatchObject({ kind: 'change', fast: true, changes: [{ line: 5, before: '  - LLM', after: '  - GPT' }] });
    expect(outcome.kind === 'change' && outcome.after).toBe('---\r\ntitle: x\r\ntags:\r\n  - AI\r\n  - GPT\r\n---\r\nbody\r\n');
  });
});

/** Every post of the fixture sites, with an edit of each of its names. */
function fixtureCases(): { file: string; text: string; kind: TaxonomyKind; op: TaxonomyOp }[] {
  const out: { file: string; text: string; kind: TaxonomyKind; op: TaxonomyOp }[] = [];
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...walk(path.join(REPO_ROOT, 'tests/fixtures')), ...walk(path.join(REPO_ROOT, 'resources/sample-site'))]) {
    if (!/\.(md|markdown|html)$/u.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const words = new Set([...text.slice(0, 2000).matchAll(/^(?:tags?|categor(?:y|ies)):(.*)$/gmu)].flatMap((m) => (m[1] as string).replace(/[[\]"']/gu, '').split(/[ ,]+/u)).filter((w) => w !== ''));
    for (const word of words) {
      for (const kind of ['tags', 'categories'] as const) {
        for (const to of ['renamed', 'Quoted "x"', null]) out.push({ file: path.relative(REPO_ROOT, file), text, kind, op: { from: [word], to } });
      }
    }
  }
  return out;
}

describe('the fast path', () => {
  const cases = fixtureCases();
  it('has fixtures to compare', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it('writes exactly what the yaml Document path writes, over every fixture post', () => {
    let fastOnes = 0;
    for (const c of cases) {
      const context = { path: c.file, names: [], folderCategories: [] };
      const fast = planFileEdit(c.text, c.kind, c.op, context);
      const slow = planFileEdit(c.text, c.kind, c.op, context, { fast: false });
      if (fast.kind === 'change' && fast.fast) fastOnes++;
      const strip = (o: typeof fast) => (o.kind === 'change' ? { after: o.after, changes: o.changes } : o);
      expect(strip(fast), `${c.file} ${c.kind} ${JSON.stringify(c.op)}`).toEqual(strip(slow));
    }
    expect(fastOnes).toBeGreaterThan(20);
  });
});
