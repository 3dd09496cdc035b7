/**
 * Liquid filters as a Jekyll 4.3 build has them (Liquid 5.4's standard filters plus
 * `Jekyll::Filters`), on top of liquidjs: Jekyll's filters are written here from its source
 * (`filters.rb`, `filters/*.rb`), liquidjs filters Ruby's Liquid lacks are removed (an unknown
 * filter passes its input through, as Jekyll's non-strict filters do), and standard filters whose
 * liquidjs behaviour differs from Ruby's where a blog would notice (`date`, `divided_by`,
 * `modulo`) are replaced.
 */
import { Value, isTruthy, type Context, type Liquid } from 'liquidjs';
import { slugify, type SlugifyMode } from '../jekyll/slugify';
import { localized, strftime, toLiquidTime, type LiquidTime } from './liquid-time';
import { smartify } from './liquid-smartify';
import { stateOf } from './liquid-state';
import { absoluteUrl, cgiEscape, relativeUrl, stripIndex, uriEscape, xmlEscape } from './liquid-urls';
import {
  compareCodePoints,
  escapeHtml,
  isHash,
  isNil,
  itemProperty,
  LiquidFailure,
  plain,
  rubyArray,
  rubyClass,
  rubyCompare,
  rubyInspect,
  rubyJson,
  rubyToI,
  rubyToS,
} from './liquid-values';

/** What liquidjs binds `this` to in a filter. */
interface FilterThis {
  context: Context;
  liquid: Liquid;
  token: { args: unknown[] };
}

type Filter = (this: FilterThis, input: unknown, ...args: unknown[]) => unknown;

/** Liquid 5.4's StandardFilters and Jekyll 4.3's filters: every other name is an unknown filter. */
const JEKYLL_FILTERS = new Set(
  (
    'abs append at_least at_most base64_decode base64_encode base64_url_safe_decode base64_url_safe_encode capitalize ceil compact concat ' +
    'date default divided_by downcase escape escape_once first floor h join last lstrip map minus modulo newline_to_br plus prepend remove ' +
    'remove_first remove_last replace replace_first replace_last reverse round rstrip size slice sort sort_natural split strip strip_html ' +
    'strip_newlines times truncate truncatewords uniq upcase url_decode url_encode where ' +
    'absolute_url array_to_sentence_string cgi_escape date_to_long_string date_to_rfc822 date_to_string date_to_xmlschema find find_exp ' +
    'group_by group_by_exp inspect jsonify markdownify normalize_whitespace number_of_words pop push relative_url sample sassify scssify ' +
    'shift slugify smartify strip_index to_integer unshift uri_escape where_exp xml_escape'
  ).split(' '),
);

/** liquidjs' `empty` and `blank` literals, which `where` compares specially. */
export interface LiquidLiterals {
  empty: unknown;
  blank: unknown;
}

