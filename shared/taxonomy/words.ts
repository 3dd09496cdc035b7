/**
 * A space-separated `tags: a b c` string, edited word by word so that it stays a string with its
 * spacing: Jekyll splits it on ASCII whitespace (Ruby's `String#split`).
 */
import type { ItemAction } from './names';

/** The words of a string and the whitespace before each (and after the last). */
export interface Words {
  words: string[];
  /** `gaps[i]` precedes `words[i]`; `gaps[words.length]` trails the last word. */
  gaps: string[];
}

/** Split like Ruby's `String#split` with no argument, keeping the separators. */
export function splitWords(text: string): Words {
  const words: string[] = [];
  const gaps: string[] = [];
  const re = /([ \t\n\v\f\r]*)([^ \t\n\v\f\r]+)/gu;
  let end = 0;
  for (const m of text.matchAll(re)) {
    gaps.push(m[1] as string);
    words.push(m[2] as string);
    end = (m.index ?? 0) + m[0].length;
  }
  gaps.push(text.slice(end));
  return { words, gaps };
}

/** The string after the actions; a dropped word takes the whitespace before it (after it, when it is first). */
export function joinWords({ words, gaps }: Words, actions: readonly ItemAction[]): string {
  let out = '';
  let first = true;
  words.forEach((word, i) => {
    const action = actions[i] ?? { kind: 'keep' };
    if (action.kind === 'drop') return;
    out += first ? (gaps[0] as string) : (gaps[i] as string);
    out += action.kind === 'rename' ? action.to : word;
    first = false;
  });
  return out + (gaps[words.length] as string);
}
