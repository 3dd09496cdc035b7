import type { PostSummary } from '../../../shared/model/site';

/** Where a link in the preview leads, as Hanji follows it (the window itself never navigates). */
export type LinkTarget =
  /** `#id`: a place in the post on screen. */
  | { kind: 'fragment'; id: string }
  /** A post of the site (by its URL, with or without baseurl), and the `#fragment` after it. */
  | { kind: 'post'; path: string; fragment: string | null }
  /** A page on the web: for the system browser (a new tab in browser mode). */
  | { kind: 'web'; url: string }
  /** A page of the site that is not a post, in a site whose `_config.yml` has no `url`. */
  | { kind: 'unreachable'; path: string }
  /** `mailto:`, `javascript:` and other schemes: not followed. */
  | { kind: 'none' };

/** What a link is resolved against. */
export interface LinkContext {
  posts: readonly PostSummary[];
  /** `_config.yml`'s `url` ('' when unset) and `baseurl` ('' or e.g. `/blog`). */
  url: string;
  baseurl: string;
  /** The `page.url` (without baseurl) of the post on screen: relative links resolve against it. */
  postUrl: string;
}

// Stands in for the site's origin when `url` is unset or not a web address.
const NO_ORIGIN = 'https://site.invalid';

/**
 * Where `href` (as written in the rendered post) leads. A site-relative or relative link, or an
 * absolute one on the site's own `url`, that names a post's URL (`/2025/01/15/welcome/`, with or
 * without baseurl, `index.html` or not) is that post; any other page of the site is
 * `url + baseurl + path` on the web, or unreachable when the site has no `url`.
 */
export function linkTarget(href: string, ctx: LinkContext): LinkTarget {
  if (href.startsWith('#')) return { kind: 'fragment', id: decoded(href.slice(1)) };
  const origin = webOrigin(ctx.url) ?? NO_ORIGIN;
  const base = ctx.baseurl.replace(/\/+$/u, '');
  let url: URL;
  try {
    url = new URL(href, `${origin}${base}${ctx.postUrl.startsWith('/') ? ctx.postUrl : `/${ctx.postUrl}`}`);
  } catch {
    return { kind: 'none' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'none' };
  if (url.origin !== origin) return { kind: 'web', url: url.href };
  const withBase = url.pathname === base || url.pathname.startsWith(`${base}/`);
  const path = base && withBase ? url.pathname.slice(base.length) || '/' : url.pathname;
  const post = postAt(decoded(path), ctx.posts);
  if (post) return { kind: 'post', path: post.path, fragment: url.hash.length > 1 ? decoded(url.hash.slice(1)) : null };
  if (origin === NO_ORIGIN) return { kind: 'unreachable', path: decoded(path) };
  return { kind: 'web', url: `${origin}${base}${path}${url.search}${url.hash}` };
}

/** The post whose URL is `path` (decoded), a published one first when several share it. */
function postAt(path: string, posts: readonly PostSummary[]): PostSummary | null {
  const candidates = new Set([path]);
  if (path.endsWith('/index.html')) candidates.add(path.slice(0, -'index.html'.length));
  else if (!path.endsWith('/') && !/\.[^/]*$/u.test(path)) candidates.add(`${path}/`).add(`${path}.html`);
  const matches = posts.filter((post) => candidates.has(decoded(post.url)));
  return matches.find((post) => post.status === 'published') ?? matches[0] ?? null;
}

/** The origin of `_config.yml`'s `url` when it is a web address. */
function webOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Not percent-encoded after all: compare it as written.
    return text;
  }
}
