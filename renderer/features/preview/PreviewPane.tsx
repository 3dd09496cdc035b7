import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedPost, TocEntry } from '../../../shared/markdown/types';
import type { PostSummary, SiteInfo } from '../../../shared/model/site';
import { useReadingStats } from '../../app/useReadingStats';
import { headingLines, sourceHeadings, type SourceHeading } from './heading-lines';
import { linkTarget } from './link-target';
import { afterPaint } from './after-paint';
import { OutlinePanel } from './OutlinePanel';
import contentCss from './preview-content.css?inline';
import { updatePreviewSettings, usePreviewSettings } from './preview-settings';
import type { LiveText } from '../editor/live-text';
import { PreviewContent } from './preview-content';
import type { SanitizeOptions } from './sanitize';
import { scrollToElement, useScrollSync, type HeadingPair } from './scroll-sync';
import { TocIcon } from './TocIcon';
import { usePreviewRender } from './usePreviewRender';
import { useSiteImages } from './useSiteImages';
import { useRenderData } from './useRenderData';

interface PreviewPaneProps {
  path: string;
  /** The editor's text, as React last heard of it. */
  text: string;
  /** The editor's text at every keystroke, ahead of `text`: the preview renders from it. */
  live?: LiveText;
  summary: PostSummary | null;
  posts: readonly PostSummary[];
  site: SiteInfo;
  /** The editor showing the same post, for scroll sync; null while it starts. */
  editor: EditorView | null;
  /** Show a line (1-based) of the post in the editor. */
  onRevealLine(line: number): void;
  /** Open another post of the site, asking about unsaved edits first (a link to it was clicked). */
  onOpenPost(path: string): void;
  /** Say something short in the status bar (a link that leads nowhere). */
  onMessage(message: string): void;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const XLINK = 'http://www.w3.org/1999/xlink';

/** Posts whose remote images the user chose to load, for this session. */
const remoteImagesAllowed = new Set<string>();

let sheet: CSSStyleSheet | null = null;

/** The host's shadow root, made on first use with the content's stylesheet (the CSP allows no inline <style>). */
function shadowOf(host: HTMLElement): ShadowRoot {
  if (host.shadowRoot) return host.shadowRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(contentCss);
  }
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet];
  return shadow;
}

/** The source headings of one editor document, computed once per document version. */
const sourceCache = new WeakMap<Text, SourceHeading[]>();
function sourceOf(doc: Text): SourceHeading[] {
  let found = sourceCache.get(doc);
  if (!found) {
    found = sourceHeadings(doc.toString());
    sourceCache.set(doc, found);
  }
  return found;
}

/**
 * The live preview of the open post: its Jekyll HTML, sanitized, in a shadow root (so its ids
 * and styles cannot reach the app), plain or in minimal-mistakes' single layout with the theme's
 * TOC, plus an outline of every heading. Links never navigate the window: in-page links scroll
 * the preview, links to another post open it in the editor, web links and the site's other pages
 * (when `_config.yml` has a `url`) open in the system browser (a new tab in browser mode).
 */
