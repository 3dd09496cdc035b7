import path from 'node:path';
import type { PostSummary, SiteInfo } from '../../shared/model/site';
import { SiteService } from '../core/site-service';

/** The `index` report: the site, its posts, and (filled in by later rules) what Jekyll ignores. */
export interface SiteIndexReport {
  site: SiteInfo;
  posts: PostSummary[];
  ignored: { path: string; reason: string }[];
  tags: { name: string; posts: string[] }[];
  categories: { name: string; posts: string[] }[];
  problems: { path: string; line: number | null; column: number | null; severity: 'error' | 'warning'; message: string }[];
}

/** Build the index report of the site folder `root`. */
export async function indexSite(root: string): Promise<SiteIndexReport> {
  const service = new SiteService();
  const site = await service.openSite(path.resolve(root));
  const posts = await service.listPosts();
  return { site, posts, ignored: [], tags: [], categories: [], problems: [] };
}

/** Human-readable form of the report: one post per line. */
export function formatIndex(report: SiteIndexReport): string {
  const lines = [`${report.site.title} (${report.site.root}): ${report.posts.length} posts`];
  for (const post of report.posts) lines.push(`${post.date ?? 'draft     '}  ${post.title}  [${post.path}]`);
  return lines.join('\n');
}
