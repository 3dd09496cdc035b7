import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../../../shared/model/site';
import { linkTarget, type LinkContext } from '../../../../../renderer/features/preview/link-target';

const post = (path: string, url: string, status: PostSummary['status'] = 'published'): PostSummary => ({
  path,
  url,
  status,
  title: path,
  date: '2025-01-15T00:00:00+00:00',
  slug: '',
  id: url,
  tags: [],
  categories: [],
  layout: null,
  problems: [],
});

const POSTS = [
  post('_posts/2025-01-15-welcome.md', '/2025/01/15/welcome/'),
  post('_posts/2025-04-02-봄.md', '/2025/04/02/%EB%B4%84.html'),
  post('_drafts/welcome-again.md', '/2025/01/15/welcome/', 'draft'),
];
const SITE: LinkContext = { posts: POSTS, url: 'https://example.github.io', baseurl: '/blog', postUrl: '/2025/02/01/current/' };
const NO_URL: LinkContext = { ...SITE, url: '' };

describe('linkTarget', () => {
  it.each([
    ['#intro', SITE, { kind: 'fragment', id: 'intro' }],
    ['#%EA%B0%9C%EC%9A%94', SITE, { kind: 'fragment', id: '개요' }],
    ['/blog/2025/01/15/welcome/', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['/2025/01/15/welcome/', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['/blog/2025/01/15/welcome/#setup', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: 'setup' }],
    ['/blog/2025/01/15/welcome/index.html', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['/blog/2025/01/15/welcome', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['../../../01/15/welcome/', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['https://example.github.io/blog/2025/01/15/welcome/', SITE, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['/blog/2025/04/02/봄.html', SITE, { kind: 'post', path: '_posts/2025-04-02-봄.md', fragment: null }],
    ['/blog/2025/04/02/%EB%B4%84', SITE, { kind: 'post', path: '_posts/2025-04-02-봄.md', fragment: null }],
    ['/2025/01/15/welcome/', NO_URL, { kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null }],
    ['/blog/about/?x=1#team', SITE, { kind: 'web', url: 'https://example.github.io/blog/about/?x=1#team' }],
    ['/about/', SITE, { kind: 'web', url: 'https://example.github.io/blog/about/' }],
    ['/blog/about/', NO_URL, { kind: 'unreachable', path: '/about/' }],
    ['https://jekyllrb.com/docs/', SITE, { kind: 'web', url: 'https://jekyllrb.com/docs/' }],
    ['//cdn.example/x', SITE, { kind: 'web', url: 'https://cdn.example/x' }],
    ['mailto:me@example.com', SITE, { kind: 'none' }],
    ['javascript:alert(1)', SITE, { kind: 'none' }],
  ] as const)('%s', (href, ctx, expected) => {
    expect(linkTarget(href, ctx)).toEqual(expected);
  });

  it('treats a site url that is not a web address as no url', () => {
    expect(linkTarget('/about/', { ...SITE, url: 'javascript:alert(1)' })).toEqual({ kind: 'unreachable', path: '/about/' });
  });

  it('works without a baseurl', () => {
    expect(linkTarget('/2025/01/15/welcome/', { ...SITE, baseurl: '' })).toEqual({ kind: 'post', path: '_posts/2025-01-15-welcome.md', fragment: null });
    expect(linkTarget('/about/', { ...SITE, baseurl: '' })).toEqual({ kind: 'web', url: 'https://example.github.io/about/' });
  });
});
