import { describe, expect, it } from 'vitest';
import { layoutChoices } from '../../../../../renderer/features/frontmatter/layout-choices';

const posts = (...layouts: (string | null)[]) => layouts.map((layout) => ({ layout }));

describe('layoutChoices', () => {
  it.each([
    ['nothing when the site has no layouts and no post names one', [], posts(null, null), []],
    ["the site's layouts in their order when no post uses one", ['archive', 'page', 'post'], posts(), ['archive', 'page', 'post']],
    ['layouts in use, most used first, ties by name, then the rest', ['archive', 'page', 'post'], posts('post', 'single', 'post', 'page', 'single', 'post', 'wide'), ['post', 'single', 'page', 'wide', 'archive']],
    ['each name once, and no empty name', ['post'], posts('post', '', null, 'post'), ['post']],
  ])('offers %s', (_what, site, used, expected) => {
    expect(layoutChoices(site, used)).toEqual(expected);
  });
});