export function PreviewPane({ path, text, live, summary, posts, site, editor, onRevealLine, onOpenPost, onMessage }: PreviewPaneProps) {
  const { t, i18n } = useTranslation();
  const settings = usePreviewSettings();
  const data = useRenderData(site.root);
  const [remoteTick, setRemoteTick] = useState(0);
  const remote = remoteImagesAllowed.has(path);
  const hostRef = useRef<HTMLDivElement>(null);
  const content = useRef<{ root: HTMLDivElement; pieces: PreviewContent } | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  // Read on click only: the outline and the TOC must not re-render (a long post has thousands of entries) on every keystroke.
  const latestText = useRef(text);
  /** What is on screen: bumped when an update is fully in place, with the remote images it holds back. */
  const [shown, setShown] = useState({ version: 0, blocked: 0 });

  // The click listener lives as long as the shadow root, so openLink reads the latest props here.
  const linkProps = useRef({ path, posts, site, postUrl: summary?.url ?? '/', onOpenPost, onMessage, t });
  useEffect(() => {
    linkProps.current = { path, posts, site, postUrl: summary?.url ?? '/', onOpenPost, onMessage, t };
  });
  /** A `#fragment` of a post being opened from a link, scrolled to once that post is on screen. */
  const pendingFragment = useRef<{ from: string; path: string; id: string } | null>(null);

  const openLink = useCallback((href: string) => {
    const scrollToId = (id: string) => {
      const target = hostRef.current?.shadowRoot?.getElementById(id);
      if (target && scrollerRef.current) scrollToElement(scrollerRef.current, target);
    };
    const now = linkProps.current;
    const target = linkTarget(href, { posts: now.posts, url: now.site.url, baseurl: now.site.baseurl, postUrl: now.postUrl });
    switch (target.kind) {
      case 'fragment':
        scrollToId(target.id);
        return;
      case 'post':
        if (target.path === now.path) {
          if (target.fragment !== null) scrollToId(target.fragment);
          return;
        }
        pendingFragment.current = target.fragment === null ? null : { from: now.path, path: target.path, id: target.fragment };
        now.onOpenPost(target.path);
        return;
      case 'web':
        window.open(target.url, '_blank', 'noopener');
        return;
      case 'unreachable':
        now.onMessage(now.t('preview.linkNotPost', { path: target.path }));
        return;
      case 'none':
        return;
    }
  }, []);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = shadowOf(host);
    const root = document.createElement('div');
    root.className = 'content';
    shadow.replaceChildren(root);
    content.current = { root, pieces: new PreviewContent(root) };
    // Every activation of a link inside the post is ours: the window itself never navigates.
    const onClick = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a, area') : null;
      if (!link) return;
      event.preventDefault();
      if (event.type !== 'click') return;
      const href = link.getAttribute('href') ?? link.getAttributeNS(XLINK, 'href');
      if (href) openLink(href.trim());
    };
    const kinds = ['click', 'auxclick', 'dragstart'] as const;
    for (const kind of kinds) shadow.addEventListener(kind, onClick);
    return () => {
      content.current?.pieces.clear();
      content.current = null;
      for (const kind of kinds) shadow.removeEventListener(kind, onClick);
    };
  }, [openLink]);
  useSiteImages(content, site.root);

  const options = useMemo<SanitizeOptions>(
    () => ({ baseurl: site.baseurl, postUrl: summary?.url ?? '/', remoteImages: remote, labels: { remoteImage: t('preview.remoteImage'), siteImage: t('preview.siteImage'), insecureImage: t('preview.insecureImage') } }),
    // remoteTick: the user allowed remote images for this post.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [site.baseurl, summary?.url, remote, remoteTick, t],
  );
  /** Put a render's chunks on screen (at once from the worker's answer, again with new options). */
  const showChunks = useCallback((chunks: readonly string[], options: SanitizeOptions) => {
    const target = content.current;
    if (!target) return;
    // Scroll sync and the remote-image count catch up after the frame that shows the change.
    target.pieces.update(chunks, options, () => afterPaint(() => setShown((now) => ({ version: now.version + 1, blocked: target.pieces.blockedRemoteImages }))));
  }, []);
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  }, [options]);
  const showRendered = useCallback((chunks: readonly string[]) => showChunks(chunks, optionsRef.current), [showChunks]);
  const render = usePreviewRender(path, text, summary, posts, site, data, showRendered, live);
  const post = render.post;
  const { chunks } = render;
  // Already on screen when the worker answered; this applies new options and clears a closed post.
  useLayoutEffect(() => {
    if (!post) {
      content.current?.pieces.clear();
      return;
    }
    showChunks(chunks, options);
  }, [post, chunks, options, showChunks]);

  // Matched once per text and content version: scrolling reads it on every frame.
  const pairsCache = useRef<{ doc: Text; version: number; pairs: HeadingPair[] } | null>(null);
  const version = shown.version;
  const pairs = useCallback((): HeadingPair[] => {
    const root = content.current?.root;
    if (!root || !editor) return [];
    const doc = editor.state.doc;
    const cached = pairsCache.current;
    if (cached && cached.doc === doc && cached.version === version) return cached.pairs;
    const elements = Array.from(root.querySelectorAll(HEADINGS));
    const lines = headingLines(
      elements.map((element) => ({ level: Number(element.tagName.slice(1)), text: element.textContent ?? '' })),
      sourceOf(doc),
    );
    const found = elements.flatMap((element, i) => {
      const line = lines[i];
      return line ? [{ element, line }] : [];
    });
    pairsCache.current = { doc, version, pairs: found };
    return found;
  }, [editor, version]);
  const sync = useScrollSync(editor, scroller, pairs, shown.version);

  // Read on click only, so the outline (a thousand entries in a long post) keeps its props while the user types.
  const postRef = useRef(post);
  useEffect(() => {
    postRef.current = post;
  }, [post]);

  /** Show heading `index` of the render at the top of the preview and of the editor. */
  const goToHeading = useCallback(
    (index: number) => {
      const post = postRef.current;
      const heading = post?.headings[index];
      const root = content.current?.root;
      if (!heading || !root) return;
      const element = (heading.id !== null ? hostRef.current?.shadowRoot?.getElementById(heading.id) : null) ?? root.querySelectorAll(HEADINGS)[index] ?? null;
      sync.suspend(600);
      if (element && scrollerRef.current) scrollToElement(scrollerRef.current, element);
      const line = headingLines(post.headings, editor ? sourceOf(editor.state.doc) : sourceHeadings(latestText.current))[index];
      if (line) onRevealLine(line);
    },
    [sync, editor, onRevealLine],
  );

  const onTocClick = useCallback(
    (event: ReactMouseEvent, id: string) => {
      event.preventDefault();
      const index = postRef.current?.headings.findIndex((h) => h.id === id) ?? -1;
      if (index >= 0) goToHeading(index);
      else openLink(`#${id}`);
    },
    [goToHeading, openLink],
  );

  useEffect(() => {
    const pending = pendingFragment.current;
    if (!pending || pending.from === path) return;
    if (pending.path !== path) {
      pendingFragment.current = null;
      return;
    }
    // Until the opened post's render is in, the content is the old post's or being filled in.
    if (post?.page['path'] !== path) return;
    const target = hostRef.current?.shadowRoot?.getElementById(pending.id);
    if (target && scrollerRef.current) {
      pendingFragment.current = null;
      scrollToElement(scrollerRef.current, target);
    }
  }, [path, post, shown.version]);

  useEffect(() => {
    latestText.current = text;
    scrollerRef.current = scroller;
  }, [text, scroller]);

  const single = settings.mode === 'single';
  const showToc = single && post !== null && post.tocSettings.enabled;
  const blocked = post ? shown.blocked : 0;

  return (
    <section className="preview-pane" aria-label={t('preview.region')}>
      <div className="preview-toolbar">
        <label className="preview-mode">
          <span>{t('preview.style')}</span>
          <select value={settings.mode} onChange={(event) => updatePreviewSettings({ mode: event.target.value === 'plain' ? 'plain' : 'single' })}>
            <option value="single">{t('preview.styleSingle')}</option>
            <option value="plain">{t('preview.stylePlain')}</option>
          </select>
        </label>
        {blocked > 0 && !remote ? (
          <button
            type="button"
            onClick={() => {
              remoteImagesAllowed.add(path);
              setRemoteTick((n) => n + 1);
            }}
          >
            {t('preview.loadRemoteImages', { count: blocked })}
          </button>
        ) : null}
        {post === null && render.error === null ? <span className="preview-status">{t('preview.rendering')}</span> : null}
      </div>
      {post ? <OutlinePanel headings={post.headings} onSelect={goToHeading} /> : null}
      {render.error !== null ? (
        <p role="alert" className="preview-error">
          {t('preview.failed', { message: render.error })}
        </p>
      ) : null}
      <div className="preview-scroll" ref={setScroller} tabIndex={0}>
        <article className={`preview-page preview-${settings.mode}`}>
          {single && post ? <SingleHeader post={post} summary={summary} text={render.text ?? text} config={data?.config ?? {}} language={i18n.language} /> : null}
          <div className={`preview-body${showToc ? ' has-toc' : ''}`}>
            {showToc ? <TocAside toc={post.toc} label={post.tocSettings.label} icon={post.tocSettings.icon} sticky={post.tocSettings.sticky} onClick={onTocClick} /> : null}
            <div className="preview-content" ref={hostRef} />
          </div>
          {post && post.html.trim() === '' ? <EmptyNotice post={post} /> : null}
          {single && post ? <SingleFooter post={post} summary={summary} /> : null}
        </article>
      </div>
    </section>
  );
}

