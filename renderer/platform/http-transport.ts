import { HanjiError } from '../../shared/contract/result';
import type { Transport } from '../../shared/rpc/transport';

/** Where the browser-mode server is and the token it printed. */
export interface HttpTransportOptions {
  baseUrl: string;
  token: string;
  /** Delay before reconnecting the event stream after it drops. */
  retryMs?: number;
}

/**
 * The browser-mode transport: `POST /rpc/METHOD` with the bearer token, and events from
 * `GET /events` read as a server-sent-event stream through fetch (EventSource cannot send the token).
 */
export function createHttpTransport({ baseUrl, token, retryMs = 1000 }: HttpTransportOptions): Transport {
  const authorization = `Bearer ${token}`;
  const listeners = new Set<(message: unknown) => void>();
  let stream: AbortController | null = null;

  const deliver = (block: string) => {
    for (const line of block.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      let message: unknown;
      try {
        message = JSON.parse(line.slice('data: '.length));
      } catch {
        continue;
      }
      for (const listener of [...listeners]) listener(message);
    }
  };

  const pump = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        const response = await fetch(`${baseUrl}/events`, { headers: { Authorization: authorization }, signal });
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            deliver(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // Dropped or refused: retry below unless we were asked to stop.
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };

  return {
    async call(method, args) {
      const response = await fetch(`${baseUrl}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify(args),
      });
      if (response.status === 401) {
        throw new HanjiError('BAD_REQUEST', 'Hanji refused this page: open the exact address that `npm run web` printed (it has a new token each start).');
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
        throw new HanjiError('IO', `Hanji's server answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      }
      return response.json();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        void pump(stream.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}
