/**
 * Real Jekyll as a test oracle. `jekyllFacts(site)` copies a site to a temp folder, adds one page
 * that dumps `site.posts`, `site.tags` and `site.categories` as JSON through Liquid, builds the copy
 * with the `jekyll` on PATH once per flag set, and reports what Jekyll derived for every post:
 * url, date, title, slug, id, tags, categories, and a status worked out from which builds list it.
 *
 * Nothing here knows a Jekyll rule; every fact comes out of `jekyll build`.
 *
 * Print the facts of a site to check them by eye:
 *   npx tsx tests/oracle/jekyll-oracle.ts tests/fixtures/jekyll-site ['{"permalink":"none"}']
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How Jekyll treats a post. Each is defined by the builds that list it:
 * `published` the plain build; `draft` the `--drafts` build (and not the plain one);
 * `unpublished` only `--unpublished`; `future` only `--future`.
 * A post that needs two flags (say `published: false` and a 2099 date) is listed only by the build
 * with all flags; it gets `draft` if it is a draft, else `unpublished`, and `onlyWithAllFlags`.
 */
export type JekyllStatus = 'published' | 'unpublished' | 'future' | 'draft';

/** The facts the dump page prints for one post, as Jekyll's `jsonify` writes them (types kept). */
export interface JekyllPost {
  /** Site-relative path with `/`, as Liquid's `post.path`: `_posts/…`, `news/_posts/…`, `_drafts/…`. */
  path: string;
  /** `page.url`: escaped, without `baseurl`. */
  url: string;
  /** `page.date` as `%Y-%m-%dT%H:%M:%S%:z`, in the site's time zone. */
  date: string;
  title: unknown;
  slug: unknown;
  id: string;
  draft: boolean;
  /** Kept as YAML typed them: `[AI, 2025, true, 3.5]` stays `["AI", 2025, true, 3.5]`. */
  tags: unknown[];
  categories: unknown[];
}

/** One post Jekyll knows, with its derived status. */
export interface OraclePost extends JekyllPost {
  status: JekyllStatus;
  /** The builds that list the post (see BUILDS). */
  builds: BuildName[];
  /** True when no single-flag build lists the post, only the build with every flag. */
  onlyWithAllFlags: boolean;
}

/** A key of `site.tags` or `site.categories` (typed as Jekyll keeps it) and its posts' paths, newest first. */
export interface TaxonomyEntry {
  name: unknown;
  posts: string[];
}

/** What one `jekyll build` did. */
export interface BuildReport {
  name: BuildName;
  args: string[];
  ms: number;
  /** Jekyll's stdout and stderr (warnings such as `Conflict:` or `Skipping: … future date`). */
  log: string;
}

/** Everything `jekyllFacts` learned about a site. */
export interface OracleResult {
  /** Every post of the build with all flags, keyed by `path`. */
  posts: Record<string, OraclePost>;
  /**
   * Files inside a `_posts` or `_drafts` folder (at any depth, in any folder Jekyll reads) that no
   * build turned into a post: bad names, backups, `_`/`.`/`#`/`~` prefixes, no extension… Sorted.
   */
  ignored: string[];
  /** `site.tags` of the plain build (published posts only), in Jekyll's key order. */
  tags: TaxonomyEntry[];
  /** `site.categories` of the plain build, in Jekyll's key order. */
  categories: TaxonomyEntry[];
  /** `site.time` of the plain build. */
  builtAt: string;
  builds: BuildReport[];
  /** Wall time of the whole call. */
  elapsedMs: number;
}

/** Options of `jekyllFacts`. */
export interface JekyllFactsOptions {
  /** Settings layered over the site's `_config.yml` (a second `--config` file), e.g. `{ permalink: 'none' }`. */
  config?: Record<string, unknown>;
  /** The Jekyll executable; `jekyll` from PATH by default. */
  jekyll?: string;
  /** Per-build timeout in ms (default 90 s). */
  timeoutMs?: number;
  /** Keep the temp folder (its path is printed) instead of deleting it. */
  keepTemp?: boolean;
}

/** The builds run for every site. `all` catches posts that need two flags. */
export const BUILDS = {
  plain: [],
  unpublished: ['--unpublished'],
  future: ['--future'],
  drafts: ['--drafts'],
  all: ['--unpublished', '--future', '--drafts'],
} as const satisfies Record<string, readonly string[]>;

/** The name of one of BUILDS. */
export type BuildName = keyof typeof BUILDS;

/** The page added to the copy; its name must not start with `_` or `.` (Jekyll would skip it). */
const DUMP_PAGE = 'hanji-oracle-facts.json';

