import { RenderSession, renderPost } from '../../../shared/markdown/render-post';
import { ChunkCache } from './render-chunks';
import { WireEncoder } from './render-wire';
import type { FromWorker, RenderContext, ToWorker } from './render-protocol';

/** The worker's global scope, as far as this file uses it (the renderer's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let context: RenderContext | null = null;
const session = new RenderSession();
const chunks = new ChunkCache();
const wire = new WireEncoder();

// The page sends a render only after the previous one answered, so renders never overlap.
scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'context') {
    context = message.context;
    return;
  }
  if (!context) {
    scope.postMessage({ type: 'failed', id: message.id, message: 'The preview has no site context yet.' });
    return;
  }
  renderPost({ ...context, ...message.doc }, session).then(
    (post) => scope.postMessage({ type: 'rendered', id: message.id, ...wire.encode({ post, chunks: chunks.chunksOf(session.pieces), incremental: session.incremental }) }),
    (error: unknown) => scope.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
