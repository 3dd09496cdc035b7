import { describe, expect, it } from 'vitest';
import { tocOf } from '../../../../shared/markdown/toc';

describe('the minimal-mistakes TOC', () => {
  it('lists headings with ids in order, text stripped of tags, entities as written', () => {
    const html = '<h2 id="개요">개요</h2><p>x</p><h3 id="a--b">A &amp; <code>B</code></h3><h2 id="끝">끝</h2>';
    expect(tocOf(html)).toEqual([
      { level: 2, id: '개요', text: '개요' },
      { level: 3, id: 'a--b', text: 'A &amp; B' },
      { level: 2, id: '끝', text: '끝' },
    ]);
  });

  it('lets the first heading set the minimum level: shallower ones later are dropped', () => {
    expect(tocOf('<h3 id="a">A</h3><h2 id="b">B</h2><h4 id="c">C</h4><h1 id="d">D</h1>').map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('skips headings without an id, and no_toc ones; hr and header are not headings', () => {
    const html = '<header>h</header><hr /><h2>raw</h2><h2 id="kept">kept</h2><h2 id="n" class="no_toc">n</h2><h3 id="raw-with-id">r</h3>';
    expect(tocOf(html).map((e) => e.id)).toEqual(['kept', 'raw-with-id']);
  });

  it('reproduces the theme: a footnote marker gives an id-less heading its anchor and leaks its number', () => {
    const html = '<h2>각주가 달린 제목<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">2</a></sup></h2>';
    expect(tocOf(html)).toEqual([{ level: 2, id: 'fnref:1', text: '각주가 달린 제목2' }]);
  });
});
