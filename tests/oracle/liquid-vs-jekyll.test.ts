/**
 * Oracle test: renderLiquid must write what Jekyll 4.3 writes for the Liquid of a post.
 *
 * tests/fixtures/liquid-site/_posts/2025-03-01-liquid-cases.html is an HTML post with
 * `layout: none`, so Jekyll's output is exactly its Liquid output. Each `<c n="…">…</c>` is one
 * case; the build's output and Hanji's are split into cases and compared one by one. Hanji gets
 * the site as the app does: `_config.yml`, includes and files through loadRenderData, the posts'
 * URLs and dates as Jekyll computed them (a dump page added to the copy), `_data` for `site.data`.
 *
 * Then a few bodies Jekyll refuses: the build must fail, and Hanji must show a notice saying so, at
 * the line Jekyll names. Skipped, with the reason printed, when `jekyll` is not on PATH.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRenderData } from '../../electron/core/render-data';
import { splitFrontMatter } from '../../shared/frontmatter/split';
import { parseSiteConfig } from '../../shared/jekyll/config';
import { toPlainData } from '../../shared/jekyll/plain-data';
import { parseFrontMatterYaml, parseWithJsYaml } from '../../shared/jekyll/yaml';
import { renderLiquid } from '../../shared/markdown/liquid';
import type { LiquidContext, LiquidResult } from '../../shared/markdown/types';
import { REPO_ROOT } from '../helpers/temp-site';
import { findJekyll } from './jekyll-oracle';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'liquid-site');
const CASES_POST = '_posts/2025-03-01-liquid-cases.html';
/** The cases post's `permalink:`. */
const CASES_OUTPUT = path.join('cases', 'index.html');
const DUMP_PAGE = 'hanji-liquid-oracle-posts.json';

/** Every post as Jekyll's Liquid sees it, as JSON (dates in the site's zone, with offset). */
const DUMP_TEMPLATE = `---
layout: null
permalink: /${DUMP_PAGE}
---
{%- capture fmt -%}%Y-%m-%dT%H:%M:%S%:z{%- endcapture -%}
[{% for post in site.posts %}{"path":{{ post.path | jsonify }},"url":{{ post.url | jsonify }},"date":{{ post.date | date: fmt | jsonify }},"title":{{ post.title | jsonify }},"slug":{{ post.slug | jsonify }},"id":{{ post.id | jsonify }},"tags":{{ post.tags | jsonify }},"categories":{{ post.categories | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]
`;

/**
 * Bodies `jekyll build` stops on. For a block never closed, Liquid names the line where the text
 * ends; the preview names the line of the opening tag (the third item), where the fix goes.
 */
const FATAL_BODIES: [string, string, number?][] = [
  ['a stray endif', 'a\nb\n{% endif %}\nc'],
  ['an if never closed', 'a\n{% if true %}\nb', 2],
  ['a division by zero', 'a\n{{ 1 | divided_by: 0 }}'],
  ['a plugin tag without its plugin', 'a\n\n{% seo %}'],
  ['a post_url to no post', 'a\n{% post_url 2025-01-01-nope %}'],
  ['a link to no file', '{% link nope.md %}'],
  ['a missing include', 'x\n{% include nope.html %}'],
  ['an include name with ..', '{% include ../greet.html %}'],
  ['a date Jekyll cannot read', '{{ "garbage" | date_to_xmlschema }}'],
  ['render', '{% render "greet.html" %}'],
  ['sorting nil', '{{ nil | sort }}'],
];

/** `_config.yml` settings the cases are also checked under (each key's line replaced). */
const VARIANTS: { name: string; config: Record<string, string> }[] = [
  { name: "the fixture's _config.yml", config: {} },
  { name: 'timezone: America/New_York', config: { timezone: 'America/New_York' } },
  { name: 'timezone: UTC, no baseurl, permalink: date', config: { timezone: 'UTC', baseurl: '""', permalink: 'date' } },
];

/** As jekyll-oracle.ts builds: the machine's zone and Bundler cannot leak in. */
const BUILD_ENV: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', JEKYLL_ENV: 'production', JEKYLL_NO_BUNDLER_REQUIRE: 'true' };

interface Build {
  ok: boolean;
  log: string;
  site: string;
  out: string;
}

interface DumpedPost {
  path: string;
  url: string;
  date: string;
  title: unknown;
  slug: unknown;
  id: string;
  tags: unknown[];
  categories: unknown[];
}

const jekyll = findJekyll();
if (!jekyll.ok) console.warn(`[oracle] skipping tests/oracle/liquid-vs-jekyll.test.ts: ${jekyll.reason}`);

