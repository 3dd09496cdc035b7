/**
 * YAML text for values that have no text yet (new keys, new list items, a list where a string
 * was). Only scalars have a style to keep; new collections follow Jekyll habits: short lists of
 * scalars in flow style (`tags: [a, b]`), maps and everything else as indented blocks.
 */
import { canBePlain, doubleQuoted, scalarText } from './scalar-text';
import { isScalarValue } from './values';

/** Text that goes on the key's line, or whole lines (indented, each ending with a line break). */
export type ValueText = { inline: string } | { lines: string };

// A flow list longer than this goes on lines of its own.
const MAX_FLOW_WIDTH = 80;

/** A map key: plain when it reads back as the same string, else double-quoted. */
export function keyText(key: string, flow: boolean): string {
  return canBePlain(key, flow) && !/[:#]/u.test(key) ? key : doubleQuoted(key);
}

/** A value inside a flow collection (`[…]`, `{…}`): always on one line. */
export function flowText(value: unknown): string {
  if (isScalarValue(value)) return scalarText(value, true);
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${keyText(key, true)}: ${flowText(item)}`).join(', ')}}`;
}

/** A value in block context whose owner (key or `-`) children are indented by `indent` spaces. */
export function blockText(value: unknown, indent: number, eol: string): ValueText {
  if (isScalarValue(value)) return { inline: scalarText(value, false) };
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return { inline: '[]' };
    if (value.every(isScalarValue)) {
      const flow = flowText(value);
      if (flow.length <= MAX_FLOW_WIDTH) return { inline: flow };
    }
    return { lines: value.map((item) => `${pad}- ${itemText(item, indent + 2, eol)}${eol}`).join('') };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return { inline: '{}' };
  return { lines: entries.map(([key, item]) => `${pad}${pairText(key, item, indent, eol)}${eol}`).join('') };
}

/** `key: value` for a block map whose keys sit at `indent`, without the leading indentation or final line break. */
export function pairText(key: string, value: unknown, indent: number, eol: string): string {
  return pairLine(keyText(key, false), value, indent, eol);
}

/** Like pairText, with the key already spelled (an existing key keeps its own spelling). */
export function pairLine(key: string, value: unknown, indent: number, eol: string): string {
  const text = blockText(value, indent + 2, eol);
  return 'inline' in text ? `${key}: ${text.inline}` : `${key}:${eol}${withoutFinalBreak(text.lines, eol)}`;
}

/**
 * The text after `- ` for a block sequence item whose content is indented by `indent`: a block
 * value starts on the dash's line (`- name: x` / `  url: y`), which YAML allows and humans write.
 */
export function itemText(value: unknown, indent: number, eol: string): string {
  const text = blockText(value, indent, eol);
  return 'inline' in text ? text.inline : withoutFinalBreak(text.lines.slice(indent), eol);
}

function withoutFinalBreak(lines: string, eol: string): string {
  return lines.endsWith(eol) ? lines.slice(0, -eol.length) : lines;
}
