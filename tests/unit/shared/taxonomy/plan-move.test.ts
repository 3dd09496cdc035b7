import { describe, expect, it } from 'vitest';
import type { TaxonomyOp } from '../../../../shared/model/site';
import { parseSiteConfig } from '../../../../shared/jekyll/config';
import { defaultsWarning, planFolderMove } from '../../../../shared/taxonomy/plan-move';

const rename = (from: string, to: string | null): TaxonomyOp => ({ from: [from], to, moveFolders: true });

describe('planning the move of a post whose category comes from its folder', () => {
  it.each([
    ['a rename moves the post to the renamed folder', 'news/_posts/2025-01-01-x.md', rename('news', 'updates'), 'updates/_posts/2025-01-01-x.md'],
    ['subfolders under _posts are kept', 'news/_posts/2025/tutorials/2025-01-01-x.md', rename('news', 'updates'), 'updates/_posts/2025/tutorials/2025-01-01-x.md'],
    ['a nested level is renamed in place', 'ai/research/_posts/2025-01-01-x.md', rename('research', 'ml'), 'ai/ml/_posts/2025-01-01-x.md'],
    ['the outer level too', 'ai/research/_posts/2025-01-01-x.md', rename('ai', 'ml'), 'ml/research/_posts/2025-01-01-x.md'],
    ['a merge of two levels keeps one folder', 'ai/research/_posts/2025-01-01-x.md', { from: ['ai', 'research'], to: 'ml', moveFolders: true }, 'ml/_posts/2025-01-01-x.md'],
    ['a merge into a level the post has already drops the renamed one', 'ai/research/_posts/2025-01-01-x.md', rename('research', 'ai'), 'ai/_posts/2025-01-01-x.md'],
    ['a delete moves the post to the root _posts', 'news/_posts/2025-01-01-x.md', rename('news', null), '_posts/2025-01-01-x.md'],
    ['a delete keeps the other levels', 'ai/research/_posts/2025-01-01-x.md', rename('ai', null), 'research/_posts/2025-01-01-x.md'],
    ['drafts move between _drafts folders', 'news/_drafts/idea.md', rename('news', 'updates'), 'updates/_drafts/idea.md'],
    ['Hangul folder names', '뉴스/_posts/2025-01-01-x.md', rename('뉴스', '소식'), '소식/_posts/2025-01-01-x.md'],
  ])('%s', (_name, file, op, expected) => {
    expect(planFolderMove(file, op, file.includes('/_drafts/'))).toEqual({ kind: 'move', to: expected });
  });

  it.each([
    ['a post at the root', '_posts/2025-01-01-x.md', rename('news', 'updates')],
    ['a folder that is not in the op', 'ai/_posts/2025-01-01-x.md', rename('news', 'updates')],
    ['a folder below _posts is no category', '_posts/news/2025-01-01-x.md', rename('news', 'updates')],
  ])('no move for %s', (_name, file, op) => {
    expect(planFolderMove(file, op, false)).toBeNull();
  });

  it.each([
    ['a slash', 'a/b'],
    ['a leading underscore, which Jekyll skips', '_updates'],
    ['a leading dot', '.hidden'],
    ['a backup suffix', 'updates~'],
    ['..', '..'],
  ])('refuses a new name with %s, naming the file', (_name, to) => {
    const move = planFolderMove('news/_posts/2025-01-01-x.md', rename('news', to), false);
    expect(move).toMatchObject({ kind: 'skip', message: expect.stringContaining('news/_posts/2025-01-01-x.md') });
  });

  it('warns when the front-matter defaults scoped by folder differ at the new path, naming the keys', () => {
    const { defaults } = parseSiteConfig('defaults:\n  - scope: {path: news, type: posts}\n    values: {tags: [news-default], layout: post}\n  - scope: {path: "", type: posts}\n    values: {layout: post}\n');
    expect(defaultsWarning(defaults, 'news/_posts/2025-01-01-x.md', 'updates/_posts/2025-01-01-x.md')).toBe(
      'news/_posts/2025-01-01-x.md: the front-matter defaults in _config.yml for tags are not the same at updates/_posts/2025-01-01-x.md; where the post does not set them itself, Jekyll will give it other values after the move.',
    );
    expect(defaultsWarning(defaults, 'ai/_posts/2025-01-01-x.md', 'ml/_posts/2025-01-01-x.md')).toBeNull();
  });
});
