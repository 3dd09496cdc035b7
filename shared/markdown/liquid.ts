/**
 * Liquid for the preview, as `jekyll build` (4.3.1, Ruby Liquid 5.4, `error_mode: warn`, strict
 * filters and variables off) runs it on a post body before Markdown. liquidjs does the parsing and
 * rendering; liquid-filters.ts and liquid-tags.ts give it Jekyll's filters and tags.
 *
 * Where Jekyll would stop the build, the preview keeps going: the failing tag or output becomes an
 * inline notice (`<div class="liquid-error" role="note">Liquid error (line N): …</div>`) and a
 * problem, and the rest of the post renders. A syntax error is cut out of the text and the parse
 * retried, so one stray `{% endif %}` does not blank the preview.
 *
 * Nothing here reads files or the network: includes come from `context.include` only. Time, steps,
 * output size, include depth and liquidjs' allocations are bounded (see DEFAULT_LIMITS).
 */
import { Context, Liquid, LiquidError, type Emitter, type FS, type Template } from 'liquidjs';
import { DEFAULT_ZONE, isKnownZone, parseRubyTime } from '../jekyll/time';
import { RubyDate, RubyTime } from '../jekyll/yaml';
import { installJekyllFilters } from './liquid-filters';
import { DEFAULT_LIMITS, errorMessage, LiquidStop, noticeHtml, RenderState, stateOf, withFatalNote, type LiquidLimits, type LiquidOptions, type ParseCaches } from './liquid-state';
import { installJekyllTags } from './liquid-tags';
import { LiquidTime, timeInZone } from './liquid-time';
import type { LiquidContext, LiquidProblem, LiquidResult } from './types';

export { DEFAULT_LIMITS, type LiquidLimits, type LiquidOptions };

/**
 * Render the Liquid of a post body as Jekyll would, for the preview. Never throws: Liquid errors
 * and what the preview cannot show come back inline in `output` and as `problems`.
 */
export async function renderLiquid(source: string, context: LiquidContext, options: LiquidOptions = {}): Promise<LiquidResult> {
  try {
    return render(source, context, options);
  } catch (error) {
    // A bug here (or a caller's getter that throws) must not blank the preview either.
    const message = `the preview could not run Liquid: ${error instanceof Error ? error.message : String(error)}`;
    return { output: noticeHtml('error', null, message) + source, problems: [{ line: null, message }] };
  }
}

function render(source: string, context: LiquidContext, options: LiquidOptions): LiquidResult {
  const engine = theEngine();
  const limits: LiquidLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const zone = siteZone(context.site ?? {});
  const site = liquidSite(context.site ?? {}, zone);
  const state = new RenderState(context, site, zone, options, limits, engine);
  const parsed = engine.parseSource(source);

  let output: string;
  if (parsed.templates === null) {
    output = parsed.problems.map((p) => state.notice('error', p.line, p.message)).join('') + source;
  } else {
    const env = { site, page: liquidPage(context.page ?? {}, zone), jekyll: JEKYLL };
    const ctx = new Context(env, engine.liquid.options, { sync: true, ownPropertyOnly: true, strictVariables: false, memoryLimit: limits.memory }, { liquid: engine.liquid });
    state.attach(ctx);
    try {
      output = String(engine.liquid.renderSync(parsed.templates, ctx));
    } catch (error) {
      const written = state.root?.buffer ?? '';
      if (error instanceof LiquidStop) output = written + state.notice('error', error.line, error.message);
      else output = written + state.report(error, state.current);
    }
    output = placeParseNotices(output, parsed, state, engine.sentinel);
  }
  return { output, problems: byLine(state.problems) };
}

/** `jekyll` as Liquid sees it; "development" is what `jekyll build` says when JEKYLL_ENV is unset. */
const JEKYLL = Object.freeze({ version: '4.3.1', environment: 'development' });

/** The zone Jekyll formats dates in: `timezone` from `_config.yml`, else UTC. */
function siteZone(site: Record<string, unknown>): string {
  const zone = site['timezone'];
  return typeof zone === 'string' && isKnownZone(zone) ? zone : DEFAULT_ZONE;
}

interface ParsedSource {
  /** Null when the text could not be parsed even after cutting out errors. */
  templates: Template[] | null;
  /** Syntax errors, each cut out of the text and replaced by its sentinel. */
  problems: { line: number | null; message: string; sentinel: string }[];
}

interface Engine extends ParseCaches {
  liquid: Liquid;
  /** Private-use text that marks where a syntax error was, unique to this engine. */
  sentinel: string;
  parseSource(source: string): ParsedSource;
}

let engine: Engine | undefined;