/** Make `liquid`'s filters those of Jekyll 4.3 (see the module comment). */
export function installJekyllFilters(liquid: Liquid, literals: LiquidLiterals): void {
  const base64Encode = liquid.filters['base64_encode'];
  const base64Decode = liquid.filters['base64_decode'];
  const escape = liquid.filters['escape'];
  for (const name of Object.keys(liquid.filters)) if (!JEKYLL_FILTERS.has(name)) liquid.unregisterFilter(name);

  const filters: Record<string, Filter> = {
    date,
    date_to_xmlschema(input) {
      return jekyllDate(this, input, (t) => strftime(t, '%Y-%m-%dT%H:%M:%S%:z'));
    },
    date_to_rfc822(input) {
      return jekyllDate(this, input, (t) => strftime(t, '%a, %d %b %Y %H:%M:%S %z'));
    },
    date_to_string(input, type, style) {
      return jekyllDate(this, input, (t) => stringifyDate(t, '%b', plain(type), plain(style)));
    },
    date_to_long_string(input, type, style) {
      return jekyllDate(this, input, (t) => stringifyDate(t, '%B', plain(type), plain(style)));
    },
    relative_url(input) {
      return relativeUrl(input, stateOf(this.context).context.baseurl);
    },
    absolute_url(input) {
      const state = stateOf(this.context);
      return absoluteUrl(input, state.site['url'], state.context.baseurl);
    },
    strip_index: (input) => stripIndex(input),
    xml_escape: (input) => xmlEscape(input),
    cgi_escape: (input) => cgiEscape(input),
    uri_escape: (input) => uriEscape(input),
    slugify(input, mode) {
      const v = plain(input);
      if (isNil(v)) return null;
      const m = plain(mode);
      const chosen = isNil(m) ? 'default' : rubyToS(m);
      return slugify(rubyToS(v), (['raw', 'default', 'pretty', 'ascii', 'latin'].includes(chosen) ? chosen : 'none') as SlugifyMode);
    },
    markdownify(input) {
      const markdownify = stateOf(this.context).options.markdownify;
      return markdownify ? markdownify(rubyToS(input)) : escapeHtml(rubyToS(input));
    },
    smartify(input) {
      const kramdown = stateOf(this.context).site['kramdown'];
      return smartify(input, isHash(kramdown) ? kramdown['smart_quotes'] : undefined);
    },
    sassify(input) {
      throw new LiquidFailure(`sassify: the preview cannot compile Sass (${rubyToS(input).length} characters left out)`, false);
    },
    scssify(input) {
      throw new LiquidFailure(`scssify: the preview cannot compile Sass (${rubyToS(input).length} characters left out)`, false);
    },
    jsonify: (input) => rubyJson(input),
    inspect: (input) => xmlEscape(rubyInspect(input)),
    normalize_whitespace: (input) => rubyToS(input).replace(/[\t\n\v\f\r ]+/gu, ' ').replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/gu, ''),
    number_of_words: (input, mode) => numberOfWords(rubyToS(input), plain(mode)),
    array_to_sentence_string: (input, connector) => arrayToSentence(input, isNil(plain(connector)) ? 'and' : rubyToS(connector)),
    to_integer(input) {
      const v = plain(input);
      if (v === true) return 1;
      if (v === false) return 0;
      return rubyToI(v);
    },
    where(input, property, value) {
      const v = plain(input);
      const target = value === literals.empty || value === literals.blank ? EMPTY_TARGET : plain(value);
      if (!truthy(property) || Array.isArray(target) || isHash(target)) return input;
      if (!Array.isArray(v) && !isHash(v)) return input;
      const key = rubyToS(property);
      return collection(v).filter((item) => matches(itemProperty(item, key), target));
    },
    find(input, property, value) {
      const v = plain(input);
      const target = value === literals.empty || value === literals.blank ? EMPTY_TARGET : plain(value);
      if (!truthy(property) || Array.isArray(target) || isHash(target)) return input;
      if (!Array.isArray(v) && !isHash(v)) return input;
      const key = rubyToS(property);
      return collection(v).find((item) => matches(itemProperty(item, key), target)) ?? null;
    },
    *where_exp(input, variable, expression) {
      const v = plain(input);
      if (!Array.isArray(v) && !isHash(v)) return input;
      const selected: unknown[] = [];
      for (const item of collection(v)) if (yield* evaluate(this, rubyToS(variable), item, rubyToS(expression), true)) selected.push(item);
      return selected;
    },
    *find_exp(input, variable, expression) {
      const v = plain(input);
      if (!Array.isArray(v) && !isHash(v)) return input;
      for (const item of collection(v)) if (yield* evaluate(this, rubyToS(variable), item, rubyToS(expression), true)) return item;
      return null;
    },
    group_by(input, property) {
      const v = plain(input);
      if (!Array.isArray(v) && !isHash(v)) return input;
      const key = rubyToS(property);
      const items = collection(v, true);
      return grouped(items, items.map((item) => rubyToS(itemProperty(item, key))));
    },
    *group_by_exp(input, variable, expression) {
      const v = plain(input);
      if (!Array.isArray(v) && !isHash(v)) return input;
      const items = collection(v, true);
      const names: unknown[] = [];
      for (const item of items) names.push(yield* evaluate(this, rubyToS(variable), item, rubyToS(expression), false));
      return grouped(items, names);
    },
    sort(input, property, nils) {
      const v = plain(input);
      if (isNil(v)) throw new LiquidFailure('Cannot sort a null object.');
      const items = Array.isArray(v) ? v : isHash(v) ? Object.entries(v) : null;
      if (!items) throw new LiquidFailure(`undefined method \`sort' for ${rubyInspect(v)}:${rubyClass(v)}`);
      if (isNil(plain(property))) return rubySort(items);
      const order = isNil(plain(nils)) ? 'first' : rubyToS(nils);
      if (order !== 'first' && order !== 'last') throw new LiquidFailure(`Invalid nils order: '${order}' is not a valid nils order. It must be 'first' or 'last'.`);
      return sortByProperty(items, rubyToS(property), order === 'first' ? -1 : 1);
    },
    pop(input, count) {
      const v = plain(input);
      if (!Array.isArray(v)) return input;
      const n = liquidInteger(count ?? 1);
      if (n < 0) throw new LiquidFailure('negative array size');
      return v.slice(0, Math.max(0, v.length - n));
    },
    push(input, item) {
      const v = plain(input);
      return Array.isArray(v) ? [...v, plain(item)] : input;
    },
    shift(input, count) {
      const v = plain(input);
      if (!Array.isArray(v)) return input;
      const n = liquidInteger(count ?? 1);
      if (n < 0) throw new LiquidFailure('negative array size');
      return v.slice(n);
    },
    unshift(input, item) {
      const v = plain(input);
      return Array.isArray(v) ? [plain(item), ...v] : input;
    },
    sample(input, count) {
      const v = plain(input);
      if (!Array.isArray(v)) return input;
      let n: number;
      try {
        n = liquidInteger(count ?? 1);
      } catch {
        n = 1;
      }
      // Deterministic on purpose: a preview that changes on every keystroke would be useless.
      return n === 1 ? (v[0] ?? null) : v.slice(0, Math.max(0, n));
    },
    divided_by(input, operand) {
      const [x, xFloat] = liquidNumber(input);
      const [y, yFloat] = liquidNumber(operand, isFloatLiteral(this, 0));
      if (y === 0) throw new LiquidFailure('divided by 0');
      return xFloat || yFloat ? x / y : Math.floor(x / y);
    },
    modulo(input, operand) {
      const [x] = liquidNumber(input);
      const [y] = liquidNumber(operand, isFloatLiteral(this, 0));
      if (y === 0) throw new LiquidFailure('divided by 0');
      // Ruby's modulo takes the divisor's sign.
      return ((x % y) + y) % y;
    },
  };
  for (const [name, handler] of Object.entries(filters)) liquid.registerFilter(name, handler);
  if (escape) liquid.registerFilter('h', escape);
  if (base64Encode) {
    const encode = typeof base64Encode === 'function' ? base64Encode : base64Encode.handler;
    liquid.registerFilter('base64_url_safe_encode', function (this: FilterThis, input: unknown) {
      return String(encode.call(this as never, input)).replace(/\+/gu, '-').replace(/\//gu, '_');
    });
  }
  if (base64Decode) {
    const decode = typeof base64Decode === 'function' ? base64Decode : base64Decode.handler;
    liquid.registerFilter('base64_url_safe_decode', function (this: FilterThis, input: unknown) {
      return decode.call(this as never, rubyToS(input).replace(/-/gu, '+').replace(/_/gu, '/'));
    });
  }
}

