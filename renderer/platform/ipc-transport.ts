import type { Bridge } from '../../shared/contract/bridge';
import type { Transport } from '../../shared/rpc/transport';

/** The desktop transport: `window.hanji`, exposed by the preload, one function per method. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    call(method, args) {
      const fn = bridge[method] as (...a: unknown[]) => Promise<unknown>;
      return fn(...args);
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
  };
}
