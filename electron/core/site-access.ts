import path from 'node:path';
import type { SiteApi } from '../../shared/contract/api';
import { METHOD_NAMES } from '../../shared/contract/method-names';
import { HanjiError } from '../../shared/contract/result';

/**
 * The engine as a face exposes it to its client (renderer, browser). `openSite` may only open a
 * folder the user chose through that face (the menu's dialog, the `--site` flag); otherwise a
 * client could open `/` or a home folder and read or write anything in it.
 */
export function restrictOpenSite(api: SiteApi, isGranted: (root: string) => boolean): SiteApi {
  const bound = Object.fromEntries(METHOD_NAMES.map((m) => [m, (api[m] as (...a: unknown[]) => unknown).bind(api)])) as unknown as SiteApi;
  return {
    ...bound,
    async openSite(root) {
      if (!path.isAbsolute(root) || !isGranted(path.resolve(root))) {
        throw new HanjiError('OUTSIDE_SITE', `Hanji only opens site folders you chose with File › Open Site Folder… or --site, not "${root.slice(0, 200)}".`);
      }
      return api.openSite(root);
    },
  };
}
