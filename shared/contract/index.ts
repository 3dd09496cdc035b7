/** The Hanji contract: one API, its events, its errors and the validators at every boundary. */
export type { SiteApi, MethodName, MethodArgs, MethodValue } from './api';
export type { SiteEvents, EventName, EventMessage, PostChangeKind } from './events';
export { ERROR_CODES, HanjiError, ok, fail } from './result';
export type { ErrorCode, ErrorInfo, Result } from './result';
export { METHODS, EVENTS, isMethodName, parseEventMessage } from './methods';
export { METHOD_NAMES } from './method-names';
export type { Bridge } from './bridge';
