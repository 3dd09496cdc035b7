/**
 * Errors cross process boundaries as data. Every failure carries a code from a closed union
 * so that callers can switch on it exhaustively, and a message that tells the user what to do.
 */

/** Every reason an API call can fail. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_FRONT_MATTER',
  'OUTSIDE_SITE',
  'NO_SITE',
  'READ_ONLY',
  'GIT_FAILED',
  'BAD_REQUEST',
  'IO',
  'INTERNAL',
] as const;

/** A closed union of error codes; adding one is a contract change. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a GIT_FAILED call failed, so a face can offer the next step (Pull after NON_FAST_FORWARD…). */
export const GIT_REASONS = [
  'NOT_INSTALLED',
  'NOT_A_REPO',
  'NON_FAST_FORWARD',
  'DIVERGED',
  'AUTH',
  'OFFLINE',
  'TIMEOUT',
  'IN_PROGRESS',
  'CONFLICTS',
  'DETACHED_HEAD',
  'NO_UPSTREAM',
  'NO_REMOTE',
  'LOCAL_CHANGES',
  'NOTHING_TO_COMMIT',
  'NO_COMMITS',
  'UNSAFE_NAME',
  'UNKNOWN',
] as const;

/** A closed union of git failure reasons; only GIT_FAILED errors carry one. */
export type GitReason = (typeof GIT_REASONS)[number];

/** The serializable description of a failure. `path` is site-relative; `line`/`column` are 1-based. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  path?: string;
  line?: number;
  column?: number;
  /** Set on GIT_FAILED errors only. */
  reason?: GitReason;
}

/** The value every transport carries back: either the method's value or an error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error thrown on either side of a boundary; `toInfo()` is what crosses it. */
export class HanjiError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly reason?: GitReason;

  constructor(code: ErrorCode, message: string, where: { path?: string; line?: number; column?: number; reason?: GitReason } = {}) {
    super(message);
    this.name = 'HanjiError';
    this.code = code;
    if (where.path !== undefined) this.path = where.path;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.reason !== undefined) this.reason = where.reason;
  }

  /** The plain-data form that crosses a process boundary. */
  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.path !== undefined) info.path = this.path;
    if (this.line !== undefined) info.line = this.line;
    if (this.column !== undefined) info.column = this.column;
    if (this.reason !== undefined) info.reason = this.reason;
    return info;
  }

  /** Rebuild an error on the receiving side of a boundary. */
  static fromInfo(info: ErrorInfo): HanjiError {
    return new HanjiError(info.code, info.message, info);
  }
}

/** Wrap a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wrap an error as a failed Result. */
export function fail(code: ErrorCode, message: string, where: Omit<ErrorInfo, 'code' | 'message'> = {}): Result<never> {
  return { ok: false, error: new HanjiError(code, message, where).toInfo() };
}
