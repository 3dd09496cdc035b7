import { z } from 'zod';
import type { MethodName, SiteApi } from '../contract/api';
import { METHODS, isMethodName } from '../contract/methods';
import { HanjiError, fail, ok, type Result } from '../contract/result';

/**
 * The only place a call from outside reaches the engine. Every transport (Electron IPC, the HTTP
 * bridge, the in-memory test transport) calls it: unknown methods and invalid arguments are refused
 * before the implementation runs, and throws become Results.
 */
export async function dispatch(impl: SiteApi, method: string, args: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('BAD_REQUEST', `Unknown method "${method.slice(0, 100)}".`);
  const parsed = METHODS[method].args.safeParse(args);
  if (!parsed.success) {
    return fail('BAD_REQUEST', `Invalid arguments for ${method}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const fn = impl[method] as (...a: unknown[]) => Promise<unknown>;
    return ok(await fn.apply(impl, parsed.data as unknown[]));
  } catch (error) {
    return { ok: false, error: toErrorInfo(method, error) };
  }
}

function toErrorInfo(method: MethodName, error: unknown) {
  if (error instanceof HanjiError) return error.toInfo();
  // An unexpected throw is a bug: keep its details in the engine's log, not in the client.
  console.error(`hanji: ${method} failed unexpectedly`, error);
  return new HanjiError('INTERNAL', `${method} failed unexpectedly. The details are in the log.`).toInfo();
}
