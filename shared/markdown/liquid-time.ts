/**
 * Times as Liquid sees them in a Jekyll build: Ruby `Time` values (a moment, the offset it is shown
 * in, a zone name), Liquid's `Utils.to_date` for filter inputs, and Ruby's `strftime`. Jekyll sets
 * ENV["TZ"] from `_config.yml`, so "local time" here is always the site's zone, never the OS zone.
 */
import { dateParts, InvalidDate, offsetMinutesAt, parseRubyTime, type ZonedTime } from '../jekyll/time';

/** How Ruby would print the zone of a Time: the site's local zone, UTC (`Z` input), or a bare offset. */
type ZoneKind = 'local' | 'utc' | 'fixed';

/**
 * A Ruby `Time` for Liquid. Its fields are private so that `{{ page.date.epochMs }}` stays empty,
 * as it is in Jekyll; `toString` is Ruby's `Time#to_s`, which is what `{{ page.date }}` prints.
 */
export class LiquidTime {
  readonly #epochMs: number;
  readonly #offsetMinutes: number;
  readonly #zoneName: string;
  readonly #kind: ZoneKind;

  constructor(epochMs: number, offsetMinutes: number, zoneName: string, kind: ZoneKind) {
    this.#epochMs = epochMs;
    this.#offsetMinutes = offsetMinutes;
    this.#zoneName = zoneName;
    this.#kind = kind;
  }

  /** Milliseconds since the epoch. */
  get epochMs(): number {
    return this.#epochMs;
  }

  /** Minutes east of UTC the time is shown in. */
  get offsetMinutes(): number {
    return this.#offsetMinutes;
  }

  /** `%Z`: `KST`, `UTC`, or empty for a bare offset. */
  get zoneName(): string {
    return this.#zoneName;
  }

