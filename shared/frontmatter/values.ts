/**
 * Plain-data helpers for front-matter values: the value type edits carry, structural equality
 * against what the YAML parser produced, and copy-on-write updates along a key path.
 */

/** A key path into the front matter: `['title']`, or `['sidebar', 'nav']` for nested maps. */
export type KeyPath = readonly string[];

/** A value an edit can write: what JSON can hold, read and written as YAML 1.1. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [k: string]: YamlValue };

/** A plain object as the YAML parser and JSON produce them (not a Date, Map, Set or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A value that is written as one YAML scalar. */
export function isScalarValue(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Structural equality between a parsed value (which may hold Dates, Sets, Maps from YAML 1.1 tags)
 * and an edit's value. A no-op edit is detected with it, so it must never call two different
 * documents equal: NaN equals NaN, Dates compare by instant, anything exotic only by identity.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** Why `value` is not a YamlValue (a path into it and a reason), or null when it is one. */
export function yamlValueProblem(value: unknown, seen: Set<object> = new Set()): string | null {
  if (isScalarValue(value)) return null;
  if (typeof value !== 'object' || value === undefined) return `${typeof value} cannot be written as YAML`;
  if (seen.has(value)) return 'the value contains itself';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = yamlValueProblem(value[i], seen);
        if (problem !== null) return `[${i}]: ${problem}`;
      }
      return null;
    }
    if (!isPlainObject(value)) return `${Object.prototype.toString.call(value)} cannot be written as YAML`;
    for (const [key, item] of Object.entries(value)) {
      const problem = yamlValueProblem(item, seen);
      if (problem !== null) return `${key}: ${problem}`;
    }
    return null;
  } finally {
    seen.delete(value);
  }
}

/**
 * `root` with `path` set to `value`, sharing every untouched branch with `root` so that equality
 * checks on the untouched parts stay cheap. A non-map on the way is replaced by a map, which is
 * what setting `a.b` on a scalar `a` has to mean.
 */
export function setIn(root: unknown, path: KeyPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const base = isPlainObject(root) ? root : {};
  return { ...base, [head]: setIn(base[head], rest, value) };
}

/** `root` without the key at `path`; `root` itself when the path does not exist. */
export function deleteIn(root: unknown, path: KeyPath): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !isPlainObject(root) || !Object.hasOwn(root, head)) return root;
  if (rest.length === 0) {
    const copy = { ...root };
    delete copy[head];
    return copy;
  }
  const inner = deleteIn(root[head], rest);
  return inner === root[head] ? root : { ...root, [head]: inner };
}

/** The value at `path`, or undefined when a step is missing or not a map. */
export function getIn(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}
