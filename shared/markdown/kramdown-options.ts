/**
 * The kramdown options the emulation applies: `auto_ids`, from `_config.yml` (`kramdown:
 * auto_ids:`) and from `{::options auto_ids="…" /}` in the document. Other options are read and
 * ignored, as kramdown ignores unknown ones.
 *
 * kramdown's extension parser stores each `{::options}` value on the document root, and both the
 * GFM id pass (run once the whole document is parsed) and the converter read the merged value: the
 * last `{::options auto_ids}` of a document decides for every heading, those before it included
 * (checked with Jekyll 4.3.1 / kramdown 2.4.0). The emulation reads span extensions after every
 * block one, so a span `{::options auto_ids}` wins over a block one further down, unlike kramdown.
 */
import type { Env } from 'markdown-it';
import { parseAttributeList } from './kramdown-attributes';
import { kramdownState } from './kramdown-state';

/**
 * kramdown's `Options.parse` for a Boolean option (`options.rb:109`): a boolean is kept; anything
 * else is turned into a string and is true unless it is empty or `false` in any case, with
 * surrounding spaces ignored (`"no"` and `"0"` are true).
 */
export function parseKramdownBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value);
  return text.trim().toLowerCase() !== 'false' && text !== '';
}

/**
 * `auto_ids` from the site's plain `_config.yml` data. Jekyll's config merge keeps its default
 * (true) for a key that is missing or has no value (`auto_ids:`), so only a set value counts.
 */
export function configAutoIds(config: Record<string, unknown>): boolean {
  const kramdown = config['kramdown'];
  if (kramdown === null || typeof kramdown !== 'object' || Array.isArray(kramdown)) return true;
  const value = (kramdown as Record<string, unknown>)['auto_ids'];
  return value === null || value === undefined ? true : parseKramdownBoolean(value);
}

/**
 * Apply an `{::options …}` extension met while parsing (`attributes` is its text between the name
 * and the closing brace): its `auto_ids`, if it names one, replaces the document's. A later key of
 * the same name wins, as in kramdown.
 */
export function setAutoIds(env: Env, attributes: string): void {
  const value = parseAttributeList(attributes).attrs.get('auto_ids');
  if (value !== undefined) kramdownState(env).autoIds = parseKramdownBoolean(value);
}
