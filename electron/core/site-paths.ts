import { realpathSync } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';

/** A path inside the open site: its absolute form and its normalized site-relative form. */
export interface SitePath {
  abs: string;
  rel: string;
}

/**
 * Resolve a site-relative path from outside (renderer, CLI, HTTP) and confine it to the site.
 * Refuses absolute, drive-letter, UNC, backslash, NUL and `..` paths, and symlinks that lead out.
 */
export function resolveInSite(siteRoot: string, input: string): SitePath {
  const outside = (why: string) =>
    new HanjiError('OUTSIDE_SITE', `"${input.slice(0, 200)}" is not a path inside the site: ${why}.`, {
      path: input.slice(0, 200),
    });
  const rel = input.normalize('NFC');
  if (rel.includes('\0')) throw outside('it contains a NUL character');
  if (rel.includes('\\')) throw outside('use "/" as the separator');
  if (rel.startsWith('/') || /^[a-zA-Z]:/u.test(rel)) throw outside('it is absolute');
  const parts = rel.split('/');
  if (parts.some((part) => part === '..')) throw outside('it goes up with ".."');
  const clean = parts.filter((part) => part !== '' && part !== '.').join('/');
  if (clean === '') throw outside('it names the site folder itself');

  const realRoot = realpathSync(siteRoot);
  const abs = path.join(realRoot, ...clean.split('/'));
  const real = realpathOfDeepestExisting(abs);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw outside('a symbolic link leads out of it');
  return { abs, rel: clean };
}

/** The real path of `abs`, or of its nearest existing ancestor joined with the missing rest. */
function realpathOfDeepestExisting(abs: string): string {
  let current = abs;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** Convert an absolute path inside `root` into the site-relative `/` form. */
export function toSiteRelative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