/**
 * The one liquidjs instance: nothing in a LiquidContext changes how Liquid is configured (dates,
 * includes and URLs read the render's state), so every context shape shares it and its caches.
 */
function theEngine(): Engine {
  engine ??= createEngine();
  return engine;
}

/** liquidjs must never read a file: every lookup fails. */
const NO_FILES: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file) => Promise.reject(new Error(`no file access (${file})`)),
  readFileSync: (file) => {
    throw new Error(`no file access (${file})`);
  },
  resolve: (_dir, file) => file,
  contains: () => Promise.resolve(false),
  containsSync: () => false,
};

/** Syntax errors cut out of one text before giving up on it. */
const MAX_RECOVERIES = 50;
/** Texts and includes whose parse results are kept (the preview re-renders on every keystroke). */
const SOURCE_CACHE = 8;
const INCLUDE_CACHE = 300;
/** The largest text liquidjs parses in one go. */
const PARSE_LIMIT = 16 * 1024 * 1024;

function createEngine(): Engine {
  const liquid = new Liquid({
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    cache: false,
    parseLimit: PARSE_LIMIT,
    memoryLimit: DEFAULT_LIMITS.memory,
  });
  installJekyllFilters(liquid, { empty: liquid.evalValueSync('empty', {}), blank: liquid.evalValueSync('blank', {}) });
  installJekyllTags(liquid);
  liquid.renderer.renderTemplates = renderTemplates;

  const sentinel = `\uE000${Math.random().toString(36).slice(2, 10)}`;
  const sources = new LruCache<ParsedSource>(SOURCE_CACHE);
  const includes = new LruCache<Template[]>(INCLUDE_CACHE);
  return {
    liquid,
    sentinel,
    parseSource(source) {
      let parsed = sources.get(source);
      if (!parsed) sources.set(source, (parsed = parseRecovering(liquid, source, sentinel)));
      return parsed;
    },
    parseInclude(name, text) {
      const key = `${name}\u0000${text}`;
      let templates = includes.get(key);
      if (!templates) includes.set(key, (templates = liquid.parse(text, name)));
      return templates;
    },
  };
}

/**
 * liquidjs' `renderTemplates` with Ruby Liquid's non-strict behaviour: a template that fails writes
 * a notice where its output would be and rendering goes on. Every call counts a step (a loop body
 * with no templates is still an iteration); limits stop everything.
 */
function* renderTemplates(templates: Template[], ctx: Context, emitter?: Emitter): Generator<unknown, string, unknown> {
  const state = stateOf(ctx);
  const out = emitter ?? state.emitter();
  state.step(null);
  for (const tpl of templates) {
    state.step(tpl.token);
    try {
      const html: unknown = yield tpl.render(ctx, out);
      if (html) out.write(html);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      if (error instanceof LiquidStop) throw error;
      if (isResourceError(error)) throw state.stop(`the preview stopped rendering Liquid: ${errorMessage(error)}`);
      if (state.strict > 0) throw error;
      out.write(state.report(error, tpl.token));
    }
  }
  return out.buffer;
}

/** liquidjs' own limits and the JavaScript engine's: nothing after them can render. */
function isResourceError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /limit exceeded$/u.test(message) || error instanceof RangeError;
}

/** Parse `source`; on a syntax error, cut the offending tag out (keeping line numbers) and retry. */
function parseRecovering(liquid: Liquid, source: string, sentinel: string): ParsedSource {
  const problems: ParsedSource['problems'] = [];
  let text = source;
  for (let attempt = 0; ; attempt++) {
    try {
      return { templates: liquid.parse(text), problems };
    } catch (error) {
      const span = attempt < MAX_RECOVERIES ? offendingSpan(text, error) : null;
      const line = span ? lineAt(text, span.begin) : errorLine(error);
      const message = withFatalNote(`${errorMessage(error)}${/syntax error/iu.test(errorMessage(error)) ? '' : ' (syntax error)'}`);
      if (!span) {
        problems.push({ line, message, sentinel: '' });
        if (attempt >= MAX_RECOVERIES) problems.push({ line: null, message: `the preview gave up on Liquid after ${MAX_RECOVERIES} syntax errors`, sentinel: '' });
        return { templates: null, problems };
      }
      const mark = `${sentinel}-${problems.length}\uE001`;
      problems.push({ line, message, sentinel: mark });
      // The mark keeps the cut text's line breaks, so later errors keep their line numbers.
      const breaks = text.slice(span.begin, span.end).replace(/[^\n]/gu, '');
      text = text.slice(0, span.begin) + mark + breaks + text.slice(span.end);
    }
  }
}