/** The title, date, reading time and author box of minimal-mistakes' `single` layout. */
function SingleHeader({ post, summary, text, config, language }: { post: RenderedPost; summary: PostSummary | null; text: string; config: Record<string, unknown>; language: string }) {
  const { t } = useTranslation();
  const title = stringOf(post.page['title']) ?? summary?.title ?? null;
  const date = summary?.date ?? stringOf(post.page['date']);
  const wpm = typeof config['words_per_minute'] === 'number' && config['words_per_minute'] > 0 ? config['words_per_minute'] : undefined;
  const minutes = useReadingStats(text, wpm)?.minutes ?? 0;
  const author = post.page['author_profile'] === true ? authorOf(config['author']) : null;
  return (
    <>
      {author ? (
        <div className="author__profile" role="group" aria-label={t('preview.author')}>
          <strong className="author__name">{author.name}</strong>
          {author.bio ? <p className="author__bio">{author.bio}</p> : null}
          {author.location ? <p className="author__location">{author.location}</p> : null}
        </div>
      ) : null}
      <header className="page__header">
        {title ? <h1 className="page__title">{title}</h1> : null}
        <p className="page__meta">
          {date ? <time dateTime={date}>{formatDate(date, language)}</time> : null}
          {post.page['read_time'] !== false ? <span className="page__meta-readtime">{minutes === 0 ? t('editor.readTimeLess') : t('editor.readTime', { count: minutes })}</span> : null}
        </p>
      </header>
    </>
  );
}

