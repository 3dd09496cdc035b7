import type { SiteApi } from '../contract/api';
import { dispatch } from './dispatch';
import type { EventBus } from './emitter';
import type { Transport } from './transport';

/**
 * A transport that calls the engine in the same process. Values go through a JSON round trip,
 * so anything that would not survive IPC or HTTP fails here too.
 */
export function createMemoryTransport(impl: SiteApi, events: EventBus): Transport {
  const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));
  return {
    async call(method, args) {
      return roundTrip(await dispatch(impl, method, roundTrip(args)));
    },
    subscribe(listener) {
      return events.subscribe((message) => listener(roundTrip(message)));
    },
  };
}
