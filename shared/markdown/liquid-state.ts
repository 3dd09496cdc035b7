/**
 * What one `renderLiquid` call carries through liquidjs: the site's data, the limits that keep a
 * hostile post from hanging the preview, the include chain (to locate errors in the post), and the
 * problems found. Tags and filters reach it through the liquidjs Context's register.
 */
import { LiquidError, type Context, type Emitter, type Template, type Token } from 'liquidjs';
import type { LiquidContext, LiquidProblem } from './types';
import { escapeHtml, LiquidFailure, liquidOutput } from './liquid-values';

/** Bounds on one render; each stops the preview's Liquid with a notice, never a hang. */
export interface LiquidLimits {
  /** Wall-clock time of one render, in ms. */
  timeMs: number;
  /** Templates rendered (tags, outputs, text runs, loop bodies), counting every loop iteration. */
  steps: number;
  /** Characters written (output and captures together). */
  outputChars: number;
  /** Includes inside includes (Liquid stops at 100 with "Nesting too deep"). */
  includeDepth: number;
  /** liquidjs' allocation budget (array sizes, ranges, string building). */
  memory: number;
}

/** Enough for any real post (a 1 MB post renders in well under a second), small enough to stay responsive. */
export const DEFAULT_LIMITS: LiquidLimits = {
  timeMs: 2000,
  steps: 1_000_000,
  outputChars: 10 * 1024 * 1024,
  includeDepth: 100,
  memory: 50_000_000,
};

/** Options of `renderLiquid` besides the site context. */
export interface LiquidOptions {
  /** Jekyll's `markdownify` filter; without it the filter outputs its input HTML-escaped. */
  markdownify?: (text: string) => string;
  /** Tighter or looser bounds than DEFAULT_LIMITS. */
  limits?: Partial<LiquidLimits>;
  /** What `now` and `today` mean in date filters, in ms since the epoch (tests pin it); the clock by default. */
  nowMs?: number;
}

/** Why rendering stopped altogether (a limit): unlike a LiquidFailure, nothing after it renders. */
export class LiquidStop extends Error {
  constructor(
    message: string,
    /** The post line being rendered when it stopped. */
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'LiquidStop';
  }
}

/** The parse results one engine keeps between renders. */
export interface ParseCaches {
  /** Parse an include's text (cached by name and text); throws liquidjs' parse errors. */
  parseInclude(name: string, text: string): Template[];
}

const REGISTER = 'hanji-liquid';

/** The state of the render `ctx` belongs to. */
export function stateOf(ctx: Context): RenderState {
  const state = ctx.getRegister<RenderState | undefined>(REGISTER);
  if (!state) throw new Error('renderLiquid: a Liquid context without render state');
  return state;
}

/** What a notice box says and looks like. */
export type NoticeKind = 'error' | 'notice';

/** One render's state. */
export class RenderState {
  readonly problems: LiquidProblem[] = [];
  /** The include tags being rendered, outermost first; the first one is a tag of the post itself. */
  readonly includeStack: Token[] = [];
  /** Inside a tag's own markup or a highlight body, errors go to the tag instead of inline. */
  strict = 0;
  /** The first emitter: what was written when a limit stopped the render. */
  root: Emitter | null = null;
  /** The template being rendered, for the line of a limit notice. */
  current: Token | null = null;
  private steps = 0;
  private written = 0;
  private readonly deadline: number;
  private readonly includeTexts = new Map<string, string | null>();
  private readonly reported = new Set<string>();

  constructor(
    readonly context: LiquidContext,
    /** `site` as Liquid sees it (Times converted, frozen). */
    readonly site: Record<string, unknown>,
    /** The site's zone: every date is shown in it. */
    readonly zone: string,
    readonly options: LiquidOptions,
    readonly limits: LiquidLimits,
    readonly caches: ParseCaches,
  ) {
    this.deadline = Date.now() + limits.timeMs;
  }

  /** Attach this state to a liquidjs context. */
  attach(ctx: Context): void {
    ctx.setRegister(REGISTER, this);
  }

  /** Count one rendering step and check the time: a loop that never ends is cut off here. */
  step(token: Token | null): void {
    if (token) this.current = token;
    this.steps += 1;
    if (this.steps > this.limits.steps) throw this.stop(`the preview stopped rendering Liquid after ${this.limits.steps.toLocaleString('en-US')} steps (a loop that never ends?)`);
    if ((this.steps & 255) === 0 && Date.now() > this.deadline) throw this.stop(`the preview stopped rendering Liquid after ${this.limits.timeMs} ms (a loop that never ends?)`);
  }

  /** A LiquidStop located where rendering is now (includes are unwound by the time it is caught). */
  stop(message: string): LiquidStop {
    return new LiquidStop(message, this.lineOf(this.current));
  }

