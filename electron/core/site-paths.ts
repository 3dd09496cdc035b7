import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';
import { classifyPostPath } from '../../shared/jekyll/post-filename';

/** A path inside the open site: its absolute form (as named on disk) and its NFC site-relative form. */
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
  const segments = parts.filter((part) => part !== '' && part !== '.');
  if (segments.length === 0) throw outside('it names the site folder itself');

  const realRoot = realpathSync(siteRoot);
  const abs = onDiskPath(realRoot, segments);
  const real = realpathOfDeepestExisting(abs);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw outside('a symbolic link leads out of it');
  return { abs, rel: segments.join('/') };
}

/** Resolve a path that must be a post or a draft, as Jekyll would read it; `.git` and the like are refused. */
export function resolvePostPath(siteRoot: string, input: string): SitePath {
  const resolved = resolveInSite(siteRoot, input);
  if (!classifyPostPath(resolved.rel)) {
    throw new HanjiError('BAD_REQUEST', `${resolved.rel} is not a post or a draft (Jekyll reads posts from _posts and drafts from _drafts).`, {
      path: resolved.rel,
    });
  }
  return resolved;
}

/**
 * Join NFC segments onto `root` using the names as they are on disk: a file saved by macOS or
 * another tool may be named in NFD, and Linux file names are bytes, not normalized text.
 */
function onDiskPath(root: string, segments: string[]): string {
  let current = root;
  for (const segment of segments) {
    const direct = path.join(current, segment);
    if (existsSync(direct)) {
      current = direct;
      continue;
    }
    let entries: string[] = [];
    try {
      entries = readdirSync(current);
    } catch {
      // The parent is missing too: the rest of the path is new.
    }
    const match = entries.find((name) => name.normalize('NFC') === segment);
    current = path.join(current, match ?? segment);
  }
  return current;
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
