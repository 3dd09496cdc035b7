import { describe, expect, it } from 'vitest';
import { classifyPostPath, isFilteredName, parsePostFilename, titleizeSlug } from '../../../../shared/jekyll/post-filename';

describe('parsePostFilename (JEKYLL-RULES §1.3)', () => {
  it.each([
    ['_posts/2025-02-05-openai-sam-altman-korea-visit.md', { date: '2025-02-05', slug: 'openai-sam-altman-korea-visit', ext: '.md' }],
    ['_posts/2025-4-5-single-digits.md', { date: '2025-4-5', slug: 'single-digits', ext: '.md' }],
    ['_posts/25-06-01-two-digit-year.markdown', { date: '25-06-01', slug: 'two-digit-year', ext: '.markdown' }],
    ['뉴스/_posts/2025-01-01-한글-제목.md', { date: '2025-01-01', slug: '한글-제목', ext: '.md' }],
    ['_posts/tutorials/2025-01-01-nested.html', { date: '2025-01-01', slug: 'nested', ext: '.html' }],
    ['_posts/2025-01-01-dots.in.name.md', { date: '2025-01-01', slug: 'dots.in.name', ext: '.md' }],
  ])('reads %s', (path, expected) => {
    expect(parsePostFilename(path)).toEqual(expected);
  });

  it.each(['_posts/2025-01-01-no-extension', '_posts/README.md', '_posts/notes-without-date.md', '_posts/20255-01-01-five-digit-year.md'])(
    'does not read %s as a post',
    (path) => {
      expect(parsePostFilename(path)).toBeNull();
    },
  );
});

describe('titleizeSlug', () => {
  it.each([
    ['welcome-to-hanji', 'Welcome To Hanji'],
    ['mIXED-case', 'Mixed Case'],
    ['봄-산책', '봄 산책'],
  ])('%s → %s', (slug, title) => {
    expect(titleizeSlug(slug)).toBe(title);
  });
});

describe('isFilteredName (entry_filter.rb)', () => {
  it.each([
    ['.hidden.md', true],
    ['_partial.md', true],
    ['#autosave.md', true],
    ['~lock.md', true],
    ['backup.md~', true],
    ['2025-01-01-post.md', false],
  ])('%s → %s', (name, filtered) => {
    expect(isFilteredName(name)).toBe(filtered);
  });
});

describe('classifyPostPath (JEKYLL-RULES §1)', () => {
  it.each([
    ['_posts/2025-02-05-hello.md', 'post'],
    ['news/_posts/2025-02-05-hello.md', 'post'],
    ['ai/research/_posts/2025-02-05-hello.md', 'post'],
    ['뉴스/_posts/2025-02-05-소식.md', 'post'],
    ['_posts/tutorials/2025-02-05-nested.md', 'post'],
    ['_posts/_partials/2025-02-05-underscore-folder.md', null],
    ['_drafts/idea.md', 'draft'],
    ['news/_drafts/2025-06-20-dated-draft.md', 'draft'],
    ['_posts/README.md', null],
    ['_posts/2025-01-01-no-extension', null],
    ['_posts/.hidden/2025-01-01-x.md', null],
    ['_posts/_2025-01-01-underscored.md', null],
    ['_posts/2025-01-01-backup.md~', null],
    ['_drafts/no-extension', null],
    ['_drafts/.idea.md', null],
    ['_private/_posts/2025-01-01-x.md', null],
    ['.git/_posts/2025-01-01-x.md', null],
    ['node_modules/pkg/_posts/2025-01-01-x.md', null],
    ['_site/_posts/2025-01-01-x.md', null],
    ['_config.yml', null],
    ['index.md', null],
    ['_posts', null],
  ])('%s → %s', (rel, kind) => {
    expect(classifyPostPath(rel)).toBe(kind);
  });
});
