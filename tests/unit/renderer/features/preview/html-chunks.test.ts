import { describe, expect, it } from 'vitest';
import { splitTopLevel } from '../../../../../renderer/features/preview/html-chunks';

describe('splitTopLevel (the pieces the preview replaces one by one)', () => {
  it.each([
    ['one piece per top-level block', '<h2 id="a">A</h2>\n<p>x</p>\n<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n', ['<h2 id="a">A</h2>\n', '<p>x</p>\n', '<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n']],
    ['a raw block whose Markdown content sits between its tags stays whole', '<details>\n<p><strong>x</strong></p>\n</details>\n<p>after</p>\n', ['<details>\n<p><strong>x</strong></p>\n</details>\n', '<p>after</p>\n']],
    ['void elements and blank lines', '<hr />\n\n<p>a<br />b</p>\n', ['<hr />\n', '\n', '<p>a<br />b</p>\n']],
    ['a > inside a quoted attribute', '<p title="a > b\nc">x</p>\n<p>y</p>', ['<p title="a > b\nc">x</p>\n', '<p>y</p>']],
    ['comments and raw text elements hide tags', '<!-- <div>\n -->\n<pre><code>&lt;div&gt;\n</code></pre>\n<script>if (a < b) "<div>"\n</script>\n<p>z</p>\n', ['<!-- <div>\n -->\n', '<pre><code>&lt;div&gt;\n</code></pre>\n', '<script>if (a < b) "<div>"\n</script>\n', '<p>z</p>\n']],
    ['self-closing SVG children', '<svg><circle r="1"/>\n<path d="M0"/></svg>\n<p>after</p>\n', ['<svg><circle r="1"/>\n<path d="M0"/></svg>\n', '<p>after</p>\n']],
    ['an element left open keeps the rest in one piece', '<div>\n<p>a</p>\n<p>b</p>\n', ['<div>\n<p>a</p>\n<p>b</p>\n']],
    ['a stray end tag is ignored', '</div>\n<p>a</p>\n', ['</div>\n', '<p>a</p>\n']],
    ['uppercase tags', '<DIV>\n<P>a</P>\n</DIV>\n', ['<DIV>\n<P>a</P>\n</DIV>\n']],
  ])('%s', (_name, html, chunks) => {
    expect(splitTopLevel(html)).toEqual(chunks);
  });

  it('loses nothing: the pieces join back to the input', () => {
    const html = '<h2 id="개요">개요</h2>\n<p>한국어 <a href="https://example.com?a=1&b=2">링크</a></p>\n<table>\n<tr><td style="text-align: left">a</td></tr>\n</table>\n<div class="liquid-error" role="note">x</div>\n';
    expect(splitTopLevel(html).join('')).toBe(html);
  });
});
