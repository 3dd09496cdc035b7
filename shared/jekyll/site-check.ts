/** What `hanji check` reports: every reason a post will not appear, or appear wrong, on the built site. */
import type { PostProblem, SiteIndexReport } from '../model/site';

/** Problems of the whole index plus the ones only visible across posts: ignored files, duplicate URLs, future posts. */
export function checkSite(report: SiteIndexReport): PostProblem[] {
  const problems: PostProblem[] = [...report.problems];
  const at = (path: string, severity: PostProblem['severity'], message: string) => problems.push({ path, line: null, column: null, severity, message });
  for (const file of report.ignored) {
    if (/\.(?:md|markdown|mkdown|mkdn|mkd|html)$/iu.test(file.path)) at(file.path, 'warning', `Jekyll ignores this file: ${file.reason}.`);
  }
  const byUrl = new Map<string, string[]>();
  for (const post of report.posts) {
    if (post.status === 'future') at(post.path, 'warning', `dated ${post.date}, in the future: Jekyll skips it until then (or with future: true).`);
    if (post.status !== 'published' || post.url === '') continue;
    byUrl.set(post.url, [...(byUrl.get(post.url) ?? []), post.path]);
  }
  for (const [url, paths] of byUrl) {
    if (paths.length < 2) continue;
    for (const path of paths) at(path, 'error', `${url} is also the URL of ${paths.filter((p) => p !== path).join(', ')}: Jekyll writes one over the other.`);
  }
  return problems;
}
