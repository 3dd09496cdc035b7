import { describe, expect, it } from 'vitest';
import { headingLines, sourceHeadings } from '../../../../../renderer/features/preview/heading-lines';

/** The post's lines joined with LF, so tests read like the file. */
const post = (...lines: string[]) => lines.join('\n');

describe('sourceHeadings (the Markdown headings of a post, by editor line)', () => {
  it('finds ATX headings after the front matter, with their level, line and text', () => {
    const text = post('---', 'title: "# not a heading"', 'toc: true', '---', '', '## 개요', 'text', '### Closed ATX heading ##', '#No space', '####### seven');
    expect(sourceHeadings(text)).toEqual([
      { line: 6, level: 2, text: '개요' },
      { line: 8, level: 3, text: 'Closed ATX heading' },
    ]);
  });

  it('skips headings inside fenced code, Liquid highlight, comment and raw blocks and HTML comments', () => {
    const text = post(
      '```markdown',
      '## in a fence',
      '```',
      '~~~~',
      '# in a tilde fence',
      '~~~',
      '# still in the tilde fence',
      '~~~~',
      '{% highlight md %}',
      '## in highlight',
      '{% endhighlight %}',
      '{% comment %}',
      '# in a comment',
      '{% endcomment %}',
      '<!--',
      '## in an HTML comment',
      '-->',
      '## after all of them',
    );
    expect(sourceHeadings(text)).toEqual([{ line: 18, level: 2, text: 'after all of them' }]);
  });

  it('takes setext headings only under a one-line paragraph, and raw <h2> lines', () => {
    const text = post('Title', '=====', '', 'first line', 'second line', '---', '', 'Sub', '---', '', '<h3 id="raw">Raw <em>HTML</em></h3>', '', '- item', '---');
    expect(sourceHeadings(text)).toEqual([
      { line: 1, level: 1, text: 'Title' },
      { line: 8, level: 2, text: 'Sub' },
      { line: 11, level: 3, text: 'Raw HTML' },
    ]);
  });

  it('drops IALs and keeps headings in blockquotes; counts CRLF lines like the editor', () => {
    const text = ['---', 'a: 1', '---', '## 중복 제목 {#custom}', '> ### Quoted', ''].join('\r\n');
    expect(sourceHeadings(text)).toEqual([
      { line: 4, level: 2, text: '중복 제목' },
      { line: 5, level: 3, text: 'Quoted' },
    ]);
  });
});

describe('headingLines (which source line each rendered heading comes from)', () => {
  const source = sourceHeadings(post('## 개요', '', '## See [the docs](https://jekyllrb.com) first', '', '### `code` *here*', '', '## 개요'));

  it('matches by level and text, markup and link targets ignored', () => {
    const shown = [
      { level: 2, text: '개요' },
      { level: 2, text: 'See the docs first' },
      { level: 3, text: 'code here' },
      { level: 2, text: '개요' },
    ];
    expect(headingLines(shown, source)).toEqual([1, 3, 5, 7]);
  });

  it('gives null for a heading with no source (from an include) and keeps the order after it', () => {
    const shown = [
      { level: 2, text: '개요' },
      { level: 4, text: 'From an include' },
      { level: 2, text: 'See the docs first' },
    ];
    expect(headingLines(shown, source)).toEqual([1, null, 3]);
  });

  it('falls back to the next heading of the same level when Liquid changed the text', () => {
    const liquid = sourceHeadings(post('## {{ page.title }}', '## Next'));
    expect(headingLines([{ level: 2, text: 'My title' }, { level: 2, text: 'Next' }], liquid)).toEqual([1, 2]);
  });
});
