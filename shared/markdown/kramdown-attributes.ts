/**
 * kramdown's inline attribute lists (`{: #id .class key="value" ref}`) and attribute list
 * definitions (`{:ref: .class}`), as `parser/kramdown/extensions.rb` reads them.
 */
import type { Token } from 'markdown-it';

/** Attributes from one IAL: `class` accumulates, other keys overwrite; `refs` name ALDs. */
export interface AttributeList {
  attrs: Map<string, string>;
  refs: string[];
}

// ALD_TYPE_ANY: a key="value" pair, a reference name, or a run of #id and .class parts, each
// preceded by the start or a space and followed by a space or the end. Ruby's \w is ASCII.
const ALD_ITEM_RE = /(?:^|\s)(?:([A-Za-z0-9_][\w-]*)=("|')((?:\\\}|\\\2|[^}])*?)\2|([A-Za-z0-9_][\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;
const ID_OR_CLASS_RE = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** Parse the inside of `{: … }` (without the braces and colon). */
export function parseAttributeList(text: string, into: AttributeList = { attrs: new Map(), refs: [] }): AttributeList {
  if (text.trim() === '' || text.trim() === ':') return into;
  for (const item of text.matchAll(ALD_ITEM_RE)) {
    if (item[1] !== undefined) {
      const quote = item[2]!;
      into.attrs.set(item[1], item[3]!.replace(new RegExp(`\\\\(\\}|${quote})`, 'g'), '$1'));
    } else if (item[4] !== undefined) {
      into.refs.push(item[4]);
    } else if (item[5] !== undefined) {
      for (const part of item[5].matchAll(ID_OR_CLASS_RE)) {
        if (part[2] !== undefined) addClass(into.attrs, part[2]);
        else into.attrs.set('id', part[1]!);
      }
    }
  }
  return into;
}

function addClass(attrs: Map<string, string>, cls: string): void {
  const before = attrs.get('class');
  attrs.set('class', before ? `${before} ${cls}` : cls);
}

/**
 * The attributes an IAL gives, with its ALD references resolved first (kramdown's
 * `update_attr_with_ial`), so the IAL's own values win and classes add up.
 */
export function resolveAttributes(list: AttributeList, alds: ReadonlyMap<string, AttributeList>, seen = new Set<string>()): [string, string][] {
  const out = new Map<string, string>();
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    if (!ald || seen.has(ref)) continue;
    seen.add(ref);
    for (const [key, value] of resolveAttributes(ald, alds, seen)) setAttribute(out, key, value);
  }
  for (const [key, value] of list.attrs) setAttribute(out, key, value);
  return [...out];
}

function setAttribute(attrs: Map<string, string>, key: string, value: string): void {
  if (key === 'class') addClass(attrs, value);
  else attrs.set(key, value);
}

/** Apply resolved attributes to a token: classes are appended, other keys replace. */
export function applyAttributes(token: Token, attrs: readonly [string, string][]): void {
  for (const [key, value] of attrs) {
    if (key === 'class') {
      const before = token.attrGet('class');
      token.attrSet('class', before ? `${String(before)} ${value}`.trim() : value);
    } else {
      token.attrSet(key, value);
    }
  }
}
