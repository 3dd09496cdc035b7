import type { TocEntry } from './types';

/**
 * minimal-mistakes' table of contents, as its `_includes/toc.html` (allejo/jekyll-toc 1.1.0,
 * called with h_min=1 h_max=6 skip_no_ids=true) computes it from the rendered content: split on
 * `<h`, the first accepted heading sets the minimum level (shallower ones later are dropped),
 * headings without an id or with a `no_toc` class are skipped, the text is the inner HTML with
 * tags stripped and entities left as written. See JEKYLL-RULES.md §11.
 */
export function tocOf(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  let minLevel: number | null = null;
  const chunks = html.split('<h');
  for (const chunk of chunks.slice(1)) {
    const level = Number(chunk.replace(/^"/u, '').charAt(0));
    if (!(level >= 1 && level <= 6)) continue;
    const end = chunk.indexOf(`</h${level}>`);
    // The include looks for the id and class anywhere in the heading's tag or content.
    const heading = end >= 0 ? chunk.slice(0, end) : chunk;
    const id = /id="([^"]*)"/u.exec(heading)?.[1];
    if (!id) continue;
    const className = /class="([^"]*)"/u.exec(heading)?.[1];
    if (className?.includes('no_toc')) continue;
    if (minLevel === null) minLevel = level;
    if (level < minLevel) continue;
    const inner = heading.slice(heading.indexOf('>') + 1);
    entries.push({ level, id, text: stripHtml(inner) });
  }
  return entries;
}

/** Liquid's `strip_html`: drop scripts, styles, comments and tags; entities stay as written. */
function stripHtml(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/giu, '')
    .replace(/<[\s\S]*?>/gu, '');
}