  /** Ruby's `Time#to_s`: `2025-03-02 08:30:00 +0900` (`… UTC` for a UTC time). */
  toString(): string {
    return strftime(this, this.#kind === 'utc' ? '%Y-%m-%d %H:%M:%S UTC' : '%Y-%m-%d %H:%M:%S %z');
  }

  /** Ruby's JSON of a Time is its `to_s`. */
  toJSON(): string {
    return this.toString();
  }
}

/** The moment `epochMs` as a local time of `zone` (what `.localtime` gives under ENV["TZ"]). */
export function timeInZone(epochMs: number, zone: string): LiquidTime {
  const offset = offsetMinutesAt(epochMs, zone);
  return new LiquidTime(epochMs, offset, zoneAbbreviation(zone, epochMs, offset), 'local');
}

/** The same moment, shown in the site's zone (Jekyll's date filters call `.localtime`). */
export function localized(time: LiquidTime, zone: string): LiquidTime {
  return timeInZone(time.epochMs, zone);
}

/** A zone written after a time: `07:30:00 +09:00`, `07:30Z`, `07:30 KST`. */
const ZONE_SUFFIX = /(\d{1,2}:\d{1,2}(?::\d{1,2}(?:[.,]\d+)?)?)\s*([A-Za-z]{1,5}|[-+]\d{1,2}(?::?\d{2})?)\s*$/u;

/**
 * Ruby's `Time.parse(text)` under ENV["TZ"] = `zone`. A text without a zone is local time. A text
 * with one is local time too when the zone has that offset then (`force_zone!` prefers the real
 * zone), else it keeps the written offset (`%Z` empty); `Z`, `UTC`, `UT`, `-00:00` give a UTC time.
 * Throws InvalidDate where Ruby raises.
 */
export function parseTime(text: string, zone: string): LiquidTime {
  const epochMs = parseRubyTime(text, zone);
  const suffix = ZONE_SUFFIX.exec(text);
  if (!suffix) return timeInZone(epochMs, zone);
  const written = suffix[2] ?? '';
  if (/^(?:-00:00|-0000|-00|utc|z|ut)$/iu.test(written)) return new LiquidTime(epochMs, 0, 'UTC', 'utc');
  // The wall clock without the zone, read as UTC, minus the instant is the written offset.
  const wall = parseRubyTime(text.slice(0, suffix.index + (suffix[1] ?? '').length), 'UTC');
  const offset = Math.round((wall - epochMs) / 60_000);
  return offset === offsetMinutesAt(epochMs, zone) ? timeInZone(epochMs, zone) : new LiquidTime(epochMs, offset, '', 'fixed');
}

/**
 * Liquid's `Utils.to_date`: a Time stays itself, `now`/`today` is now, an integer (or a string of
 * digits) is seconds since the epoch, any other string goes through `Time.parse`. Null where
 * Liquid gives nil (empty string, unparsable text, floats, arrays…).
 */
export function toLiquidTime(input: unknown, zone: string, nowMs: number = Date.now()): LiquidTime | null {
  if (input instanceof LiquidTime) return input;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : timeInZone(input.getTime(), zone);
  if (typeof input === 'number') return Number.isInteger(input) ? timeInZone(input * 1000, zone) : null;
  if (typeof input !== 'string' || input === '') return null;
  const lower = input.toLowerCase();
  if (lower === 'now' || lower === 'today') return timeInZone(nowMs, zone);
  if (/^\d+$/u.test(lower)) return timeInZone(Number(lower) * 1000, zone);
  try {
    return parseTime(input, zone);
  } catch (error) {
    if (error instanceof InvalidDate) return null;
    throw error;
  }
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Directives that expand to other formats, as Ruby's strftime defines them. */
const COMPOSITES: Readonly<Record<string, string>> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%4Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

/** A directive's default width and padding; numbers pad with `0` unless noted. */
const NUMERIC: Readonly<Record<string, { width: number; pad: '0' | ' ' }>> = {
  Y: { width: 4, pad: '0' },
  C: { width: 2, pad: '0' },
  y: { width: 2, pad: '0' },
  m: { width: 2, pad: '0' },
  d: { width: 2, pad: '0' },
  e: { width: 2, pad: ' ' },
  j: { width: 3, pad: '0' },
  H: { width: 2, pad: '0' },
  k: { width: 2, pad: ' ' },
  I: { width: 2, pad: '0' },
  l: { width: 2, pad: ' ' },
  M: { width: 2, pad: '0' },
  S: { width: 2, pad: '0' },
  u: { width: 1, pad: '0' },
  w: { width: 1, pad: '0' },
  U: { width: 2, pad: '0' },
  W: { width: 2, pad: '0' },
  V: { width: 2, pad: '0' },
  G: { width: 4, pad: '0' },
  g: { width: 2, pad: '0' },
  s: { width: 1, pad: '0' },
};

/** Widths beyond this are clamped: `%999999999d` must not allocate a gigabyte. */
const MAX_WIDTH = 1024;

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([A-Za-z%+])/gu;

/** Ruby's `Time#strftime` (flags `-_0^#`, widths, `%:z`); unknown directives stay as written. */
export function strftime(time: LiquidTime, format: string): string {
  const wall = new Date(time.epochMs + time.offsetMinutes * 60_000);
  const zoned: ZonedTime = {
    epochMs: time.epochMs,
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offsetMinutes: time.offsetMinutes,
  };
  let parts: Record<string, string> | undefined;
  const calendar = () => (parts ??= dateParts(zoned));
  const weekday = wall.getUTCDay();
  const yearDay = () => Number(calendar()['y_day']);

  const expand = (format: string): string =>
    format.replace(DIRECTIVE, (whole, flags: string, widthText: string, colons: string, conversion: string) => {
      const width = widthText ? Math.min(Number(widthText), MAX_WIDTH) : null;
      const composite = COMPOSITES[conversion];
      if (composite !== undefined && !colons) return pad(expand(composite), flags, width, ' ', 0);
      let value: string | number;
      switch (conversion) {
        case 'Y': value = zoned.year; break;
        case 'C': value = Math.floor(zoned.year / 100); break;
        case 'y': value = zoned.year % 100; break;
        case 'm': value = zoned.month; break;
        case 'd': case 'e': value = zoned.day; break;
        case 'j': value = yearDay(); break;
        case 'H': case 'k': value = zoned.hour; break;
        case 'I': case 'l': value = zoned.hour % 12 === 0 ? 12 : zoned.hour % 12; break;
        case 'M': value = zoned.minute; break;
        case 'S': value = zoned.second; break;
        case 'L': return fraction(time.epochMs, width ?? 3);
        case 'N': return fraction(time.epochMs, width ?? 9);
        case 'u': value = weekday === 0 ? 7 : weekday; break;
        case 'w': value = weekday; break;
        case 'U': value = Math.floor((yearDay() - 1 + 7 - weekday) / 7); break;
        case 'W': value = Math.floor((yearDay() - 1 + 7 - ((weekday + 6) % 7)) / 7); break;
        case 'V': value = Number(calendar()['week']); break;
        case 'G': value = Number(calendar()['w_year']); break;
        case 'g': value = Number(calendar()['w_year']) % 100; break;
        case 's': value = Math.floor(time.epochMs / 1000); break;
        case 'a': return pad(SHORT_DAYS[weekday] ?? '', flags, width, ' ', 0);
        case 'A': return pad(LONG_DAYS[weekday] ?? '', flags, width, ' ', 0);
        case 'b': case 'h': return pad(SHORT_MONTHS[zoned.month - 1] ?? '', flags, width, ' ', 0);
        case 'B': return pad(LONG_MONTHS[zoned.month - 1] ?? '', flags, width, ' ', 0);
        case 'p': return pad(zoned.hour < 12 ? 'AM' : 'PM', flags, width, ' ', 0);
        case 'P': return pad(zoned.hour < 12 ? 'am' : 'pm', flags, width, ' ', 0);
        case 'z': return pad(offsetText(time.offsetMinutes, colons.length), flags, width, '0', 0);
        case 'Z': return pad(time.zoneName, flags, width, ' ', 0);
        case 'n': return '\n';
        case 't': return '\t';
        case '%': return '%';
        default: return whole;
      }
      const numeric = NUMERIC[conversion] ?? { width: 1, pad: '0' };
      return pad(String(value), flags, width, numeric.pad, numeric.width);
    });
  return expand(format);
}

/** Apply strftime's flags: `-` no padding, `_` spaces, `0` zeros, `^` upper case, `#` swapped case. */
function pad(text: string, flags: string, width: number | null, defaultPad: '0' | ' ', defaultWidth: number): string {
  let result = text;
  if (flags.includes('^')) result = result.toUpperCase();
  else if (flags.includes('#')) result = /[a-z]/u.test(result) ? result.toUpperCase() : result.toLowerCase();
  if (flags.includes('-')) return result;
  const padChar = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : defaultPad;
  const target = width ?? defaultWidth;
  if (result.length >= target) return result;
  // Zero padding goes after a sign, as in `-05` and `+0900`.
  const sign = padChar === '0' && /^[-+]/u.test(result) ? (result[0] ?? '') : '';
  return sign + (result.slice(sign.length)).padStart(target - sign.length, padChar);
}

/** `%z`, `%:z`, `%::z`. */
function offsetText(offsetMinutes: number, colons: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  if (colons === 0) return `${sign}${hours}${minutes}`;
  return colons === 1 ? `${sign}${hours}:${minutes}` : `${sign}${hours}:${minutes}:00`;
}

/** `%L`/`%N`: the fraction of the second, `digits` long (times here have milliseconds at most). */
function fraction(epochMs: number, digits: number): string {
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return String(ms).padStart(3, '0').padEnd(Math.min(digits, MAX_WIDTH), '0').slice(0, Math.min(digits, MAX_WIDTH));
}

/**
 * tzdata abbreviations Intl does not give in any English locale (it says `GMT+9`); Ruby prints
 * these for `%Z`. Keyed by zone, then by offset for zones with summer time.
 */
const ABBREVIATIONS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'Asia/Seoul': { 540: 'KST' },
  'Asia/Pyongyang': { 540: 'KST' },
  'Asia/Tokyo': { 540: 'JST' },
  'Asia/Shanghai': { 480: 'CST' },
  'Asia/Taipei': { 480: 'CST' },
  'Asia/Hong_Kong': { 480: 'HKT' },
  'Asia/Macau': { 480: 'CST' },
  'Asia/Jakarta': { 420: 'WIB' },
  'Asia/Kolkata': { 330: 'IST' },
  'Asia/Calcutta': { 330: 'IST' },
  'Asia/Jerusalem': { 120: 'IST', 180: 'IDT' },
  'Asia/Karachi': { 300: 'PKT' },
  'Europe/Moscow': { 180: 'MSK' },
  'Africa/Johannesburg': { 120: 'SAST' },
};

const abbreviationCache = new Map<string, string>();

/** `%Z` of a local time in `zone`: tzdata's abbreviation where known, else `+09`-style as tzdata writes it. */
export function zoneAbbreviation(zone: string, epochMs: number, offsetMinutes: number): string {
  const key = `${zone}\u0000${offsetMinutes}`;
  let name = abbreviationCache.get(key);
  if (name === undefined) {
    name = lookUpAbbreviation(zone, epochMs, offsetMinutes);
    if (abbreviationCache.size > 1000) abbreviationCache.clear();
    abbreviationCache.set(key, name);
  }
  return name;
}

function lookUpAbbreviation(zone: string, epochMs: number, offsetMinutes: number): string {
  if (/^(?:Etc\/)?(?:UTC|UCT|Universal|Zulu)$/u.test(zone)) return 'UTC';
  if (/^(?:Etc\/)?(?:GMT|Greenwich)$/u.test(zone)) return 'GMT';
  const known = ABBREVIATIONS[zone]?.[offsetMinutes];
  if (known) return known;
  // Each English locale names the zones of its own region (en-GB: BST/CET, en-AU: AEST…).
  for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-CA']) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName');
      if (part && /^[A-Z]{2,5}$/u.test(part.value) && part.value !== 'GMT' && part.value !== 'UTC') return part.value;
    } catch {
      break;
    }
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return abs % 60 === 0 ? `${sign}${hours}` : `${sign}${hours}${String(abs % 60).padStart(2, '0')}`;
}