describe.skipIf(!jekyll.ok)('renderLiquid agrees with Jekyll 4.3 on tests/fixtures/liquid-site', () => {
  let temp = '';
  const gate = semaphore(Math.max(1, Math.min(4, availableParallelism())));
  const builds = new Map<string, Promise<Build>>();
  /** Build the fixture with the cases post's body replaced (null: as it is) and settings changed, once each. */
  const buildOf = (body: string | null, config: Record<string, string> = {}): Promise<Build> => {
    const key = JSON.stringify([body, config]);
    if (!builds.has(key)) {
      const site = path.join(temp, `site-${builds.size}`);
      const promise = gate(() => build(site, body, config));
      promise.catch(() => undefined);
      builds.set(key, promise);
    }
    return builds.get(key)!;
  };

  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'hanji-liquid-oracle-'));
    for (const variant of VARIANTS) void buildOf(null, variant.config);
    for (const [, body] of FATAL_BODIES) void buildOf(body);
  });

  afterAll(async () => {
    await Promise.allSettled(builds.values());
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 180_000);

  it.each(VARIANTS)('$name: every case of the cases post renders as Jekyll renders it', async ({ config }) => {
    const run = await buildOf(null, config);
    if (!run.ok) throw new Error(`jekyll build failed:\n${run.log}`);
    expect(run.log).not.toMatch(/Liquid Warning/u);
    const expected = cases(readFileSync(path.join(run.out, CASES_OUTPUT), 'utf8'));
    const result = await hanjiRender(run, run, null);
    const actual = cases(result.output);
    expect(expected.size).toBeGreaterThan(40);
    const rows: string[] = [];
    for (const [name, jekyllText] of expected) {
      const hanjiText = actual.get(name);
      if (hanjiText !== jekyllText) rows.push(`${name}\n  jekyll: ${JSON.stringify(jekyllText)}\n  hanji:  ${hanjiText === undefined ? '(missing)' : JSON.stringify(hanjiText)}`);
    }
    for (const name of actual.keys()) if (!expected.has(name)) rows.push(`${name}\n  jekyll: (missing)`);
    if (rows.length > 0) throw new Error(`${rows.length} of ${expected.size} cases differ from Jekyll:\n\n${rows.join('\n')}`);
    expect(result.problems).toEqual([]);
  }, 120_000);

  it.each(FATAL_BODIES)('%s: Jekyll stops the build; the preview shows where', async (_name, body, openingLine) => {
    const [run, fixture] = await Promise.all([buildOf(body), buildOf(null)]);
    expect(run.ok, `jekyll build should fail on ${JSON.stringify(body)}:\n${run.log}`).toBe(false);
    expect(run.log).toMatch(/Liquid Exception|ERROR: YOUR SITE COULD NOT BE BUILT/u);
    if (!fixture.ok) throw new Error(`jekyll build of the fixture failed:\n${fixture.log}`);
    const result = await hanjiRender(run, fixture, body);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]?.message).toMatch(/jekyll build will stop here$/u);
    expect(result.output).toContain('<div class="liquid-error" role="note">Liquid error');
    const jekyllLine = /Liquid (?:syntax )?error \(line (\d+)\)/u.exec(run.log)?.[1];
    if (openingLine !== undefined) {
      expect(Number(jekyllLine)).toBe(body.split('\n').length);
      expect(result.problems[0]?.line).toBe(openingLine);
    } else if (jekyllLine !== undefined) expect(result.problems[0]?.line, run.log).toBe(Number(jekyllLine));
  }, 120_000);
});

/** Copy the fixture to `site` (cases body and settings replaced when given), add the dump page, and build it. */
async function build(site: string, body: string | null, config: Record<string, string>): Promise<Build> {
  cpSync(FIXTURE, site, { recursive: true });
  writeFileSync(path.join(site, DUMP_PAGE), DUMP_TEMPLATE);
  const configFile = path.join(site, '_config.yml');
  let configText = readFileSync(configFile, 'utf8');
  for (const [key, value] of Object.entries(config)) configText = `${configText.replace(new RegExp(`^${key}:.*\\n`, 'mu'), '')}${key}: ${value}\n`;
  writeFileSync(configFile, configText);
  if (body !== null) {
    const file = path.join(site, CASES_POST);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, splitFrontMatter(text)!.bodyStart) + body);
  }
  const out = `${site}-out`;
  const args = ['build', '--safe', '--disable-disk-cache', '--source', site, '--destination', out];
  return new Promise((resolve) => {
    execFile('jekyll', args, { cwd: site, env: BUILD_ENV, timeout: 90_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ ok: !error, log: `${stdout}${stderr}`, site, out });
    });
  });
}

/**
 * Hanji's Liquid of the cases post (or `body`), with the site the app would give it; `posts` come
 * from the unchanged fixture's build (a failed build writes no dump).
 */
function hanjiRender(run: Build, fixtureBuild: Build, body: string | null): Promise<LiquidResult> {
  const config = parseSiteConfig(readFileSync(path.join(run.site, '_config.yml'), 'utf8'));
  const data = loadRenderData(run.site, config);
  const dumped = JSON.parse(readFileSync(path.join(fixtureBuild.out, DUMP_PAGE), 'utf8')) as DumpedPost[];
  const text = readFileSync(path.join(FIXTURE, CASES_POST), 'utf8');
  const block = splitFrontMatter(text)!;
  const front = toPlainData(parseFrontMatterYaml(block.yaml)) as Record<string, unknown>;
  const self = dumped.find((post) => post.path === CASES_POST);
  const page = { ...front, ...(self ?? {}), path: CASES_POST };
  const context: LiquidContext = {
    site: { ...data.config, data: siteData(path.join(run.site, '_data')), posts: dumped, time: new Date().toISOString(), baseurl: config.baseurl, url: config.url },
    page,
    include: (name) => data.includes[name] ?? null,
    posts: dumped.map((post) => ({ path: post.path, url: post.url })),
    files: data.files,
    baseurl: config.baseurl,
  };
  return renderLiquid(body ?? text.slice(block.bodyStart), context);
}

/** `site.data`: each `_data/*.yml` by its name, as Psych reads it. */
function siteData(dir: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of readdirSync(dir)) {
    if (/\.ya?ml$/u.test(name)) data[name.replace(/\.ya?ml$/u, '')] = toPlainData(parseWithJsYaml(readFileSync(path.join(dir, name), 'utf8')));
  }
  return data;
}

/** The `<c n="name">text</c>` cases of an output. */
function cases(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<c n="([^"]+)">([\s\S]*?)<\/c>/gu)].map((m) => [m[1]!, m[2]!]));
}

/** At most `size` tasks at once. */
function semaphore(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
