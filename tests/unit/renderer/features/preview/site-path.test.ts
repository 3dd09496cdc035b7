import { describe, expect, it } from 'vitest';
import { sitePath } from '../../../../../renderer/features/preview/sanitize';

describe('sitePath (the site file an image URL names)', () => {
  it.each([
    ['/assets/images/a.png', '/blog', '/ai/post/', 'assets/images/a.png'],
    ['/blog/assets/images/a.png', '/blog', '/ai/post/', 'assets/images/a.png'],
    ['/blogger/a.png', '/blog', '/ai/post/', 'blogger/a.png'],
    ['images/a.png', '/blog', '/ai/post/', 'ai/post/images/a.png'],
    ['../a.png', '', '/ai/post/', 'ai/a.png'],
    ['/assets/%ED%95%9C%EC%A7%80.png', '', '/', 'assets/한지.png'],
    ['/assets/../../etc/passwd', '', '/', 'etc/passwd'],
  ])('%s (baseurl %s, post %s) → %s', (src, baseurl, postUrl, expected) => {
    expect(sitePath(src, baseurl, postUrl)).toBe(expected);
  });

  it('is null for a URL on another host', () => {
    expect(sitePath('//evil.example/a.png', '', '/')).toBeNull();
    expect(sitePath('https://evil.example/a.png', '', '/')).toBeNull();
  });
});
