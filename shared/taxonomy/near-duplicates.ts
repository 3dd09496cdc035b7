/** Tags or categories that are probably the same name typed differently. */
import type { TaxonomyCount, TaxonomyName } from '../model/site';

/** One group of look-alike names, with the name a merge should keep. */
export interface NearDuplicateGroup {
  names: TaxonomyCount[];
  /** The most used name; on a tie, one without a trailing comma, in NFC, first seen. */
  suggestion: TaxonomyName;
}

/**
 * The key two names share when they differ only by case, spacing, Unicode normalization (NFC/NFD),
 * full-width forms (NFKC folds them) or a trailing comma (`tags: a, b` written as a string).
 */
export function nearDuplicateKey(name: TaxonomyName): string {
  return String(name).normalize('NFKC').toLowerCase().replace(/\s+/gu, '').replace(/,+$/u, '');
}

/** Groups of two or more distinct names with the same key, most used group first. */
export function nearDuplicateGroups(counts: readonly TaxonomyCount[]): NearDuplicateGroup[] {
  const byKey = new Map<string, TaxonomyCount[]>();
  for (const entry of counts) {
    const key = nearDuplicateKey(entry.name);
    if (key === '') continue;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const groups: NearDuplicateGroup[] = [];
  for (const names of byKey.values()) {
    if (names.length < 2) continue;
    const best = [...names].sort((a, b) => b.count - a.count || tidiness(b.name) - tidiness(a.name))[0] as TaxonomyCount;
    groups.push({ names, suggestion: best.name });
  }
  return groups.sort((a, b) => total(b) - total(a));
}

function tidiness(name: TaxonomyName): number {
  const text = String(name);
  return (text.endsWith(',') ? 0 : 2) + (text === text.normalize('NFC') ? 1 : 0);
}

function total(group: NearDuplicateGroup): number {
  return group.names.reduce((sum, n) => sum + n.count, 0);
}