/** The theme's tags and categories under the post. */
function SingleFooter({ post, summary }: { post: RenderedPost; summary: PostSummary | null }) {
  const { t } = useTranslation();
  const tags = summary?.tags ?? listOf(post.page['tags']);
  const categories = summary?.categories ?? listOf(post.page['categories']);
  if (tags.length === 0 && categories.length === 0) return null;
  return (
    <footer className="page__taxonomy">
      {tags.length > 0 ? (
        <p>
          <strong>{t('preview.tags')}</strong> {tags.map((tag, i) => <span key={i} className="page__taxonomy-item">{String(tag)}</span>)}
        </p>
      ) : null}
      {categories.length > 0 ? (
        <p>
          <strong>{t('preview.categories')}</strong> {categories.map((category, i) => <span key={i} className="page__taxonomy-item">{String(category)}</span>)}
        </p>
      ) : null}
    </footer>
  );
}

/** minimal-mistakes' TOC: `aside.sidebar__right` (sticky with `toc_sticky`) around `nav.toc`. */
// Props are the TOC's own values, so a keystroke that leaves the TOC as it was does not re-render it.
const TocAside = memo(function TocAside({ toc, label, icon, sticky, onClick }: { toc: readonly TocEntry[]; label: string; icon: string; sticky: boolean; onClick(event: ReactMouseEvent, id: string): void }) {
  const top = toc.reduce((min, entry) => Math.min(min, entry.level), 6);
  return (
    <aside className={`sidebar__right${sticky ? ' sticky' : ''}`}>
      <nav className="toc" aria-label={label}>
        <header>
          <h4 className="nav__title">
            <TocIcon name={icon} />
            {label}
          </h4>
        </header>
        <ul className="toc__menu">
          {toc.map((entry, i) => (
            <li key={i} className={`toc-level-${Math.min(entry.level - top, 4)}`}>
              <a href={`#${entry.id}`} onClick={(event) => onClick(event, entry.id)}>
                {decodeEntities(entry.text)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
});

/** Never a blank preview: an empty render says why. */
function EmptyNotice({ post }: { post: RenderedPost }) {
  const { t } = useTranslation();
  return (
    <div className="preview-empty" role="note">
      {post.problems.length > 0 ? (
        <ul>
          {post.problems.map((problem, i) => (
            <li key={i}>{problem.line !== null ? t('preview.problemAt', { line: problem.line, message: problem.message }) : problem.message}</li>
          ))}
        </ul>
      ) : (
        t('preview.empty')
      )}
    </div>
  );
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function listOf(value: unknown): (string | number | boolean)[] {
  if (Array.isArray(value)) return value.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
  return typeof value === 'string' ? value.split(/\s+/u).filter(Boolean) : [];
}

/** `site.author` as the theme's author profile reads it: a map with a name, or just a name. */
function authorOf(value: unknown): { name: string; bio: string | null; location: string | null } | null {
  if (typeof value === 'string' && value !== '') return { name: value, bio: null, location: null };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const author = value as Record<string, unknown>;
  const name = stringOf(author['name']);
  return name ? { name, bio: stringOf(author['bio']), location: stringOf(author['location']) } : null;
}

/** The post's date (already in the site's zone) in the UI language, as the theme's `date_format` would. */
/** One formatter per language: making one costs milliseconds, and the header renders with every keystroke. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(day);
}

/** TOC text keeps entities as written (`&amp;`); the theme's page shows them decoded. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // An inert document: nothing in it loads or runs, and only its text is read.
  return new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? text;
}