  /** A new emitter whose writes count against the output limit. */
  emitter(): Emitter {
    const charge = (length: number) => {
      this.written += length;
      if (this.written > this.limits.outputChars) throw this.stop(`the preview stopped rendering Liquid: its output passed ${this.limits.outputChars.toLocaleString('en-US')} characters`);
    };
    const emitter: Emitter = {
      buffer: '',
      write(value: unknown) {
        const text = liquidOutput(value);
        charge(text.length);
        this.buffer += text;
      },
    };
    this.root ??= emitter;
    return emitter;
  }

  /** The text of `_includes/<name>` through the caller's callback, asked once per render. */
  includeText(name: string): string | null {
    if (!this.includeTexts.has(name)) {
      let text: string | null;
      try {
        text = this.context.include(name);
      } catch {
        text = null;
      }
      this.includeTexts.set(name, typeof text === 'string' ? text : null);
    }
    return this.includeTexts.get(name) ?? null;
  }

  /** The 1-based line in the post of a template token: an include's content counts as its include tag's line. */
  lineOf(token: Token | null | undefined): number | null {
    const outer = this.includeStack[0] ?? token;
    if (!outer) return null;
    const [line] = outer.getPosition();
    return typeof line === 'number' ? line : null;
  }

  /** Record a problem and return its notice HTML (empty when the same problem was already shown). */
  notice(kind: NoticeKind, line: number | null, message: string): string {
    const key = `${kind}\u0000${line}\u0000${message}`;
    if (this.reported.has(key)) return '';
    this.reported.add(key);
    this.problems.push({ line, message });
    return noticeHtml(kind, line, message);
  }

  /** Report an error thrown while rendering `token`, and return its notice. */
  report(error: unknown, token: Token | null): string {
    const { kind, line, message } = this.describe(error, token);
    return this.notice(kind, line, message);
  }

  /** Where an error happened and what to say about it, in Jekyll's words where possible. */
  describe(error: unknown, fallback: Token | null): { kind: NoticeKind; line: number | null; message: string } {
    const token = (LiquidError.is(error) ? error.token : null) ?? fallback;
    const fatal = error instanceof LiquidFailure ? error.fatal : true;
    let message = errorMessage(error);
    // An error inside an include names the include file and its line there.
    if (token?.file && this.includeStack.length > 0 && !(error instanceof LiquidFailure && /\(in _includes\//u.test(message))) {
      message += ` (in _includes/${token.file}, line ${token.getPosition()[0]})`;
    }
    return { kind: fatal ? 'error' : 'notice', line: this.lineOf(token), message: fatal ? withFatalNote(message) : message };
  }
}

/** Jekyll stops on every Liquid exception; the notice says so. */
export function withFatalNote(message: string): string {
  return `${message.replace(/\.$/u, '')}; jekyll build will stop here`;
}

/** The notice the preview shows in place of what failed. */
export function noticeHtml(kind: NoticeKind, line: number | null, message: string): string {
  const label = kind === 'error' ? 'Liquid error' : 'Liquid notice';
  const where = line === null ? '' : ` (line ${line})`;
  return `<div class="liquid-${kind}" role="note">${escapeHtml(`${label}${where}: ${message}`)}</div>`;
}

/** A notice as noticeHtml writes it (its text is escaped, so it holds no `<`). */
export const NOTICE_RE = /<div class="liquid-(?:error|notice)" role="note">[^<]*<\/div>/u;

/** liquidjs' message without its `, line:1, col:3` suffix, reworded as Ruby's Liquid says it. */
export function errorMessage(error: unknown): string {
  if (error instanceof LiquidFailure) return error.message;
  let message: string;
  if (LiquidError.is(error)) message = error.originalError?.message ?? error.message.replace(/, (?:file:.*?, )?line:\d+, col:\d+$/su, '');
  else message = error instanceof Error ? error.message : String(error);
  // Marks where earlier syntax errors were cut out are private; they read as an ellipsis.
  return rubyWording(message.replace(/\uE000[^\uE001]*\uE001/gu, '…'));
}

/** The few liquidjs messages bloggers meet, in the words Jekyll's log uses. */
function rubyWording(message: string): string {
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  let m = /^tag "([^"]+)" not found$/u.exec(message);
  if (m) return `Unknown tag '${m[1]}'`;
  m = /^tag \{%-?\s*(\S+)[\s\S]*not closed$/u.exec(message);
  if (m) return `'${m[1]}' tag was never closed`;
  m = /^raw "\{%-?\s*raw[\s\S]*not closed$/u.exec(message);
  if (m) return `'raw' tag was never closed`;
  m = /^output "([\s\S]*)" not closed$/u.exec(message);
  if (m) return `Variable '${short(m[1] ?? '')}' was not properly terminated with regexp: /\\}\\}/`;
  m = /^tag "([\s\S]*)" not closed$/u.exec(message);
  if (m) return `Tag '${short(m[1] ?? '')}' was not properly terminated with regexp: /%\\}/`;
  return message;
}
