/**
 * Oracle test: `hanji index` must agree with real Jekyll 4.3 on every post of
 * tests/fixtures/jekyll-site, under the site's own `_config.yml` and under variants of it
 * (each built-in permalink style, a custom template with every placeholder, `timezone: UTC`).
 *
 * Expected values are never typed here: they come from `jekyll build` (see jekyll-oracle.ts).
 * A failure prints one table of every disagreement (path, field, jekyll, hanji).
 * Skipped, with the reason printed, when `jekyll` is not on PATH.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO_ROOT } from '../helpers/temp-site';
import { findJekyll, jekyllFacts, type JekyllStatus, type OracleResult, type TaxonomyEntry } from './jekyll-oracle';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'jekyll-site');

/** The post fields Hanji must derive exactly as Jekyll does. */
const FIELDS = ['url', 'date', 'title', 'slug', 'tags', 'categories', 'status'] as const;

/** Flags that make `hanji index` list what Jekyll's `--drafts --future --unpublished` would build. */
const ALL_FLAGS = ['--drafts', '--future', '--unpublished'];

/**
 * Hanji runs in a zone other than Jekyll's `TZ=UTC` (and other than the site's), so that a date
 * computed in the machine's zone instead of `_config.yml`'s shows up as a mismatch.
 */
const HANJI_TZ = 'America/Los_Angeles';

interface Variant {
  name: string;
  /** Settings that replace the fixture's `_config.yml` values. */
  config: Record<string, unknown>;
}

const VARIANTS: Variant[] = [
  { name: "the fixture's _config.yml", config: {} },
  ...['date', 'pretty', 'ordinal', 'weekdate', 'none'].map((style) => ({ name: `permalink: ${style}`, config: { permalink: style } })),
  {
    name: 'permalink: a custom template with every placeholder',
    config: {
      permalink:
        '/:categories/:slugified_categories/:collection/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day/:y_day/:w_year/:week/:w_day/:short_day/:long_day/:hour/:minute/:second/:slug/:name/:title:output_ext',
    },
  },
  { name: 'timezone: UTC', config: { timezone: 'UTC' } },
];

/** The `index --json` report, as loosely as needed to compare it. */
interface HanjiReport {
  posts: ({ path: string } & Record<string, unknown>)[];
  ignored: { path: string; reason?: unknown }[];
  tags: { name: unknown; posts: unknown }[];
  categories: { name: unknown; posts: unknown }[];
  problems: unknown[];
}

/** One disagreement, one table row. */
interface Mismatch {
  path: string;
  field: string;
  jekyll: string;
  hanji: string;
}

const jekyll = findJekyll();
if (!jekyll.ok) console.warn(`[oracle] skipping tests/oracle/index-vs-jekyll.test.ts: ${jekyll.reason}`);

