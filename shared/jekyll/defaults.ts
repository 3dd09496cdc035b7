/** Front-matter defaults as `FrontmatterDefaults#all` applies them. */
import type { DefaultsSet } from './config';

/**
 * Jekyll's `Utils.deep_merge_hashes`: maps merge key by key, anything else is replaced by
 * `overrides`, except that a null never replaces a value (`layout: null` keeps the default layout).
 */
export function deepMerge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = base[key];
  for (const key of Object.keys(overrides)) {
    const value = overrides[key];
    const current = out[key];
    if (value === null && Object.hasOwn(out, key)) continue;
    out[key] = isMap(current) && isMap(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** A YAML mapping (plain object), not a list, a Time or a Date. */
function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as object).constructor === Object;
}

function sanitizeScopePath(path: string): string {
  return path.replace(/^\/+/u, '').replace(/\/+$/u, '');
}

function appliesPath(scopePath: string, relPath: string): boolean {
  if (scopePath === '') return true;
  const scope = sanitizeScopePath(scopePath);
  if (scope.includes('*')) {
    // Jekyll globs the scope against the site; a `*` matches within one path segment.
    const pattern = new RegExp(`^${scope.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')).join('[^/]*')}(?:/|$)`, 'u');
    return pattern.test(relPath);
  }
  return relPath.startsWith(scope);
}

function hasPrecedence(old: DefaultsSet | null, next: DefaultsSet): boolean {
  if (!old) return true;
  const newLength = sanitizeScopePath(next.path).length;
  const oldLength = sanitizeScopePath(old.path).length;
  if (newLength !== oldLength) return newLength >= oldLength;
  return next.type !== null ? true : old.type === null;
}

/** The default values for a document at `relPath` of `type` (posts and drafts are both `posts`). */
export function defaultsFor(sets: readonly DefaultsSet[], relPath: string, type: string): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  let oldScope: DefaultsSet | null = null;
  for (const set of sets) {
    if ((set.type !== null && set.type !== type) || !appliesPath(set.path, relPath)) continue;
    if (hasPrecedence(oldScope, set)) {
      merged = deepMerge(merged, set.values);
      oldScope = set;
    } else {
      merged = deepMerge(set.values, merged);
    }
  }
  return merged;
}
