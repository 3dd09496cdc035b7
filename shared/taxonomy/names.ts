/** How a tag or category value in front matter is matched against the names a user typed. */
import { rubyToS } from '../jekyll/yaml';

/**
 * The name a front-matter item stands for, as Jekyll prints it (`2025` for the integer 2025);
 * null for items that are not names (null, maps, nested lists).
 */
export function taxonomyText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return rubyToS(value);
  return null;
}

/** What happens to one item of a list (or one word of a string) under an edit. */
export type ItemAction = { kind: 'keep' } | { kind: 'rename'; to: string } | { kind: 'drop' };

/**
 * The action for each item when every name in `from` becomes `to` (or goes, when `to` is null).
 * Renaming into a name the list already has drops the renamed items instead, and a second item
 * renamed to the same name is dropped too, so no post lists the new name twice because of the edit.
 */
export function itemActions(items: readonly unknown[], from: ReadonlySet<string>, to: string | null): ItemAction[] {
  const matches = items.map((item) => {
    const text = taxonomyText(item);
    return text !== null && from.has(text);
  });
  let placed = to !== null && items.some((item, i) => !matches[i] && taxonomyText(item) === to);
  return items.map((item, i): ItemAction => {
    if (!matches[i]) return { kind: 'keep' };
    if (to === null || placed) return { kind: 'drop' };
    placed = true;
    return item === to ? { kind: 'keep' } : { kind: 'rename', to };
  });
}

/** True when the actions change anything. */
export function changesAny(actions: readonly ItemAction[]): boolean {
  return actions.some((a) => a.kind !== 'keep');
}

/** The list after the actions. */
export function applyActions<T>(items: readonly T[], actions: readonly ItemAction[]): (T | string)[] {
  const out: (T | string)[] = [];
  items.forEach((item, i) => {
    const action = actions[i] ?? { kind: 'keep' };
    if (action.kind === 'keep') out.push(item);
    else if (action.kind === 'rename') out.push(action.to);
  });
  return out;
}