describe.skipIf(!jekyll.ok)('hanji index agrees with Jekyll 4.3 on tests/fixtures/jekyll-site', () => {
  let temp = '';
  /** Every run of Jekyll or Hanji, once per key, started early so they overlap. */
  const runs = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, start: () => Promise<T>): Promise<T> => {
    if (!runs.has(key)) {
      const promise = start();
      promise.catch(() => undefined); // awaited by the test that needs it; no unhandled rejection meanwhile
      runs.set(key, promise);
    }
    return runs.get(key) as Promise<T>;
  };
  const sites = new Map<Variant, string>();
  const siteOf = (variant: Variant): string => {
    if (!sites.has(variant)) sites.set(variant, copyWithConfig(FIXTURE, path.join(temp, `site-${sites.size}`), variant.config));
    return sites.get(variant)!;
  };
  const jekyllOf = (variant: Variant) => once(`jekyll ${JSON.stringify(variant.config)}`, () => jekyllFacts(FIXTURE, { config: variant.config }));
  const hanjiOf = (variant: Variant, flags: string[]) =>
    once(`hanji ${JSON.stringify(variant.config)} ${flags.join(' ')}`, () => hanjiIndex(siteOf(variant), flags));

  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'hanji-oracle-'));
    for (const variant of VARIANTS) {
      void jekyllOf(variant);
      void hanjiOf(variant, ALL_FLAGS);
    }
    void hanjiOf(VARIANTS[0]!, []);
  });

  afterAll(async () => {
    const settled = await Promise.allSettled(runs.values());
    const oracles = settled.flatMap((r) => (r.status === 'fulfilled' && isOracle(r.value) ? [r.value] : []));
    const seconds = oracles.map((o) => o.elapsedMs / 1000);
    if (oracles.length > 0) {
      console.info(`[oracle] jekyllFacts: ${oracles.length} variants, ${oracles.length * oracles[0]!.builds.length} builds; per variant ${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)} s`);
    }
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 180_000); // waits for runs a failed test left behind, so their temp folders go too

  it('the oracle sees published, unpublished, future and draft posts, and ignored files', async () => {
    const facts = await jekyllOf(VARIANTS[0]!);
    const statuses = new Set(Object.values(facts.posts).map((post) => post.status));
    expect([...statuses].sort()).toEqual((['draft', 'future', 'published', 'unpublished'] satisfies JekyllStatus[]).sort());
    expect(facts.ignored.length).toBeGreaterThan(0);
  }, 120_000);

  it.each(VARIANTS)('$name: every post has the url, date, title, slug, tags, categories and status Jekyll gives it', async (variant) => {
    const [facts, report] = await Promise.all([jekyllOf(variant), hanjiOf(variant, ALL_FLAGS)]);
    const rows = [...comparePosts(facts, report), ...compareIgnored(facts, report)];
    if (rows.length > 0) throw new Error(failure(`${variant.name}: hanji index ${ALL_FLAGS.join(' ')} disagrees with Jekyll`, rows, report));
  }, 120_000);

  it("without flags, tags and categories list Jekyll's site.tags and site.categories: same names, posts and order", async () => {
    const [facts, report] = await Promise.all([jekyllOf(VARIANTS[0]!), hanjiOf(VARIANTS[0]!, [])]);
    const rows = [...compareTaxonomy('tags', facts.tags, report.tags), ...compareTaxonomy('categories', facts.categories, report.categories)];
    if (rows.length > 0) throw new Error(failure('hanji index (no flags): tags/categories differ from site.tags/site.categories', rows, report));
  }, 120_000);
});

/** Copy `from` to `to` (mtimes kept: they date drafts) and set `config` keys in its `_config.yml`, comments kept. */
function copyWithConfig(from: string, to: string, config: Record<string, unknown>): string {
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
  if (Object.keys(config).length > 0) {
    const file = path.join(to, '_config.yml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(config)) doc.set(key, value);
    writeFileSync(file, String(doc));
  }
  return to;
}

/** `npm run --silent cli -- index SITE FLAGS --json`, from the repository root, parsed. */
function hanjiIndex(site: string, flags: string[]): Promise<HanjiReport> {
  const args = ['run', '--silent', 'cli', '--', 'index', site, ...flags, '--json'];
  return new Promise((resolve, reject) => {
    execFile('npm', args, { cwd: REPO_ROOT, env: { ...process.env, TZ: HANJI_TZ }, timeout: 90_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`npm ${args.join(' ')} failed (${error.killed ? 'timed out' : `exit ${String(error.code)}`}):\n${stderr || stdout}`));
        return;
      }
      try {
        resolve(asReport(JSON.parse(stdout)));
      } catch (problem) {
        reject(new Error(`npm ${args.join(' ')} did not print an index report: ${problem instanceof Error ? problem.message : String(problem)}\n${stdout.slice(0, 1000)}`));
      }
    });
  });
}

function asReport(json: unknown): HanjiReport {
  const report = json as Partial<HanjiReport> | null;
  for (const key of ['posts', 'ignored', 'tags', 'categories'] as const) {
    if (!Array.isArray(report?.[key])) throw new Error(`\`${key}\` is not an array`);
  }
  return { problems: [], ...report } as HanjiReport;
}

/** Each Jekyll post against Hanji's post of the same path; then Hanji posts Jekyll does not know. */
function comparePosts(facts: OracleResult, report: HanjiReport): Mismatch[] {
  const rows: Mismatch[] = [];
  const hanji = new Map(report.posts.map((post) => [post.path, post]));
  const ignoredByHanji = new Set(report.ignored.map((entry) => entry.path));
  for (const [postPath, expected] of Object.entries(facts.posts).sort(([a], [b]) => compare(a, b))) {
    const actual = hanji.get(postPath);
    if (!actual) {
      rows.push({ path: postPath, field: '(post)', jekyll: `a post (${expected.status})`, hanji: ignoredByHanji.has(postPath) ? 'listed in ignored' : 'missing' });
      continue;
    }
    for (const field of FIELDS) {
      if (!isDeepStrictEqual(actual[field], expected[field])) rows.push({ path: postPath, field, jekyll: show(expected[field]), hanji: show(actual[field]) });
    }
  }
  for (const [postPath, actual] of hanji) {
    if (!Object.hasOwn(facts.posts, postPath)) rows.push({ path: postPath, field: '(post)', jekyll: 'not a post', hanji: `a post (${show(actual['status'])})` });
  }
  return rows;
}

