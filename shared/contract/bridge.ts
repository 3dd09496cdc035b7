import type { MethodArgs, MethodName, MethodValue } from './api';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.hanji`: one function per API method returning a
 * Result, and one event subscription. It carries data only; the renderer's client unwraps it.
 */
export type Bridge = { [M in MethodName]: (...args: MethodArgs<M>) => Promise<Result<MethodValue<M>>> } & {
  /** Receive every engine event; returns the function that unsubscribes. */
  onEvent(listener: (message: unknown) => void): () => void;
};

/** IPC channel for API calls (renderer → main). */
export const RPC_CHANNEL = 'hanji:rpc';
/** IPC channel for events (main → renderer). */
export const EVENT_CHANNEL = 'hanji:event';

/** Meta tag in which the server hands the page its per-document style nonce (see the CSP). */
export const STYLE_NONCE_META = 'hanji-style-nonce';
