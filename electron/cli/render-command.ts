import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';
import { renderPost } from '../../shared/markdown/render-post';
import type { Heading, RenderedPost, TocEntry } from '../../shared/markdown/types';
import { writeFileAtomic } from '../core/atomic-write';
import { openForCli } from './index-command';

/** What `render --json` prints for one post (documented in issue 5 and the README). */
export interface RenderJson {
  path: string;
  url: string;
  title: string | null;
  html: string;
  headings: Heading[];
  toc: TocEntry[];
  excerpt: string | null;
}

/** Render one post of the site at `root`, or every post when `post` is null. */
export async function renderSite(root: string, post: string | null): Promise<{ json: RenderJson; rendered: RenderedPost }[]> {
  const service = await openForCli(root);
  try {
    const [posts, site, data] = await Promise.all([service.listPosts(), service.getSite(), service.getRenderData()]);
    if (!site) throw new HanjiError('NO_SITE', 'The site did not open.');
    const targets = post === null ? posts : posts.filter((p) => p.path === post.split(path.sep).join('/'));
    if (post !== null && targets.length === 0) throw new HanjiError('NOT_FOUND', `${post} is not a post or draft of this site (give its path inside the site, e.g. _posts/2025-01-01-hello.md).`);
    const out: { json: RenderJson; rendered: RenderedPost }[] = [];
    for (const summary of targets) {
      const { text } = await service.readPost(summary.path);
      const rendered = await renderPost({ text, path: summary.path, summary, posts, site, data });
      out.push({ json: { path: summary.path, url: summary.url, title: summary.title, html: rendered.html, headings: rendered.headings, toc: rendered.toc, excerpt: rendered.excerpt }, rendered });
    }
    return out;
  } finally {
    await service.close();
  }
}

const escape = (text: string) => text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A standalone HTML page of one post: its title, date, TOC and content with a readable style. */
export function standalonePage(json: RenderJson, rendered: RenderedPost): string {
  const toc = rendered.tocSettings.enabled && json.toc.length > 0 ? `<nav class="toc" aria-label="${escape(rendered.tocSettings.label)}"><h4>${escape(rendered.tocSettings.label)}</h4><ul>${json.toc.map((e) => `<li class="toc-${e.level}"><a href="#${escape(e.id)}">${e.text}</a></li>`).join('')}</ul></nav>` : '';
  const date = typeof rendered.page['date'] === 'string' ? `<p class="date"><time datetime="${escape(rendered.page['date'])}">${escape(rendered.page['date'].slice(0, 10))}</time></p>` : '';
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(json.title ?? json.path)}</title>
<style>
body { font: 17px/1.7 system-ui, 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif; color: #222; margin: 0; }
main { max-width: 760px; margin: 40px auto; padding: 0 20px; }
.toc { float: right; width: 220px; margin: 0 0 20px 24px; font-size: 14px; border: 1px solid #ddd; padding: 8px 12px; }
.toc ul { list-style: none; padding: 0; margin: 0; } .toc-3 { padding-left: 12px; } .toc-4 { padding-left: 24px; }
pre { background: #f6f6f6; padding: 12px; overflow: auto; } code { font-family: ui-monospace, 'D2Coding', monospace; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 4px 8px; }
.date { color: #777; } img { max-width: 100%; }
</style>
</head>
<body>
<main>
<h1>${escape(json.title ?? json.path)}</h1>
${date}
${toc}
${json.html}
</main>
</body>
</html>
`;
}

/** Write the standalone page for `post` to `out` (atomically; the folder must exist). */
export async function exportHtml(root: string, post: string, out: string): Promise<string> {
  const [result] = await renderSite(root, post);
  if (!result) throw new HanjiError('NOT_FOUND', `${post} is not a post of this site.`);
  const target = path.resolve(out);
  await writeFileAtomic(target, Buffer.from(standalonePage(result.json, result.rendered)), 0o644);
  return target;
}

