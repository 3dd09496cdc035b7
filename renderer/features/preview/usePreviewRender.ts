import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RenderedPost } from '../../../shared/markdown/types';
import type { PostSummary, SiteInfo, SiteRenderData } from '../../../shared/model/site';
import type { LiveText } from '../editor/live-text';
import { afterPaint } from './after-paint';
import { PreviewRenderer } from './preview-renderer';
import { sameEntries } from './render-wire';

/** The preview's latest render: the post it shows, or why the latest attempt failed. */
export interface PreviewRender {
  /** The newest successful render of `path`, or null before the first one. */
  post: RenderedPost | null;
  /** Its HTML in top-level pieces. */
  chunks: readonly string[];
  /** The text `post` was rendered from. */
  text: string | null;
  /** Why the newest render failed; the last good `post` stays on screen meanwhile. */
  error: string | null;
  /** Bumped on every new render, so the DOM knows when to refresh. */
  version: number;
}

/** A render this quick (an edit the incremental render handled) lets the next one start at once. */
export const QUICK_RENDER_MS = 50;

/** The longest the preview waits after the last keystroke, however slow the last render was. */
const MAX_DELAY_MS = 3000;

/**
 * The pause after a keystroke before the preview renders. While edit renders stay quick the
 * preview follows every keystroke. After a slow one (a heading edited in a long post renders the
 * whole post) it waits at least as long as that render took, longer for longer posts: on two
 * cores a worker that is always busy takes a whole core from the page while the user types.
 */
export function renderDelay(length: number, lastEditRenderMs: number): number {
  if (lastEditRenderMs < QUICK_RENDER_MS) return 0;
  const pause = length < 50_000 ? 150 : length < 250_000 ? 400 : 900;
  return Math.min(MAX_DELAY_MS, Math.max(pause, lastEditRenderMs));
}

/**
 * `next`, keeping the headings and TOC lists of `previous` where they are equal: the outline and
 * the TOC of a long post have a thousand entries, and a keystroke in a paragraph changes neither.
 */
export function keepUnchanged(previous: RenderedPost | null, next: RenderedPost): RenderedPost {
  if (!previous) return next;
  const headings = sameEntries(previous.headings, next.headings) ? previous.headings : next.headings;
  const toc = sameEntries(previous.toc, next.toc) ? previous.toc : next.toc;
  return headings === next.headings && toc === next.toc ? next : { ...next, headings, toc };
}

const EMPTY: PreviewRender = { post: null, chunks: [], text: null, error: null, version: 0 };

/**
 * Render `text` for the preview, with never more than one render in flight: a change that
 * arrives while a render runs is rendered as soon as it ends, always with the newest text. A
 * newly opened post renders at once, and so does an edit while renders stay quick (renderDelay).
 * `show` gets each render's chunks as soon as the worker answers, before React re-renders
 * anything, so the preview's DOM follows a keystroke within the task that receives the render.
 * With `live`, keystrokes reach the worker from the editor's own update, not through React: the
 * `text` prop may then lag behind, and the newer live text of the same post wins.
 */
export function usePreviewRender(
  path: string,
  text: string,
  summary: PostSummary | null,
  posts: readonly PostSummary[],
  site: SiteInfo,
  data: SiteRenderData | null,
  show?: (chunks: readonly string[]) => void,
  live?: LiveText,
): PreviewRender {
  const [result, setResult] = useState<PreviewRender & { path: string }>({ ...EMPTY, path });
  const renderer = useRef<PreviewRenderer | null>(null);
  const hasContext = useRef(false);
  const latest = useRef({ path, text, summary });
  const run = useRef<() => void>(() => undefined);
  const shown = useRef<{ path: string; text: string | null }>({ path, text: null });
  const lastDuration = useRef(0);
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  }, [show]);

  useEffect(() => {
    shown.current = { path: result.path, text: result.text };
  }, [result]);

  // Declared first, so it runs before the effects below that use the renderer.
  useEffect(() => {
    const created = new PreviewRenderer();
    renderer.current = created;
    hasContext.current = false;
    let alive = true;
    let busy = false;
    let wanted = false;
    // A render that finishes after newer keystrokes is still shown: slightly old beats waiting.
    run.current = () => {
      if (busy) {
        wanted = true;
        return;
      }
      busy = true;
      wanted = false;
      const doc = latest.current;
      const started = performance.now();
      created
        .render(doc)
        .then(
          ({ post, chunks, incremental }) => {
            // Opening a post renders it whole, and an incremental render costs what the edit
            // changed: only a whole render after an edit says the next one will be as slow.
            const opened = shown.current.path !== doc.path || shown.current.text === null;
            lastDuration.current = opened || incremental ? 0 : performance.now() - started;
            if (!alive) return;
            if (doc.path === latest.current.path) showRef.current?.(chunks);
            // The header, TOC and outline follow once the frame showing the text is painted.
            afterPaint(() => {
              if (!alive) return;
              startTransition(() =>
                setResult((current) => ({ post: keepUnchanged(current.path === doc.path ? current.post : null, post), chunks, text: doc.text, error: null, version: current.version + 1, path: doc.path })),
              );
            });
          },
          (error: unknown) => {
            if (alive) setResult((current) => ({ ...(current.path === doc.path ? current : EMPTY), error: error instanceof Error ? error.message : String(error), path: doc.path }));
          },
        )
        .finally(() => {
          busy = false;
          if (wanted && alive) run.current();
        });
    };
    return () => {
      alive = false;
      run.current = () => undefined;
      renderer.current = null;
      created.dispose();
    };
  }, []);

  useEffect(() => {
    if (!renderer.current || !data) return;
    renderer.current.setContext({ posts, site, data });
    hasContext.current = true;
    const timer = setTimeout(() => run.current(), 0);
    return () => clearTimeout(timer);
  }, [posts, site, data]);

  // Render the newest text now, or after renderDelay; a newer change restarts the wait.
  const waiting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const schedule = useRef(() => {
    clearTimeout(waiting.current);
    if (!hasContext.current) return;
    const doc = latest.current;
    const first = shown.current.path !== doc.path || shown.current.text === null;
    const delay = first ? 0 : renderDelay(doc.text.length, lastDuration.current);
    if (delay === 0) run.current();
    else waiting.current = setTimeout(() => run.current(), delay);
  });
  useEffect(() => () => clearTimeout(waiting.current), []);

  // A layout effect, so a render that need not wait is sent to the worker within the task that
  // changed the props, not after the next frame.
  useLayoutEffect(() => {
    const now = live?.get();
    const next = { path, text: now?.path === path ? now.text : text, summary };
    const before = latest.current;
    latest.current = next;
    // The live text got there first: React catching up with it is no change.
    if (before.path !== next.path || before.text !== next.text || before.summary !== next.summary) schedule.current();
  }, [path, text, summary, live]);

  // A layout effect, and a look at the text once subscribed: a keystroke between the render
  // and the subscription is not missed.
  useLayoutEffect(() => {
    if (!live) return;
    const follow = () => {
      const now = live.get();
      const doc = latest.current;
      // Another post arrives through the props, with its summary.
      if (!now || now.path !== doc.path || now.text === doc.text) return;
      latest.current = { ...doc, text: now.text };
      schedule.current();
    };
    const stop = live.subscribe(follow);
    follow();
    return stop;
  }, [live]);

  return result.path === path ? result : EMPTY;
}
