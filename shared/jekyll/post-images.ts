/**
 * The site files a post's images point to, from Markdown `![…](…)` and HTML `<img src>`, with
 * the Liquid forms Jekyll themes use (`{{ site.baseurl }}/…`, `{{ '/…' | relative_url }}`).
 * Web images and links Hanji cannot tell statically (other Liquid) are left out.
 */
export function siteImagePaths(text: string, baseurl: string): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    const rel = siteRelative(raw, baseurl);
    if (rel !== null) found.add(rel);
  };
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*<?((?:\{\{[^}]*\}\}|[^)\s>])+)>?(?:\s+["'(][^)]*)?\)/gu)) add(m[1] as string);
  for (const m of text.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1/giu)) add(m[2] as string);
  return [...found];
}

/** A URL of the site as a site-relative path, or null for a web address or one only Liquid can resolve. */
function siteRelative(raw: string, baseurl: string): string | null {
  let url = raw
    .replace(/^\{\{\s*site\.baseurl\s*\}\}/u, '')
    .replace(/^\{\{\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url)\s*\}\}$/u, '$1');
  if (url.includes('{{') || url.includes('{%') || /^[a-z][a-z0-9+.-]*:|^\/\//iu.test(url) || !url.startsWith('/')) return null;
  const base = baseurl.replace(/\/$/u, '');
  if (base !== '' && (url === base || url.startsWith(`${base}/`))) url = url.slice(base.length);
  url = url.replace(/[?#].*$/u, '');
  try {
    url = decodeURI(url);
  } catch {
    return null;
  }
  const rel = url.replace(/^\/+/u, '');
  return rel === '' ? null : rel;
}
