import { RubyDate, RubyTime } from './yaml';

/**
 * YAML data as plain JSON values, for sending across a process boundary and for Liquid: a Time
 * becomes its ISO 8601 instant, a Date `YYYY-MM-DD`, a non-finite number its Ruby spelling.
 */
export function toPlainData(value: unknown): unknown {
  if (value instanceof RubyTime) return new Date(value.epochMs).toISOString();
  if (value instanceof RubyDate) return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainData(v)]));
  return value;
}