/** Every file Jekyll ignores must be in Hanji's `ignored` (Hanji may list more, e.g. files outside _posts). */
function compareIgnored(facts: OracleResult, report: HanjiReport): Mismatch[] {
  const listed = new Set(report.ignored.map((entry) => entry.path));
  return facts.ignored.filter((file) => !listed.has(file)).map((file) => ({ path: file, field: '(ignored)', jekyll: 'ignored', hanji: 'not in ignored' }));
}

/**
 * `site.tags`/`site.categories` against Hanji's list: the same keys (typed as Jekyll keeps them,
 * so `2025` and `"2025"` are two keys), each with the same posts in the same order, keys in the same order.
 */
function compareTaxonomy(kind: 'tags' | 'categories', expected: TaxonomyEntry[], actual: HanjiReport['tags']): Mismatch[] {
  const rows: Mismatch[] = [];
  const key = (name: unknown) => JSON.stringify(name) ?? String(name);
  const hanji = new Map(actual.map((entry) => [key(entry.name), entry]));
  for (const entry of expected) {
    const mine = hanji.get(key(entry.name));
    if (!mine) rows.push({ path: `${kind}: ${key(entry.name)}`, field: '(entry)', jekyll: show(entry.posts), hanji: 'missing' });
    else if (!isDeepStrictEqual(mine.posts, entry.posts)) rows.push({ path: `${kind}: ${key(entry.name)}`, field: 'posts', jekyll: show(entry.posts), hanji: show(mine.posts) });
  }
  const jekyllKeys = new Set(expected.map((entry) => key(entry.name)));
  const seen = new Set<string>();
  for (const entry of actual) {
    const name = key(entry.name);
    if (!jekyllKeys.has(name)) rows.push({ path: `${kind}: ${name}`, field: '(entry)', jekyll: 'no such key', hanji: show(entry.posts) });
    if (seen.has(name)) rows.push({ path: `${kind}: ${name}`, field: '(entry)', jekyll: 'one key', hanji: 'listed twice' });
    seen.add(name);
  }
  const expectedOrder = expected.map((entry) => key(entry.name));
  const actualOrder = actual.map((entry) => key(entry.name));
  const at = expectedOrder.findIndex((name, i) => name !== actualOrder[i]);
  if (rows.length === 0 && at >= 0) {
    const around = (names: string[]) => `#${at}: ${names.slice(at, at + 3).join(', ')}${names.length > at + 3 ? ', …' : ''}`;
    rows.push({ path: kind, field: '(key order)', jekyll: around(expectedOrder), hanji: around(actualOrder) });
  }
  return rows;
}

/** The failure message: a heading, the table, and Hanji's problems on the paths involved. */
function failure(heading: string, rows: Mismatch[], report: HanjiReport): string {
  const paths = new Set(rows.map((row) => row.path));
  const problems = report.problems.filter((p) => typeof p === 'object' && p !== null && paths.has(String((p as { path?: unknown }).path)));
  const notes = problems.length > 0 ? `\n\nhanji problems on these paths:\n${problems.slice(0, 20).map((p) => `  ${JSON.stringify(p)}`).join('\n')}` : '';
  return `${heading}: ${rows.length} mismatch${rows.length === 1 ? '' : 'es'}\n\n${table(rows)}${notes}\n`;
}

function table(rows: Mismatch[]): string {
  const header: Mismatch = { path: 'path', field: 'field', jekyll: 'jekyll', hanji: 'hanji' };
  const columns = ['path', 'field', 'jekyll', 'hanji'] as const;
  const widths = columns.map((column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: Mismatch) => columns.map((column, i) => row[column].padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isOracle(value: unknown): value is OracleResult {
  return typeof value === 'object' && value !== null && 'builds' in value && 'elapsedMs' in value;
}
