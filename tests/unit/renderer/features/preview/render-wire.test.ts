import { describe, expect, it } from 'vitest';
import type { RenderedPost } from '../../../../../shared/markdown/types';
import type { RenderResult } from '../../../../../renderer/features/preview/render-protocol';
import { WireDecoder, WireEncoder } from '../../../../../renderer/features/preview/render-wire';

function result(chunks: string[], headings: RenderedPost['headings'] = []): RenderResult {
  const post: RenderedPost = {
    html: chunks.join(''),
    headings,
    toc: headings.flatMap((h) => (h.id ? [{ level: h.level, id: h.id, text: h.text }] : [])),
    tocSettings: { enabled: true, label: 'On this page', icon: 'file-alt', sticky: false },
    page: { title: '제목' },
    excerpt: null,
    problems: [],
  };
  return { post, chunks, incremental: true };
}

describe('the worker sends renders as changes to its previous answer', () => {
  const encoder = new WireEncoder();
  const decoder = new WireDecoder();
  const round = (r: RenderResult) => {
    const message = encoder.encode(r);
    return { message, decoded: decoder.decode(structuredClone(message)) };
  };
  const heading = [{ level: 2, id: '개요', text: '개요' }];

  it('rebuilds every render exactly, sending only the chunks that changed', () => {
    const first = round(result(['<h2 id="개요">개요</h2>\n', '<p>a</p>\n', '<p>b</p>\n'], heading));
    expect(first.decoded).toEqual(result(['<h2 id="개요">개요</h2>\n', '<p>a</p>\n', '<p>b</p>\n'], heading));
    const second = round(result(['<h2 id="개요">개요</h2>\n', '<p>a!</p>\n', '<p>b</p>\n'], heading));
    expect(second.message).toMatchObject({ keep: 1, tail: 1, insert: ['<p>a!</p>\n'], headings: null, toc: null });
    expect(second.decoded).toEqual(result(['<h2 id="개요">개요</h2>\n', '<p>a!</p>\n', '<p>b</p>\n'], heading));
    expect(second.decoded.post.headings).toBe(first.decoded.post.headings);
  });

  it('sends headings again when they change, and handles chunks removed or added at the ends', () => {
    const changed = [{ level: 2, id: '요약', text: '요약' }];
    const third = round(result(['<h2 id="요약">요약</h2>\n', '<p>b</p>\n'], changed));
    expect(third.message.headings).toEqual(changed);
    expect(third.decoded).toEqual(result(['<h2 id="요약">요약</h2>\n', '<p>b</p>\n'], changed));
    expect(round(result([])).decoded).toEqual(result([]));
    expect(round(result(['<p>new</p>\n'])).decoded).toEqual(result(['<p>new</p>\n']));
  });
});
