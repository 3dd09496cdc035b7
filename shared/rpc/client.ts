import { z } from 'zod';
import type { MethodName, SiteApi } from '../contract/api';
import type { EventName, SiteEvents } from '../contract/events';
import { METHOD_NAMES } from '../contract/method-names';
import { METHODS, parseEventMessage } from '../contract/methods';
import { HanjiError } from '../contract/result';
import { resultEnvelope } from '../contract/schemas';
import type { Transport } from './transport';

/** The API as the renderer, the CLI and the tests use it, plus typed event subscriptions. */
export interface SiteClient extends SiteApi {
  /** Run `handler` for every `event`; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, handler: (payload: SiteEvents[E]) => void): () => void;
}

/**
 * Build a client over any transport. This is the one place where Results are unwrapped: a failed
 * call rejects with a HanjiError, and a malformed answer is an INTERNAL error, never a bad value.
 */
export function createClient(transport: Transport): SiteClient {
  const call = async (method: MethodName, args: unknown[]): Promise<unknown> => {
    let raw: unknown;
    try {
      raw = await transport.call(method, args);
    } catch (error) {
      if (error instanceof HanjiError) throw error;
      throw new HanjiError('IO', `Could not reach Hanji's engine for ${method}: ${describe(error)}`);
    }
    const envelope = resultEnvelope.safeParse(raw);
    if (!envelope.success) throw new HanjiError('INTERNAL', `${method} returned a malformed answer.`);
    if (!envelope.data.ok) throw HanjiError.fromInfo(envelope.data.error);
    const value = METHODS[method].value.safeParse(envelope.data.value);
    if (!value.success) {
      throw new HanjiError('INTERNAL', `${method} returned an invalid value: ${z.prettifyError(value.error)}`);
    }
    return value.data;
  };

  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as SiteApi;

  return {
    ...methods,
    on(event, handler) {
      return transport.subscribe((raw) => {
        const message = parseEventMessage(raw);
        if (message?.event === event) handler(message.payload as SiteEvents[typeof event]);
      });
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
