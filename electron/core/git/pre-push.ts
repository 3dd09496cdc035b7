import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkSite } from '../../../shared/jekyll/site-check';
import { classifyPostPath } from '../../../shared/jekyll/post-filename';
import { siteImagePaths } from '../../../shared/jekyll/post-images';
import type { PostProblem, SiteIndexReport } from '../../../shared/model/site';

/** GitHub warns about files over 50 MB… */
export const WARN_FILE_BYTES = 50 * 1024 * 1024;
/** …and rejects files over 100 MB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * What the writer should know before a push: the site check (invalid front matter, future posts,
 * duplicate URLs…), and for the files the push carries: posts that will not appear (unpublished,
 * drafts), `post_url` tags and images that resolve to nothing, and files GitHub warns about or rejects.
 */
export async function prePushProblems(root: string, report: SiteIndexReport, pushed: readonly string[]): Promise<PostProblem[]> {
  const problems = checkSite(report);
  const at = (file: string, severity: PostProblem['severity'], message: string, line: number | null = null) => problems.push({ path: file, line, column: null, severity, message });
  const postNames = new Set(report.posts.map((p) => path.posix.basename(p.path).replace(/\.[^.]+$/u, '')));
  const byPath = new Map(report.posts.map((p) => [p.path, p]));
  for (const rel of pushed) {
    const abs = path.join(root, ...rel.split('/'));
    const stat = await fs.stat(abs).catch(() => null);
    if (!stat?.isFile()) continue;
    const mb = Math.round((stat.size / 1024 / 1024) * 10) / 10;
    if (stat.size > MAX_FILE_BYTES) at(rel, 'error', `${mb} MB: GitHub rejects files over 100 MB, so this push would fail. Remove the file from the commit or use Git LFS.`);
    else if (stat.size > WARN_FILE_BYTES) at(rel, 'warning', `${mb} MB: GitHub warns about files over 50 MB; consider compressing it or Git LFS.`);
    if (!classifyPostPath(rel)) continue;
    const post = byPath.get(rel);
    if (post?.status === 'unpublished') at(rel, 'warning', 'published: false — Jekyll skips this post, so it will not appear on the site.');
    if (post?.status === 'draft') at(rel, 'warning', 'a draft: Jekyll does not build drafts, so it will not appear on the site.');
    const text = await fs.readFile(abs, 'utf8');
    const lineOf = (index: number) => (index < 0 ? null : text.slice(0, index).split('\n').length);
    for (const m of text.matchAll(/\{%-?\s*post_url\s+(\S+?)\s*-?%\}/gu)) {
      const name = path.posix.basename(m[1] as string);
      if (!postNames.has(name)) at(rel, 'error', `{% post_url ${m[1] as string} %} names no post of the site: Jekyll will stop the build.`, lineOf(m.index));
    }
    for (const image of siteImagePaths(text, report.site.baseurl)) {
      const exists = await fs.stat(path.join(root, ...image.split('/'))).then((s) => s.isFile(), () => false);
      if (!exists) at(rel, 'warning', `the image /${image} is not in the site: it will show as broken.`, lineOf(text.indexOf(image)));
    }
  }
  return problems;
}