/** Liquid's `date`: Ruby strftime in the time's own offset (a string's written zone is kept). */
function date(this: FilterThis, input: unknown, format: unknown): unknown {
  const f = plain(format);
  if (isNil(f) || rubyToS(f) === '') return input;
  const time = toLiquidTime(plain(input), stateOf(this.context).zone, stateOf(this.context).options.nowMs);
  return time ? strftime(time, rubyToS(f)) : input;
}

/** Jekyll's date filters: empty input stays, anything unreadable stops the build, times shown in the site's zone. */
function jekyllDate(self: FilterThis, input: unknown, format: (time: LiquidTime) => string): unknown {
  const v = plain(input);
  if (rubyToS(v) === '') return input;
  const state = stateOf(self.context);
  const time = toLiquidTime(v, state.zone, state.options.nowMs);
  if (!time) throw new LiquidFailure(`Invalid Date: '${rubyInspect(v)}' is not a valid datetime.`);
  return format(localized(time, state.zone));
}

/** `stringify_date`: `02 Mar 2025`, `2nd Mar 2025`, or `Mar 2nd, 2025` (US). */
function stringifyDate(time: LiquidTime, month: string, type: unknown, style: unknown): string {
  if (type === 'ordinal') {
    const day = Number(strftime(time, '%-d'));
    const suffix = day >= 11 && day <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
    return style === 'US' ? strftime(time, `${month} ${day}${suffix}, %Y`) : strftime(time, `${day}${suffix} ${month} %Y`);
  }
  return strftime(time, `%d ${month} %Y`);
}

