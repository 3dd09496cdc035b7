/**
 * Liquid notices in headings: the heading's id and TOC entry are those of the heading once the
 * error is fixed (Jekyll 4.3.1 writes no page for a fatal Liquid error), and the notice is still
 * shown, right after the heading.
 */
import { describe, expect, it } from 'vitest';
import { moveNoticesOutOfHeadings } from '../../../../shared/markdown/heading-notices';
import { noticeHtml } from '../../../../shared/markdown/liquid-state';
import { renderPost } from '../../../../shared/markdown/render-post';

const N = noticeHtml('error', 1, 'a "bad" tag; jekyll build will stop here');
const M = noticeHtml('notice', 2, 'second\nline');

describe('moveNoticesOutOfHeadings', () => {
  it.each([
    ['an ATX heading', `## Title ${N}\nText`, `## Title \n${N}\nText`],
    ['several notices, in order', `## A ${N} b ${M}`, `## A  b \n${N}\n${M}`],
    ['a setext heading: after its underline', `Title ${N}\n-----\n`, `Title \n-----\n${N}\n`],
    ['a setext heading after a blank line', `para\n\nTitle ${N}\n===`, `para\n\nTitle \n===\n${N}`],
    ['a list item: indented into the item', `- ## Item ${N}\n  more`, `- ## Item \n  ${N}\n  more`],
    ['an ordered list in a blockquote', `> 1. ## Q ${N}`, `> 1. ## Q \n>    ${N}`],
    ['CRLF lines keep their ending', `## T ${N}\r\nx`, `## T \r\n${N}\r\nx`],
  ])('moves it out of %s', (_what, text, expected) => {
    expect(moveNoticesOutOfHeadings(text)).toBe(expected);
  });

  it.each([
    ['a paragraph line', `Text ${N} more\n`],
    ['a second paragraph line above an underline (not a heading in kramdown)', `one\ntwo ${N}\n---\n`],
    ['`#No space` (text in GFM)', `#No ${N}`],
    ['a fenced code block', `\`\`\`\n## code ${N}\n\`\`\`\n`],
    ['text without notices', '## Title\n'],
  ])('leaves %s alone', (_what, text) => {
    expect(moveNoticesOutOfHeadings(text)).toBe(text);
  });
});

describe('renderPost with a Liquid error in a heading', () => {
  const render = (body: string) =>
    renderPost({
      text: `---\ntitle: T\ntoc: true\n---\n${body}`,
      path: '_posts/2025-01-01-t.md',
      summary: null,
      posts: [],
      site: { root: '/site', title: '', url: '', baseurl: '', timezone: '', permalink: 'date', layouts: [] },
      data: { config: {}, markdownInput: 'GFM', zone: 'UTC', includes: {}, siteData: {}, files: [] },
    });

  it('gives the id and TOC entry of the fixed heading, and shows the notice after it', async () => {
    const post = await render('## Setup {% if %}\n\n## Setup\n');
    expect(post.headings.map((h) => [h.id, h.text])).toEqual([
      ['setup', 'Setup'],
      ['setup-1', 'Setup'],
    ]);
    expect(post.toc.map((entry) => entry.text)).toEqual(['Setup', 'Setup']);
    expect(post.html).toMatch(/^<h2 id="setup">Setup<\/h2>\n<div class="liquid-error" role="note">Liquid error \(line 1\): [^<]*<\/div>\n/u);
    expect(post.problems).toHaveLength(1);
  });

  it('ignores an undefined filter, as Jekyll does outside strict mode', async () => {
    const post = await render('## Title {{ page.missing | nosuchfilter }}\n');
    expect(post.html).toBe('<h2 id="title">Title</h2>\n');
    expect(post.problems).toEqual([]);
  });
});
