import { describe, expect, it, vi } from 'vitest';
import type { SiteApi } from '../../../../shared/contract/api';
import { METHOD_NAMES } from '../../../../shared/contract/method-names';
import { METHODS } from '../../../../shared/contract/methods';
import { HanjiError } from '../../../../shared/contract/result';
import { dispatch } from '../../../../shared/rpc/dispatch';

const HASH = 'a'.repeat(64);
const PLAN_ID = '00000000-0000-4000-8000-000000000000';

const SUMMARY = { path: '_posts/a.md', status: 'published', title: 't', date: '2025-01-01T00:00:00+00:00', slug: 'a', id: '/a', url: '/a', tags: [], categories: [], layout: null, problems: [] } as const;

const GIT_STATUS = { isRepo: true, branch: 'main', detached: false, upstream: 'origin/main', ahead: 0, behind: 0, remotes: [], files: [], inProgress: null };

function fakeApi(overrides: Partial<SiteApi> = {}): SiteApi {
  return {
    openSite: async (root) => ({ root, title: 't', url: '', baseurl: '', timezone: '', permalink: 'date', layouts: [] }),
    getSite: async () => null,
    listPosts: async () => [],
    getIndex: async () => ({ site: { root: '/', title: 't', url: '', baseurl: '', timezone: '', permalink: 'date', layouts: [] }, posts: [], ignored: [], tags: [], categories: [], problems: [] }),
    readPost: async (path) => ({ path, text: 'x', hash: HASH }),
    writePost: async (path) => ({ path, hash: HASH }),
    createPost: async () => ({ ...SUMMARY, tags: [], categories: [], problems: [] }),
    renamePost: async () => ({ ...SUMMARY, tags: [], categories: [], problems: [] }),
    duplicatePost: async () => ({ ...SUMMARY, tags: [], categories: [], problems: [] }),
    deletePost: async (path) => ({ path, hash: HASH }),
    publishPost: async () => ({ ...SUMMARY, tags: [], categories: [], problems: [] }),
    unpublishPost: async () => ({ ...SUMMARY, tags: [], categories: [], problems: [] }),
    searchPosts: async () => [],
    saveRecovery: async () => undefined,
    listRecovery: async () => [],
    discardRecovery: async () => undefined,
    saveAsset: async () => ({ path: 'assets/images/a/x.png', url: '/assets/images/a/x.png' }),
    readAsset: async (path) => ({ path, mime: 'image/png', dataBase64: 'iVBORw0KGgo=' }),
    getRenderData: async () => ({ config: {}, markdownInput: 'GFM', zone: 'UTC', includes: {}, siteData: {}, files: [] }),
    listTaxonomy: async () => [],
    planTaxonomyEdit: async (kind, op) => ({ planId: PLAN_ID, kind, op, files: [], moves: [], skipped: [] }),
    applyTaxonomyEdit: async () => ({ editId: null, written: [], moved: [], skipped: [], cancelled: false }),
    cancelTaxonomyEdit: async () => undefined,
    undoTaxonomyEdit: async () => ({ editId: null, written: [], moved: [], skipped: [], cancelled: false }),
    gitStatus: async () => GIT_STATUS,
    gitDiff: async () => '',
    gitCommit: async (paths) => ({ commit: 'b'.repeat(40), files: paths }),
    gitPull: async () => GIT_STATUS,
    gitPush: async () => GIT_STATUS,
    gitPrePushCheck: async () => ({ problems: [] }),
    gitInit: async () => GIT_STATUS,
    gitSetRemote: async () => GIT_STATUS,
    exportPosts: async (_target, posts) => ({ files: posts, commit: 'c'.repeat(40), pushed: false }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('lists exactly the methods of the validator table', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(METHODS).sort());
  });

  it('calls the implementation with validated arguments and wraps the value', async () => {
    const readPost = vi.fn(async (path: string) => ({ path, text: '안녕', hash: HASH }));
    const result = await dispatch(fakeApi({ readPost }), 'readPost', ['_posts/a.md']);
    expect(result).toEqual({ ok: true, value: { path: '_posts/a.md', text: '안녕', hash: HASH } });
    expect(readPost).toHaveBeenCalledWith('_posts/a.md');
  });

  it.each(['deletEverything', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the unknown method %s', async (method) => {
    const result = await dispatch(fakeApi(), method, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it.each([
    ['readPost', []],
    ['readPost', [42]],
    ['readPost', ['a\0b']],
    ['readPost', ['']],
    ['readPost', ['a.md', 'extra']],
    ['writePost', ['a.md', 'text', 'not-a-hash']],
    ['writePost', ['a.md', 7, HASH]],
    ['getSite', ['unexpected']],
    ['listPosts', 'not an array'],
    ['listPosts', null],
    ['searchPosts', [42]],
    ['searchPosts', ['x'.repeat(1001)]],
    ['saveRecovery', ['a.md', 'text', 'not-a-hash']],
    ['listRecovery', ['unexpected']],
    ['discardRecovery', ['a\0b']],
    ['listTaxonomy', ['labels', {}]],
    ['planTaxonomyEdit', ['tags', { from: [], to: 'x' }]],
    ['planTaxonomyEdit', ['tags', { from: ['a'], to: 'two\nlines' }]],
    ['planTaxonomyEdit', ['tags', { from: ['  '], to: null }]],
    ['applyTaxonomyEdit', ['../etc']],
    ['undoTaxonomyEdit', [42]],
    ['gitCommit', [[], 'message']],
    ['gitCommit', [['_posts/a.md'], '   ']],
    ['gitPull', ['merge']],
    ['gitSetRemote', ['']],
    ['exportPosts', ['/repo', ['_posts/a.md'], { postsDir: '_posts', extra: true }]],
  ])('refuses %s with arguments %j before the implementation runs', async (method, args) => {
    const api = fakeApi({ readPost: vi.fn(), writePost: vi.fn(), getSite: vi.fn(), listPosts: vi.fn(), searchPosts: vi.fn(), saveRecovery: vi.fn(), listRecovery: vi.fn(), discardRecovery: vi.fn(), listTaxonomy: vi.fn(), planTaxonomyEdit: vi.fn(), applyTaxonomyEdit: vi.fn(), undoTaxonomyEdit: vi.fn(), gitCommit: vi.fn(), gitPull: vi.fn(), gitSetRemote: vi.fn(), exportPosts: vi.fn() });
    const result = await dispatch(api, method, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(result.ok || result.error.message).toContain(method);
    expect(api[method as keyof SiteApi]).not.toHaveBeenCalled();
  });

  it('turns a HanjiError into an error value with its code, path and line', async () => {
    const api = fakeApi({
      readPost: async () => {
        throw new HanjiError('INVALID_FRONT_MATTER', 'bad yaml', { path: '_posts/a.md', line: 3, column: 5 });
      },
    });
    expect(await dispatch(api, 'readPost', ['_posts/a.md'])).toEqual({
      ok: false,
      error: { code: 'INVALID_FRONT_MATTER', message: 'bad yaml', path: '_posts/a.md', line: 3, column: 5 },
    });
  });

  it('carries the reason of a git failure, so a face can offer the next step', async () => {
    const api = fakeApi({
      gitPush: async () => {
        throw new HanjiError('GIT_FAILED', 'Pull first.', { reason: 'NON_FAST_FORWARD' });
      },
    });
    expect(await dispatch(api, 'gitPush', [])).toEqual({ ok: false, error: { code: 'GIT_FAILED', message: 'Pull first.', reason: 'NON_FAST_FORWARD' } });
  });

  it('hides the details of an unexpected throw behind INTERNAL', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = fakeApi({
      listPosts: async () => {
        throw new TypeError('secret /home/user/path detail');
      },
    });
    const result = await dispatch(api, 'listPosts', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
