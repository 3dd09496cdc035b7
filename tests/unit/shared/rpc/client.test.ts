import { describe, expect, it } from 'vitest';
import { HanjiError } from '../../../../shared/contract/result';
import { createClient } from '../../../../shared/rpc/client';
import type { Transport } from '../../../../shared/rpc/transport';

function transportAnswering(answer: unknown, events: unknown[] = []): Transport {
  return {
    call: async () => answer,
    subscribe(listener) {
      for (const event of events) listener(event);
      return () => undefined;
    },
  };
}

describe('createClient', () => {
  it('unwraps a successful value', async () => {
    const client = createClient(transportAnswering({ ok: true, value: null }));
    expect(await client.getSite()).toBeNull();
  });

  it('accepts an answer without a value, as JSON carries a method that returns nothing, only for such a method', async () => {
    const client = createClient(transportAnswering({ ok: true }));
    expect(await client.discardRecovery('_posts/a.md')).toBeUndefined();
    await expect(client.listPosts()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('rejects with the HanjiError the engine sent', async () => {
    const client = createClient(transportAnswering({ ok: false, error: { code: 'CONFLICT', message: 'changed on disk', path: '_posts/a.md' } }));
    const error = await client.readPost('_posts/a.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HanjiError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'changed on disk', path: '_posts/a.md' });
  });

  it.each([
    ['not an envelope', 'hello'],
    ['an unknown error code', { ok: false, error: { code: 'WHATEVER', message: 'x' } }],
    ['a value of the wrong shape', { ok: true, value: [{ path: 1 }] }],
  ])('turns %s into an INTERNAL error instead of a bad value', async (_name, answer) => {
    const client = createClient(transportAnswering(answer));
    await expect(client.listPosts()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('reports a transport failure as IO', async () => {
    const client = createClient({
      call: async () => {
        throw new TypeError('fetch failed');
      },
      subscribe: () => () => undefined,
    });
    await expect(client.getSite()).rejects.toMatchObject({ code: 'IO' });
  });

  it('delivers only valid events of the subscribed name', () => {
    const good = { event: 'postsChanged', payload: { changes: [{ path: '_posts/a.md', kind: 'changed', hash: 'b'.repeat(64), post: null }] } };
    const client = createClient(
      transportAnswering(null, [good, { event: 'postsChanged', payload: { changes: [{ path: 3 }] } }, { event: 'bogus', payload: {} }, 'junk', { event: 'siteChanged', payload: {} }]),
    );
    const seen: unknown[] = [];
    client.on('postsChanged', (payload) => seen.push(payload));
    expect(seen).toEqual([good.payload]);
  });
});