const DUMP_TEMPLATE = `---
layout: null
permalink: /${DUMP_PAGE}
---
{%- capture fmt -%}%Y-%m-%dT%H:%M:%S%:z{%- endcapture -%}
{"builtAt":{{ site.time | date: fmt | jsonify }},
"posts":[{% for post in site.posts %}
{"path":{{ post.path | jsonify }},"url":{{ post.url | jsonify }},"date":{{ post.date | date: fmt | jsonify }},"title":{{ post.title | jsonify }},"slug":{{ post.slug | jsonify }},"id":{{ post.id | jsonify }},"draft":{{ post.draft | jsonify }},"tags":{{ post.tags | jsonify }},"categories":{{ post.categories | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}],
"tags":[{% for entry in site.tags %}
{"name":{{ entry[0] | jsonify }},"posts":[{% for p in entry[1] %}{{ p.path | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}]}{% unless forloop.last %},{% endunless %}{% endfor %}],
"categories":[{% for entry in site.categories %}
{"name":{{ entry[0] | jsonify }},"posts":[{% for p in entry[1] %}{{ p.path | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}]}{% unless forloop.last %},{% endunless %}{% endfor %}]}
`;

interface Dump {
  builtAt: string;
  posts: JekyllPost[];
  tags: TaxonomyEntry[];
  categories: TaxonomyEntry[];
}

/**
 * The environment of every build. `TZ=UTC` so that the machine's zone cannot leak in (Jekyll sets
 * its own `TZ` from `timezone:` in `_config.yml`); a UTF-8 locale so Ruby reads Hangul file names;
 * `JEKYLL_ENV=production` as on GitHub Pages; no Bundler, so a site's Gemfile cannot pull gems.
 */
const BUILD_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  JEKYLL_ENV: 'production',
  JEKYLL_NO_BUNDLER_REQUIRE: 'true',
};

/** Jekyll processes running at once, across every jekyllFacts call of this process. */
const gate = semaphore(Math.max(1, availableParallelism()));

/**
 * Build `siteDir` with real Jekyll (plain, `--unpublished`, `--future`, `--drafts`, all three) in a
 * temp copy and report every post's facts and status, the files Jekyll ignores, and `site.tags` /
 * `site.categories` of the plain build. The site folder itself is never written to.
 */
export async function jekyllFacts(siteDir: string, options: JekyllFactsOptions = {}): Promise<OracleResult> {
  const started = performance.now();
  const source = path.resolve(siteDir);
  if (!existsSync(source)) throw new Error(`jekyllFacts: no site at ${source}`);
  const temp = mkdtempSync(path.join(tmpdir(), 'hanji-jekyll-oracle-'));
  try {
    const site = path.join(temp, 'site');
    // Keep mtimes: Jekyll dates a draft without a date by its file's mtime.
    cpSync(source, site, { recursive: true, preserveTimestamps: true, filter: (from) => !isBuildLeftover(source, from) });
    if (existsSync(path.join(site, DUMP_PAGE))) throw new Error(`jekyllFacts: the site already has a file named ${DUMP_PAGE}`);
    writeFileSync(path.join(site, DUMP_PAGE), DUMP_TEMPLATE);

    const configs = ['_config.yml', '_config.yaml'].map((name) => path.join(site, name)).filter((file) => existsSync(file)).slice(0, 1);
    if (options.config && Object.keys(options.config).length > 0) {
      const override = path.join(temp, 'override-config.yml');
      writeFileSync(override, `${JSON.stringify(options.config, null, 2)}\n`); // JSON is YAML
      configs.push(override);
    }

    const names = Object.keys(BUILDS) as BuildName[];
    const runs = await Promise.all(
      names.map((name) => build(name, site, path.join(temp, `out-${name}`), configs, options)),
    );
    const dumps = new Map(names.map((name, i) => [name, runs[i]!.dump]));
    return {
      posts: classify(dumps),
      ignored: ignoredFiles(source, dumps.get('all')!),
      tags: dumps.get('plain')!.tags,
      categories: dumps.get('plain')!.categories,
      builtAt: dumps.get('plain')!.builtAt,
      builds: runs.map((run) => run.report),
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    if (options.keepTemp) process.stderr.write(`jekyllFacts: kept ${temp}\n`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

/** Whether `jekyll` (or the given command) can be run; the reason when it cannot. */
export function findJekyll(command = 'jekyll'): { ok: true; path: string } | { ok: false; reason: string } {
  if (command.includes('/')) return existsSync(command) ? { ok: true, path: command } : { ok: false, reason: `${command} does not exist` };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, command))) return { ok: true, path: path.join(dir, command) };
  }
  return { ok: false, reason: `\`${command}\` is not on PATH (install Jekyll 4.3, e.g. apt-get install jekyll)` };
}

