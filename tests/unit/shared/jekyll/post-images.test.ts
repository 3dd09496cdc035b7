import { describe, expect, it } from 'vitest';
import { siteImagePaths } from '../../../../shared/jekyll/post-images';

describe('siteImagePaths', () => {
  it.each([
    ['![a](/assets/images/p/a.png)', '', ['assets/images/p/a.png']],
    ['![a](/blog/assets/a.png "title")', '/blog', ['assets/a.png']],
    ['![a]({{ site.baseurl }}/assets/a.png)', '/blog', ['assets/a.png']],
    ["![a]({{ '/assets/a.png' | relative_url }})", '/blog', ['assets/a.png']],
    ['<img class="x" src="/assets/%EB%B4%84.jpg">', '', ['assets/봄.jpg']],
    ['![a](https://example.com/a.png) ![b](//cdn/x.png) ![c](relative.png)', '', []],
    ['![a](/a.png?v=1) ![again](/a.png#x)', '', ['a.png']],
    ['[not an image](/assets/a.png)', '', []],
  ])('%s (baseurl %j) → %j', (text, baseurl, paths) => {
    expect(siteImagePaths(text, baseurl)).toEqual(paths);
  });
});
