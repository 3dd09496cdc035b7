import { RenderSession, renderPost } from '../../../shared/markdown/render-post';
import { ChunkCache } from './render-chunks';
import { WireDecoder } from './render-wire';
import type { FromWorker, RenderContext, RenderDocument, RenderResult, ToWorker } from './render-protocol';

/** Posts up to this long render on the page: a whole render of one takes a few milliseconds. */
export const PAGE_RENDER_CHARS = 30_000;

const pageSession = new RenderSession();
const pageChunks = new ChunkCache();

/** Render on the page: the fallback when no worker runs. */
async function renderHere(context: RenderContext, doc: RenderDocument): Promise<RenderResult> {
  const post = await renderPost({ ...context, ...doc }, pageSession);
  return { post, chunks: pageChunks.chunksOf(pageSession.pieces), incremental: pageSession.incremental };
}

/** Renders posts for the preview in a Web Worker, so typing never waits for Liquid and Markdown. */
export class PreviewRenderer {
  private worker: Worker | null = null;
  private context: RenderContext | null = null;
  private nextId = 1;
  private readonly wire = new WireDecoder();
  private readonly pending = new Map<number, { doc: RenderDocument; resolve(result: RenderResult): void; reject(error: Error): void }>();

  constructor() {
    try {
      this.worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module', name: 'hanji-preview' });
    } catch (error) {
      this.fallBack(error);
      return;
    }
    this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.answer(event.data));
    // A worker the CSP (or anything else) refuses to load only reports an error event.
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fallBack(event.message || 'the worker failed to load');
    });
    this.worker.addEventListener('messageerror', () => this.fallBack('a message could not be read'));
  }

  /** True while rendering happens in the worker (false after falling back to the page). */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  /** Set the site, its posts and render data that every later render uses. */
  setContext(context: RenderContext): void {
    this.context = context;
    this.post({ type: 'context', context });
  }

  /**
   * Render one post with the current context: in the worker, or on the page for a post short
   * enough that even a whole render costs less than the round trip (the answer then reaches the
   * screen within the keystroke's own task, as an inline preview's would).
   */
  render(doc: RenderDocument): Promise<RenderResult> {
    const context = this.context;
    if (!context) return Promise.reject(new Error('The preview has no site context yet.'));
    if (!this.worker || doc.text.length <= PAGE_RENDER_CHARS) return renderHere(context, doc);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { doc, resolve, reject });
      this.post({ type: 'render', id, doc });
    });
  }

  /** Stop the worker; renders still waiting are rejected. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Error('The preview was closed.'));
    this.pending.clear();
  }

  private post(message: ToWorker): void {
    try {
      this.worker?.postMessage(message);
    } catch (error) {
      this.fallBack(error);
    }
  }

  private answer(message: FromWorker): void {
    // Decoded even when nobody waits any more: the next message builds on this one.
    const result = message.type === 'rendered' ? this.wire.decode(message) : null;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (result) waiting.resolve(result);
    else if (message.type === 'failed') waiting.reject(new Error(message.message));
  }

  /**
   * Render on the page from now on. Only a worker that cannot start gets here (a CSP without
   * `worker-src 'self'`, a missing bundle): the preview then still works, but a long post makes
   * typing stutter while it renders. Renders that were waiting are redone on the page.
   */
  private fallBack(reason: unknown): void {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    console.warn(`Hanji preview: rendering on the page instead of a worker (${reason instanceof Error ? reason.message : String(reason)}).`);
    const context = this.context;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      if (context) renderHere(context, waiting.doc).then(waiting.resolve, waiting.reject);
      else waiting.reject(new Error('The preview has no site context yet.'));
    }
  }
}
