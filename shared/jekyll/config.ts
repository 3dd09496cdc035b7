/** The parts of `_config.yml` that decide what Jekyll publishes, with Jekyll's defaults filled in. */
import { DEFAULT_ZONE, isKnownZone } from './time';
import { parseFrontMatterYaml } from './yaml';

/** One `defaults:` entry: a scope (path prefix or glob, and type) and the values it gives. */
export interface DefaultsSet {
  path: string;
  type: string | null;
  values: Record<string, unknown>;
}

/** What Hanji needs to know of a site's configuration. */
export interface SiteConfig {
  title: string;
  url: string;
  baseurl: string;
  /** `timezone:` as written ('' when unset). */
  timezone: string;
  /** The zone dates are computed in: `timezone`, or UTC (GitHub Pages) when unset or unknown. */
  zone: string;
  /** `permalink:` as written (a style name or a template); `date` by default. */
  permalink: string;
  defaults: DefaultsSet[];
  excerptSeparator: string;
  /** `future: true` publishes posts dated after the build. */
  future: boolean;
  /** Extensions kramdown converts (`markdown_ext`), with the dot. */
  markdownExt: string[];
  /** The whole parsed configuration, for Liquid's `site`. */
  raw: Record<string, unknown>;
}

/** Parse `_config.yml` text (YAML 1.1, as Jekyll reads it); throws YamlProblem when it is not valid. */
export function parseSiteConfig(text: string): SiteConfig {
  return normalizeSiteConfig(parseFrontMatterYaml(text));
}

/** Fill in Jekyll's defaults for a parsed configuration. */
export function normalizeSiteConfig(raw: Record<string, unknown>): SiteConfig {
  const text = (key: string, fallback: string) => {
    const value = raw[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
  };
  const timezone = text('timezone', '');
  const markdownExt = text('markdown_ext', 'markdown,mkdown,mkdn,mkd,md')
    .split(',')
    .map((ext) => `.${ext.trim().toLowerCase()}`);
  let zone: string | null = null;
  return {
    title: text('title', ''),
    url: text('url', ''),
    baseurl: text('baseurl', ''),
    timezone,
    // Checked on first use: loading ICU's zone data costs ~20 ms, which a re-open from cache never needs.
    get zone() {
      zone ??= timezone && isKnownZone(timezone) ? timezone : DEFAULT_ZONE;
      return zone;
    },
    permalink: text('permalink', 'date'),
    defaults: readDefaults(raw['defaults']),
    excerptSeparator: typeof raw['excerpt_separator'] === 'string' ? raw['excerpt_separator'] : '\n\n',
    future: raw['future'] === true,
    markdownExt,
    raw,
  };
}

function readDefaults(value: unknown): DefaultsSet[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): DefaultsSet[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { scope, values } = entry as { scope?: unknown; values?: unknown };
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return [];
    const s = (typeof scope === 'object' && scope !== null ? scope : {}) as { path?: unknown; type?: unknown };
    return [{ path: typeof s.path === 'string' ? s.path : '', type: typeof s.type === 'string' ? s.type : null, values: values as Record<string, unknown> }];
  });
}