async function build(name: BuildName, site: string, dest: string, configs: string[], options: JekyllFactsOptions): Promise<{ dump: Dump; report: BuildReport }> {
  // --safe: no plugins, as on GitHub Pages; the oracle must not run a site's Ruby code.
  // --disable-disk-cache: the builds share one source folder and run at the same time.
  const args = ['build', '--safe', '--disable-disk-cache', '--source', site, '--destination', dest, ...BUILDS[name]];
  if (configs.length > 0) args.push('--config', configs.join(','));
  const bin = options.jekyll ?? 'jekyll';
  const release = await gate();
  const started = performance.now();
  let log: string;
  try {
    log = await run(bin, args, site, options.timeoutMs ?? 90_000);
  } finally {
    release();
  }
  const report: BuildReport = { name, args: [...BUILDS[name]], ms: Math.round(performance.now() - started), log };
  const file = path.join(dest, DUMP_PAGE);
  if (!existsSync(file)) throw new Error(`jekyll build (${name}) wrote no ${DUMP_PAGE}. Log:\n${log}`);
  const text = readFileSync(file, 'utf8');
  try {
    return { dump: JSON.parse(text) as Dump, report };
  } catch (error) {
    throw new Error(`jekyll build (${name}): the dump is not JSON (${String(error)}):\n${text.slice(0, 2000)}`, { cause: error });
  }
}

function run(bin: string, args: string[], cwd: string, timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd, env: BUILD_ENV, timeout, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const log = `${stdout}${stderr}`;
      if (error) {
        const why = error.killed ? `timed out after ${timeout} ms` : `failed (${error.code ?? error.signal ?? error.message})`;
        reject(new Error(`${bin} ${args.join(' ')} ${why}\n${log.split('\n').slice(-40).join('\n')}`));
      } else resolve(log);
    });
  });
}

/** Status from the builds that list each post; facts from the build that decided the status. */
function classify(dumps: Map<BuildName, Dump>): Record<string, OraclePost> {
  const listed = new Map<BuildName, Map<string, JekyllPost>>();
  for (const [name, dump] of dumps) listed.set(name, new Map(dump.posts.map((post) => [post.path, post])));
  const has = (name: BuildName, postPath: string) => listed.get(name)!.has(postPath);

  const result: Record<string, OraclePost> = {};
  for (const post of dumps.get('all')!.posts) {
    const builds = (Object.keys(BUILDS) as BuildName[]).filter((name) => has(name, post.path));
    const decided: [JekyllStatus, BuildName] | undefined = has('plain', post.path)
      ? ['published', 'plain']
      : has('drafts', post.path)
        ? ['draft', 'drafts']
        : has('unpublished', post.path)
          ? ['unpublished', 'unpublished']
          : has('future', post.path)
            ? ['future', 'future']
            : undefined;
    const [status, from] = decided ?? [post.draft ? 'draft' : 'unpublished', 'all'];
    result[post.path] = { ...listed.get(from)!.get(post.path)!, status, builds, onlyWithAllFlags: decided === undefined };
  }
  return result;
}

/**
 * Files under every `_posts`/`_drafts` folder Jekyll looks in (the site root and each folder it
 * walks: not `_`, `.`, `#` or `~` folders, not `node_modules`/`vendor`) that the build with all
 * flags did not turn into posts. The site's own `exclude:` list is not applied.
 */
function ignoredFiles(site: string, all: Dump): string[] {
  const posts = new Set(all.posts.map((post) => post.path));
  const found: string[] = [];
  const everyFile = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const childRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) everyFile(path.join(dir, entry.name), childRel);
      else found.push(childRel);
    }
  };
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '_posts' || entry.name === '_drafts') everyFile(path.join(dir, entry.name), childRel);
      else if (!/^[._#~]/.test(entry.name) && !entry.name.endsWith('~') && !['node_modules', 'vendor'].includes(entry.name)) walk(path.join(dir, entry.name), childRel);
    }
  };
  walk(site, '');
  return found.filter((file) => !posts.has(file)).sort();
}

/** Build output and caches of the original site are not copied. */
function isBuildLeftover(root: string, from: string): boolean {
  const rel = path.relative(root, from).split(path.sep)[0];
  return rel === '_site' || rel === '.jekyll-cache' || rel === '.jekyll-metadata' || rel === '.git';
}

/** At most `size` holders at once; `await gate()` returns the release function. */
function semaphore(size: number): () => Promise<() => void> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return () =>
    new Promise((resolve) => {
      const take = () => {
        active += 1;
        resolve(release);
      };
      if (active < size) take();
      else waiting.push(take);
    });
}

// `npx tsx tests/oracle/jekyll-oracle.ts SITE [CONFIG_JSON]` prints the facts.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [site = 'tests/fixtures/jekyll-site', config] = process.argv.slice(2);
  jekyllFacts(site, { config: config ? (JSON.parse(config) as Record<string, unknown>) : undefined }).then(
    (facts) => process.stdout.write(`${JSON.stringify(facts, (key, value: unknown) => (key === 'log' ? undefined : value), 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
