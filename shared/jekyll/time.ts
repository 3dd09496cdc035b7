/**
 * Dates as Jekyll computes them: always in the site's `timezone` (Jekyll sets ENV["TZ"] from
 * `_config.yml`), never in the zone of the machine Hanji runs on. Built on Intl's time-zone data.
 */

/** A moment seen in a time zone: the wall-clock parts and the zone's offset then. */
export interface ZonedTime {
  epochMs: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

/** Zone used when `_config.yml` sets none: GitHub Pages builds in UTC. */
export const DEFAULT_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows `zone` (an IANA name such as `Asia/Seoul`). */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset at `epochMs` straight from Intl (slow: about 10 µs a call). */
function intlOffsetMinutes(epochMs: number, zone: string): number {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(seconds))) parts[part.type] = part.value;
  const yearOfEra = Number(parts['year']);
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - yearOfEra : yearOfEra;
  const asUtc = utcMs(year, Number(parts['month']), Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return Math.round((asUtc - seconds) / 60_000);
}

const DAY_MS = 86_400_000;
/** Per zone and UTC year: the offsets in force, as [from, offsetMinutes] segments in time order. */
const segmentsByZone = new Map<string, Map<number, [number, number][]>>();

/**
 * A year's offset segments: the offset sampled weekly (no zone changes twice within a week), each
 * change located to the second by bisection. Indexing 10,000 posts then costs about a hundred
 * Intl calls per year instead of six per post.
 */
function yearSegments(zone: string, year: number): [number, number][] {
  let years = segmentsByZone.get(zone);
  if (!years) segmentsByZone.set(zone, (years = new Map()));
  let segments = years.get(year);
  if (segments) return segments;
  const start = utcMs(year, 1, 1) - DAY_MS;
  const end = utcMs(year + 1, 1, 1) + DAY_MS;
  segments = [[start, intlOffsetMinutes(start, zone)]];
  const step = 7 * DAY_MS;
  for (let t = start + step; t < end + step; t += step) {
    const offset = intlOffsetMinutes(t, zone);
    const last = segments[segments.length - 1] as [number, number];
    if (offset === last[1]) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffsetMinutes(mid, zone) === last[1]) lo = mid;
      else hi = mid;
    }
    segments.push([hi, offset]);
  }
  years.set(year, segments);
  return segments;
}

let lastYear: { zone: string; from: number; to: number; segments: [number, number][] } = { zone: '', from: 0, to: 0, segments: [] };

/** Minutes east of UTC in `zone` at `epochMs`. */
export function offsetMinutesAt(epochMs: number, zone: string): number {
  // Posts come in runs of nearby dates: the last year looked up usually holds this instant too.
  let segments: [number, number][];
  if (zone === lastYear.zone && epochMs >= lastYear.from && epochMs < lastYear.to) segments = lastYear.segments;
  else {
    const year = new Date(epochMs).getUTCFullYear();
    segments = yearSegments(zone, year);
    lastYear = { zone, from: utcMs(year, 1, 1), to: utcMs(year + 1, 1, 1), segments };
  }
  let offset = (segments[0] as [number, number])[1];
  for (const [from, value] of segments) {
    if (from > epochMs) break;
    offset = value;
  }
  return offset;
}

/** The wall clock in `zone` at `epochMs`. */
export function inZone(epochMs: number, zone: string): ZonedTime {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const offsetMinutes = offsetMinutesAt(seconds, zone);
  const wall = new Date(seconds + offsetMinutes * 60_000);
  return {
    epochMs: seconds,
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offsetMinutes,
  };
}

/** Date.UTC for any year (Date.UTC maps years 0-99 to 1900-1999). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(Date.UTC(year + 400, month - 1, day, hour, minute, second));
  date.setUTCFullYear(date.getUTCFullYear() - 400);
  return date.getTime();
}

/**
 * The instant of a wall-clock time in `zone`, like Ruby's `Time.local` under ENV["TZ"]: days past
 * the month's end roll over (Feb 30 is Mar 2), and a time skipped by DST moves forward.
 */
export function fromZonedWallClock(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = utcMs(year, month, day, hour, minute, second);
  const first = wall - offsetMinutesAt(wall, zone) * 60_000;
  const firstOffset = offsetMinutesAt(first, zone);
  const next = wall - firstOffset * 60_000;
  return offsetMinutesAt(next, zone) === firstOffset ? next : Math.max(first, next);
}

