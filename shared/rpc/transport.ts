import type { MethodName } from '../contract/api';

/**
 * How a client reaches the engine. A transport moves data only: it returns the raw Result the
 * other side sent, and the raw event messages; the client validates both.
 */
export interface Transport {
  /** Call one method; resolves with the unvalidated Result envelope. */
  call(method: MethodName, args: unknown[]): Promise<unknown>;
  /** Receive raw event messages; returns the function that unsubscribes. */
  subscribe(listener: (message: unknown) => void): () => void;
}
