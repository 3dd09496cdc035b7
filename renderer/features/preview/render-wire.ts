import type { Heading, RenderedPost, TocEntry } from '../../../shared/markdown/types';
import type { RenderResult } from './render-protocol';

/**
 * A render as the worker sends it: only what changed since its previous answer. A keystroke in
 * a 1 MB post changes one chunk of thousands and no heading, and copying the whole HTML, every
 * chunk and a thousand headings across threads cost more than the render itself.
 */
export interface WireRender {
  post: Omit<RenderedPost, 'html' | 'headings' | 'toc'>;
  /** Null: the same as in the previous answer. */
  headings: Heading[] | null;
  toc: TocEntry[] | null;
  /** The chunks: `keep` from the start and `tail` from the end of the previous answer's, `insert` between. */
  keep: number;
  tail: number;
  insert: string[];
  incremental: boolean;
}

/** The worker's side: remembers what it sent last. */
export class WireEncoder {
  private last: RenderResult | null = null;

  /** The message for `result`, given everything sent before. */
  encode(result: RenderResult): WireRender {
    const last = this.last;
    this.last = result;
    const { html: _html, headings, toc, ...post } = result.post;
    const chunks = result.chunks;
    if (!last) return { post, headings, toc, keep: 0, tail: 0, insert: [...chunks], incremental: result.incremental };
    const old = last.chunks;
    const max = Math.min(old.length, chunks.length);
    let keep = 0;
    while (keep < max && old[keep] === chunks[keep]) keep++;
    let tail = 0;
    while (tail < max - keep && old[old.length - 1 - tail] === chunks[chunks.length - 1 - tail]) tail++;
    return {
      post,
      headings: sameEntries(last.post.headings, headings) ? null : headings,
      toc: sameEntries(last.post.toc, toc) ? null : toc,
      keep,
      tail,
      insert: chunks.slice(keep, chunks.length - tail),
      incremental: result.incremental,
    };
  }
}

/** The page's side: rebuilds each whole render from the worker's messages, in order. */
export class WireDecoder {
  private last: RenderResult | null = null;

  /** The render `message` describes. */
  decode(message: WireRender): RenderResult {
    const last = this.last;
    const old = last?.chunks ?? [];
    const chunks = [...old.slice(0, message.keep), ...message.insert, ...old.slice(old.length - message.tail)];
    const headings = message.headings ?? last?.post.headings ?? [];
    const toc = message.toc ?? last?.post.toc ?? [];
    const result: RenderResult = { post: { ...message.post, html: chunks.join(''), headings, toc }, chunks, incremental: message.incremental };
    this.last = result;
    return result;
  }
}

/** True when two heading or TOC lists say the same. */
export function sameEntries(a: readonly { level: number; id: string | null; text: string }[], b: readonly { level: number; id: string | null; text: string }[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.level !== y.level || x.id !== y.id || x.text !== y.text) return false;
  }
  return true;
}
