import path from 'node:path';
import { checkSite } from '../../shared/jekyll/site-check';
import type { IndexOptions, PostProblem, SiteIndexReport } from '../../shared/model/site';
import { defaultCacheDir } from '../core/data-dirs';
import { SiteService } from '../core/site-service';

/** Open `root` with a CLI engine (cache on disk, no watcher). */
export async function openForCli(root: string): Promise<SiteService> {
  const service = new SiteService({ cacheDir: defaultCacheDir() });
  await service.openSite(path.resolve(root));
  return service;
}

/** The `index` report of the site folder `root`. */
export async function indexSite(root: string, options: IndexOptions = {}): Promise<SiteIndexReport> {
  const service = await openForCli(root);
  try {
    return await service.getIndex(options);
  } finally {
    await service.close();
  }
}

/** The JSON the CLI prints for `index`: exactly the documented keys per post (problems are listed once, at the top). */
export function indexJson(report: SiteIndexReport): unknown {
  const posts = report.posts.map(({ path, status, title, date, slug, id, url, tags, categories, excerpt }) => ({ path, status, title, date, slug, id, url, tags, categories, excerpt }));
  return { ...report, posts };
}

/** Human-readable form of the report: one post per line. */
export function formatIndex(report: SiteIndexReport): string {
  const lines = [`${report.site.title} (${report.site.root}): ${report.posts.length} posts, ${report.ignored.length} ignored files`];
  for (const post of report.posts) lines.push(`${post.date.slice(0, 10)}  ${post.status.padEnd(11)}  ${post.title ?? '(no title)'}  ${post.url}  [${post.path}]`);
  return lines.join('\n');
}

/** The `check` report: every problem, errors first. */
export async function checkSiteFolder(root: string): Promise<PostProblem[]> {
  const report = await indexSite(root);
  return checkSite(report).sort((a, b) => (a.severity === b.severity ? a.path.localeCompare(b.path) : a.severity === 'error' ? -1 : 1));
}

/** One problem per line, as `path:line:column: severity: message`. */
export function formatProblems(problems: readonly PostProblem[]): string {
  if (problems.length === 0) return 'No problems found.';
  return problems.map((p) => `${p.path}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.severity}: ${p.message}`).join('\n');
}