/** What to cut for a syntax error: the tag or output it names, or just the `{{`/`{%` that never closes. */
function offendingSpan(text: string, error: unknown): { begin: number; end: number } | null {
  if (!LiquidError.is(error) || !error.token || error.token.input !== text) return null;
  const { begin, end } = error.token;
  const head = text.slice(begin, begin + 2);
  if (head === '{{' || head === '{%') {
    const unclosed = error.name === 'TokenizationError' && end >= text.length;
    return { begin, end: unclosed ? begin + 2 : Math.max(end, begin + 2) };
  }
  // The token is inside a tag's markup (`{% assign = 1 %}`) or right after it (an unclosed raw): cut that tag.
  const open = Math.max(text.lastIndexOf('{%', begin), text.lastIndexOf('{{', begin));
  if (open < 0) return end > begin ? { begin, end } : null;
  const close = text.indexOf(text.startsWith('{%', open) ? '%}' : '}}', open + 2);
  return { begin: open, end: close < 0 ? open + 2 : close + 2 };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function errorLine(error: unknown): number | null {
  if (!LiquidError.is(error) || !error.token) return null;
  const [line] = error.token.getPosition();
  return typeof line === 'number' ? line : null;
}

/** Each syntax error's notice where its mark landed first (other copies dropped), or at the start. */
function placeParseNotices(output: string, parsed: ParsedSource, state: RenderState, sentinel: string): string {
  if (parsed.problems.length === 0) return output;
  const placed = new Set<number>();
  const marks = new RegExp(`${sentinel}-(\\d+)\uE001`, 'gu');
  let result = output.replace(marks, (_whole, index: string) => {
    const i = Number(index);
    if (placed.has(i)) return '';
    placed.add(i);
    const problem = parsed.problems[i];
    return problem ? state.notice('error', problem.line, problem.message) : '';
  });
  const unplaced = parsed.problems.filter((problem, i) => !placed.has(i) && problem.sentinel !== '');
  if (unplaced.length > 0) result = unplaced.map((p) => state.notice('error', p.line, p.message)).join('') + result;
  return result;
}

/** Problems in the order of their lines (those without a line last). */
function byLine(problems: LiquidProblem[]): LiquidProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index)
    .map(({ problem }) => problem);
}

/** A Jekyll Time written as ISO 8601 (how Hanji's plain data carries `page.date`, `post.date`, `site.time`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[-+]\d{2}:?\d{2})$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Converted data per zone, by the identity of the caller's objects: `site.posts` is converted once, not per keystroke. */
const convertedByZone = new Map<string, WeakMap<object, unknown>>();

/**
 * The caller's plain data as Liquid should see it: frozen copies in which Times (`date` keys
 * holding ISO 8601 text, Date and RubyTime values) are Ruby Times in the site's zone. The caller's
 * objects are taken as immutable: a converted copy is reused while the same object is passed.
 */
function liquidData(value: unknown, zone: string, key?: string): unknown {
  if (typeof value === 'string') return key === 'date' && ISO_TIME.test(value) ? isoTime(value, zone) : value;
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return undefined;
  if (value instanceof LiquidTime) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : timeInZone(value.getTime(), zone);
  if (value instanceof RubyTime) return timeInZone(value.epochMs, zone);
  if (value instanceof RubyDate) return value.toString();
  let memo = convertedByZone.get(zone);
  if (!memo) convertedByZone.set(zone, (memo = new WeakMap()));
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    memo.set(value, copy);
    for (const item of value) copy.push(liquidData(item, zone));
    return Object.freeze(copy);
  }
  const copy: Record<string, unknown> = {};
  memo.set(value, copy);
  for (const [k, v] of Object.entries(value)) Object.defineProperty(copy, k, { value: liquidData(v, zone, k), enumerable: true });
  return Object.freeze(copy);
}

function isoTime(text: string, zone: string): LiquidTime | string {
  try {
    return timeInZone(parseRubyTime(text.replace(' ', 'T'), zone), zone);
  } catch {
    return text;
  }
}

/** `site`, with `site.time` a Time too. */
function liquidSite(site: Record<string, unknown>, zone: string): Record<string, unknown> {
  const converted = liquidData(site, zone) as Record<string, unknown>;
  const time = converted['time'];
  return typeof time === 'string' && ISO_TIME.test(time) ? Object.freeze({ ...converted, time: isoTime(time, zone) }) : converted;
}

/** `page`, whose `date` is always a Time in Jekyll, even when written as a day. */
function liquidPage(page: Record<string, unknown>, zone: string): Record<string, unknown> {
  const converted = liquidData(page, zone) as Record<string, unknown>;
  const date = converted['date'];
  return typeof date === 'string' && ISO_DAY.test(date) ? Object.freeze({ ...converted, date: isoTime(date, zone) }) : converted;
}

/** A small least-recently-used map. */
class LruCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}

  get(key: string): T | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}