/** `2025-01-15T07:30:00+09:00`: ISO 8601 with the zone's offset at that moment. */
export function formatIsoInZone(epochMs: number, zone: string): string {
  const t = inZone(epochMs, zone);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(t.offsetMinutes);
  return `${t.year < 0 ? '-' : ''}${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** Why a date could not be read, in the words Jekyll would use. */
export class InvalidDate extends Error {
  constructor(readonly input: string) {
    super(`Invalid date '${input}': Jekyll stops the build on it`);
    this.name = 'InvalidDate';
  }
}

/** Ruby's two-digit year completion (Date._parse): 69-99 are 19xx, 00-68 are 20xx. */
function completeYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year >= 69 ? 1900 + year : 2000 + year;
}

/** Zone abbreviations Ruby's Date._parse knows that bloggers write (minutes east of UTC). */
const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  z: 0, utc: 0, gmt: 0, ut: 0, kst: 540, jst: 540, hkt: 480, sgt: 480, cst: -360, cdt: -300, est: -300, edt: -240,
  mst: -420, mdt: -360, pst: -480, pdt: -420, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, wet: 0, west: 60, ist: 330,
  aest: 600, aedt: 660,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME_PART = String.raw`(?:(?:[Tt]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?)?`;
const ZONE_PART = String.raw`\s*([A-Za-z]{1,5}|[-+]\d{1,2}(?::?\d{2})?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_NAME = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** `2025-03-04`, `2025/3/4`, with an optional time and zone. */
const NUMERIC_DATE = new RegExp(String.raw`^\s*(\d{2,4})([-/])(\d{1,2})\2(\d{1,2})${TIME_PART}${ZONE_PART}\s*$`, 'iu');
/** `Tue, 18 Mar 2025 18:00:00 +0900` (RFC 2822) and `4 March 2025`. */
const DAY_MONTH_YEAR = new RegExp(String.raw`^\s*${WEEKDAY}(\d{1,2})\s+${MONTH_NAME},?\s+(\d{2,4})${TIME_PART}${ZONE_PART}\s*$`, 'iu');
/** `March 4, 2025` and `Mar 4 2025 10:00`. */
const MONTH_DAY_YEAR = new RegExp(String.raw`^\s*${WEEKDAY}${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})${TIME_PART}${ZONE_PART}\s*$`, 'iu');

/**
 * Ruby's `Time.parse(text)` in `zone`, for the forms dates take in posts and file names:
 * `YYYY-MM-DD` and `YYYY/MM/DD`, `Tue, 18 Mar 2025`, `4 March 2025` and `March 4, 2025`, each
 * with an optional time (`T` or space; seconds and fraction optional) and zone (`Z`, `UTC`,
 * `+09:00`, `+0900`, `-8`, or an abbreviation such as `KST`). Throws InvalidDate where Ruby raises.
 */
export function parseRubyTime(text: string, zone: string): number {
  // The common case, a file-name date (`2025-02-05`), without the general patterns.
  const simple = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (simple) {
    const m = Number(simple[2]);
    const d = Number(simple[3]);
    if (m < 1 || m > 12 || d < 1 || d > 31) throw new InvalidDate(text);
    return fromZonedWallClock(zone, Number(simple[1]), m, d);
  }
  let parts: { y: string; mo: number; d: string; h?: string | undefined; mi?: string | undefined; s?: string | undefined; z?: string | undefined } | null = null;
  let m = NUMERIC_DATE.exec(text);
  if (m) parts = { y: m[1] ?? '', mo: Number(m[3]), d: m[4] ?? '', h: m[5], mi: m[6], s: m[7], z: m[8] };
  else if ((m = DAY_MONTH_YEAR.exec(text))) parts = { y: m[3] ?? '', mo: MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1, d: m[1] ?? '', h: m[4], mi: m[5], s: m[6], z: m[7] };
  else if ((m = MONTH_DAY_YEAR.exec(text))) parts = { y: m[3] ?? '', mo: MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1, d: m[2] ?? '', h: m[4], mi: m[5], s: m[6], z: m[7] };
  if (!parts) throw new InvalidDate(text);
  const year = completeYear(parts.y);
  const month = parts.mo;
  const day = Number(parts.d);
  const hour = Number(parts.h ?? 0);
  const minute = Number(parts.mi ?? 0);
  const second = Number(parts.s ?? 0);
  // Ruby's Time accepts day 31 in any month (and rolls it over), but not 0 or 32, nor month 13.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) throw new InvalidDate(text);
  if (parts.z === undefined) return fromZonedWallClock(zone, year, month, day, hour, minute, second);
  let offset: number;
  if (/^[-+]/u.test(parts.z)) {
    const z = /^([-+])(\d{1,2}):?(\d{2})?$/u.exec(parts.z);
    offset = (z?.[1] === '-' ? -1 : 1) * (Number(z?.[2] ?? 0) * 60 + Number(z?.[3] ?? 0));
  } else {
    const known = ZONE_ABBREVIATIONS[parts.z.toLowerCase()];
    if (known === undefined) throw new InvalidDate(text);
    offset = known;
  }
  return utcMs(year, month, day, hour, minute, second) - offset * 60_000;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date parts Jekyll's URL placeholders use (`url_drop.rb`), from a time already in the site's zone. */
export function dateParts(t: ZonedTime): Record<string, string> {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const dayOfYear = Math.round((utcMs(t.year, t.month, t.day) - utcMs(t.year, 1, 1)) / 86_400_000) + 1;
  const weekday = new Date(utcMs(t.year, t.month, t.day)).getUTCDay();
  const iso = isoWeek(t.year, t.month, t.day);
  return {
    year: pad(t.year, 4),
    month: pad(t.month),
    day: pad(t.day),
    hour: pad(t.hour),
    minute: pad(t.minute),
    second: pad(t.second),
    i_day: String(t.day),
    i_month: String(t.month),
    short_year: pad(t.year % 100),
    short_month: SHORT_MONTHS[t.month - 1] ?? '',
    long_month: LONG_MONTHS[t.month - 1] ?? '',
    y_day: pad(dayOfYear, 3),
    w_year: String(iso.year),
    week: pad(iso.week),
    w_day: String(weekday === 0 ? 7 : weekday),
    short_day: SHORT_DAYS[weekday] ?? '',
    long_day: LONG_DAYS[weekday] ?? '',
  };
}

/** ISO 8601 week number and week-based year (`%V`, `%G`). */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(utcMs(year, month, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - utcMs(weekYear, 1, 1)) / 86_400_000 + 1) / 7);
  return { year: weekYear, week };
}
