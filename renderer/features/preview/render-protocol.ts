import type { RenderPostInput, RenderedPost } from '../../../shared/markdown/types';
import type { WireRender } from './render-wire';

/** What stays the same between renders: sent to the worker once, not with every keystroke. */
export type RenderContext = Pick<RenderPostInput, 'posts' | 'site' | 'data'>;

/** The post being rendered: what changes as the user types. */
export type RenderDocument = Pick<RenderPostInput, 'text' | 'path' | 'summary'>;

/** Messages from the page to the render worker. */
export type ToWorker = { type: 'context'; context: RenderContext } | { type: 'render'; id: number; doc: RenderDocument };

/** A render and its HTML cut into top-level pieces (see splitTopLevel), so the page can update piece by piece. */
export interface RenderResult {
  post: RenderedPost;
  /** True when only what the edit changed was rendered again (a cost that does not grow with the post). */
  incremental: boolean;
  chunks: readonly string[];
}

/** Messages from the render worker to the page. */
export type FromWorker = ({ type: 'rendered'; id: number } & WireRender) | { type: 'failed'; id: number; message: string };