const CJK = /[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}]/gu;
const NON_CJK_WORD = /[^\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}\t\n\v\f\r ]+/gu;

/** `number_of_words`: whitespace-separated words; `cjk` counts each CJK character; `auto` only when there is one. */
function numberOfWords(text: string, mode: unknown): number {
  const words = () => text.split(/[\t\n\v\f\r ]+/u).filter((w) => w !== '').length;
  const cjk = () => text.match(CJK)?.length ?? 0;
  const others = () => text.match(NON_CJK_WORD)?.length ?? 0;
  if (mode === 'cjk') return cjk() + others();
  if (mode === 'auto') {
    const count = cjk();
    return count === 0 ? words() : count + others();
  }
  return words();
}

/** Ruby's `Array#join`: nested arrays joined too, items by `to_s`. */
function rubyJoin(items: readonly unknown[], separator: string): string {
  return items.map((item) => (Array.isArray(item) ? rubyJoin(item, separator) : rubyToS(item))).join(separator);
}

/** `array_to_sentence_string`: `a, b, and c`. */
function arrayToSentence(input: unknown, connector: string): string {
  const v = plain(input);
  if (!Array.isArray(v)) return rubyToS(v);
  if (v.length === 0) return '';
  if (v.length === 1) return rubyToS(v[0]);
  if (v.length === 2) return `${rubyToS(v[0])} ${connector} ${rubyToS(v[1])}`;
  return `${rubyJoin(v.slice(0, -1), ', ')}, ${connector} ${rubyToS(v[v.length - 1])}`;
}

/** Ruby truthiness: only nil and false are false. */
function truthy(value: unknown): boolean {
  const v = plain(value);
  return !isNil(v) && v !== false;
}

/** The items a filter walks: an array, or a hash's values (its pairs for `group_by`, as Ruby's Hash#group_by). */
function collection(value: unknown[] | Record<string, unknown>, pairs = false): unknown[] {
  if (Array.isArray(value)) return value;
  return pairs ? Object.entries(value) : Object.values(value);
}

const EMPTY_TARGET = Symbol('empty');

/** Jekyll's `compare_property_vs_target`. */
function matches(property: unknown, target: unknown): boolean {
  if (isNil(target)) return isNil(property);
  if (target === EMPTY_TARGET) return property === '' || rubyJoin(rubyArray(property), '') === '';
  const text = rubyToS(target);
  if (typeof property === 'string') return property === text;
  return rubyArray(property).some((item) => rubyToS(item) === text);
}

const expressions = new Map<string, Value>();

