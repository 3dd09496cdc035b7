import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TocIcon, tocIconShape } from '../../../../../renderer/features/preview/TocIcon';

describe('tocIconShape (minimal-mistakes toc_icon, Font Awesome 5 and 6 names)', () => {
  it.each([
    ['file-alt', 'file'],
    ['file-lines', 'file'],
    ['list', 'list'],
    ['list-ul', 'list'],
    ['cog', 'cog'],
    ['gear', 'cog'],
    ['book', 'book'],
    ['bookmark', 'bookmark'],
    [' Bookmark ', 'bookmark'],
    ['rocket', 'other'],
    ['', 'other'],
  ])('%j → %s', (name, shape) => {
    expect(tocIconShape(name)).toBe(shape);
  });
});

describe('TocIcon', () => {
  const markup = (name: string) => renderToStaticMarkup(createElement(TocIcon, { name }));

  it('carries the theme’s classes and its shape, hidden from assistive technology', () => {
    const html = markup('cog');
    expect(html).toMatch(/^<svg class="toc-icon fas fa-cog" data-shape="cog" [^>]*aria-hidden="true" focusable="false">/u);
    expect(html).not.toMatch(/<title|aria-label/u);
  });

  it('draws a different shape for each common icon', () => {
    const paths = ['file-alt', 'list', 'cog', 'book', 'bookmark', 'rocket'].map((name) => /\sd="([^"]+)"/u.exec(markup(name))?.[1]);
    expect(new Set(paths).size).toBe(6);
  });

  it('keeps an odd name to one class', () => {
    expect(markup('my icon')).toContain('class="toc-icon fas fa-my-icon"');
  });
});