/** Evaluate a `*_exp` filter's expression with `variable` bound to `item`; its truthiness or its value. */
function* evaluate(self: FilterThis, variable: string, item: unknown, expression: string, asCondition: boolean): Generator<unknown, unknown, unknown> {
  let value = expressions.get(expression);
  if (!value) {
    value = new Value(expression, self.liquid);
    if (expressions.size > 500) expressions.clear();
    expressions.set(expression, value);
  }
  self.context.push({ [variable]: item });
  try {
    const result: unknown = yield value.value(self.context, false);
    return asCondition ? isTruthy(result, self.context) : plain(result);
  } finally {
    self.context.pop();
  }
}

/** `grouped_array`: `{name, items, size}` per distinct name, in first-seen order. */
function grouped(items: readonly unknown[], names: readonly unknown[]): Record<string, unknown>[] {
  const groups = new Map<string, { name: unknown; items: unknown[] }>();
  for (const [index, item] of items.entries()) {
    const name = names[index];
    // Ruby hash keys: 1 and "1" are different groups.
    const key = `${typeof name}\u0000${rubyInspect(name)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()].map((group) => ({ name: group.name, items: group.items, size: group.items.length }));
}

/** Ruby's `Array#sort`, which fails on values it cannot compare. */
function rubySort(items: readonly unknown[]): unknown[] {
  // Neighbours first, so that the message names the pair in the order Ruby meets a two-item array.
  for (let i = 0; i + 1 < items.length; i++) {
    if (rubyCompare(items[i], items[i + 1]) === null) throw new LiquidFailure(`comparison of ${rubyClass(items[i])} with ${describeOperand(items[i + 1])} failed`);
  }
  return [...items].sort((a, b) => {
    const order = rubyCompare(a, b);
    if (order === null) throw new LiquidFailure(`comparison of ${rubyClass(a)} with ${describeOperand(b)} failed`);
    return order;
  });
}

/** How Ruby's `rb_cmperr` names the right operand: immediates (nil, booleans, numbers) by value, others by class. */
function describeOperand(value: unknown): string {
  const v = plain(value);
  return isNil(v) || typeof v === 'boolean' || typeof v === 'number' ? rubyInspect(v) : rubyClass(v);
}

/** Jekyll's `sort_input`: by a property, nils first (`order` -1) or last (1), then by `<=>`, then by `to_s`. */
function sortByProperty(items: readonly unknown[], property: string, order: -1 | 1): unknown[] {
  const decorated = items.map((item) => [itemProperty(item, property), item] as const);
  decorated.sort(([a], [b]) => {
    const aNil = isNil(a);
    const bNil = isNil(b);
    if (!aNil && bNil) return -order;
    if (aNil && !bNil) return order;
    return rubyCompare(a, b) ?? compareCodePoints(rubyToS(a), rubyToS(b));
  });
  return decorated.map(([, item]) => item);
}

/** `Liquid::Utils.to_integer`: an Integer, or a string that is one; anything else raises. */
function liquidInteger(value: unknown): number {
  const v = plain(value);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const text = rubyToS(v).trim();
  if (/^[-+]?\d+(?:_\d+)*$/u.test(text)) return Number(text.replaceAll('_', ''));
  throw new LiquidFailure('invalid integer');
}

/** `Liquid::Utils.to_number`, with whether Ruby would hold a Float (JSON data cannot say: whole numbers are Integers). */
function liquidNumber(value: unknown, floatLiteral = false): [number, boolean] {
  const v = plain(value);
  if (typeof v === 'number') return [v, floatLiteral || !Number.isInteger(v)];
  if (typeof v === 'string') {
    const text = v.trim();
    if (/^-?\d+\.\d+$/u.test(text)) return [Number(text), true];
    return [rubyToI(text), false];
  }
  return [0, false];
}

/** Whether a filter's argument was written as a float literal (`4.0`), which JavaScript reads as 4. */
function isFloatLiteral(self: FilterThis, index: number): boolean {
  const arg = self.token.args[index] as { getText?: () => string } | undefined;
  return typeof arg?.getText === 'function' && /^-?\d+\.\d+$/u.test(arg.getText());
}
