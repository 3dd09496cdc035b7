import { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef } from 'react';

/** One point that must line up: a scroll offset in the side that moved and in the side that follows. */
export interface ScrollAnchor {
  from: number;
  to: number;
}

/**
 * The follower's scroll offset for the leader's offset `y`: linear between the two anchors around
 * it, so the text between two headings scrolls evenly. `anchors` are sorted by `from` and `to`.
 */
export function mapScroll(anchors: readonly ScrollAnchor[], y: number): number {
  const first = anchors[0];
  if (!first) return 0;
  if (y <= first.from) return first.to;
  for (let i = 0; i < anchors.length - 1; i++) {
    const a = anchors[i] as ScrollAnchor;
    const b = anchors[i + 1] as ScrollAnchor;
    if (y < b.from) return a.to + ((y - a.from) / (b.from - a.from)) * (b.to - a.to);
  }
  return (anchors[anchors.length - 1] as ScrollAnchor).to;
}

/**
 * The last index in 0..count-1 whose position is at or above `y`, or -1: a binary search, so a
 * post with thousands of headings measures a dozen of them per scroll, not all.
 */
export function lastAtOrAbove(count: number, positionOf: (index: number) => number, y: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (positionOf(mid) <= y) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** A heading on both sides: its element in the preview and its 1-based line in the editor. */
export interface HeadingPair {
  element: Element;
  line: number;
}

/** Move the editor so `line` (1-based) is at its top, with the cursor at the line's start. */
export function revealLine(view: EditorView, line: number): void {
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'start' }) });
}

/** Scroll `scroller` so that `element` (inside it, or inside a shadow root in it) is at its top. */
export function scrollToElement(scroller: HTMLElement, element: Element): void {
  // Not element.scrollIntoView(): that would also scroll the app's own overflow-hidden panels.
  scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 4;
}

type Side = 'editor' | 'preview';

/** The pause after new content before the preview is lined up with the editor again. */
const REALIGN_MS = 150;

/** How long a scroll we caused ourselves is recognised as ours. */
const OWN_SCROLL_MS = 250;

/**
 * Scroll the editor and the preview together, by headings: the side the user works in leads, the
 * other follows so that the same section is at the top. Feedback loops are cut twice: only the
 * side the user last touched (pointer, wheel, keys) leads, and a scroll we set ourselves is ignored.
 * `pairs` is read when needed (cheap: the caller caches it); `version` changes when the preview's
 * content was replaced.
 */
export function useScrollSync(view: EditorView | null, scroller: HTMLElement | null, pairs: () => HeadingPair[], version: number): { suspend(ms: number): void } {
  const pairsRef = useRef({ pairs, version });
  const state = useRef({ active: 'editor' as Side, own: { side: null as Side | null, value: 0, until: 0 }, suspendedUntil: 0, frame: 0 });
  useEffect(() => {
    pairsRef.current = { pairs, version };
  });

  const follow = useRef<(leader: Side) => void>(() => undefined);
  useEffect(() => {
    if (!view || !scroller) {
      follow.current = () => undefined;
      return;
    }
    const editorScroller = view.scrollDOM;
    const sync = state.current;
    const anchors = (leader: Side, y: number): ScrollAnchor[] => {
      const doc = view.state.doc;
      const pairs = pairsRef.current.pairs().filter((pair) => pair.line <= doc.lines);
      const editorBase = view.documentTop - editorScroller.getBoundingClientRect().top + editorScroller.scrollTop;
      const previewBase = scroller.getBoundingClientRect().top - scroller.scrollTop;
      const editorAt = (i: number) => view.lineBlockAt(doc.line((pairs[i] as HeadingPair).line).from).top + editorBase;
      const previewAt = (i: number) => (pairs[i] as HeadingPair).element.getBoundingClientRect().top - previewBase;
      const [fromAt, toAt] = leader === 'editor' ? [editorAt, previewAt] : [previewAt, editorAt];
      const start = { from: 0, to: 0 };
      const end = leader === 'editor'
        ? { from: editorScroller.scrollHeight - editorScroller.clientHeight, to: scroller.scrollHeight - scroller.clientHeight }
        : { from: scroller.scrollHeight - scroller.clientHeight, to: editorScroller.scrollHeight - editorScroller.clientHeight };
      const i = lastAtOrAbove(pairs.length, fromAt, y);
      const before = i < 0 ? start : { from: fromAt(i), to: toAt(i) };
      const after = i + 1 < pairs.length ? { from: fromAt(i + 1), to: toAt(i + 1) } : end;
      // Out of order (a heading the preview floats, say): hold the section's start instead of folding back.
      return after.from > before.from && after.to >= before.to ? [before, after] : [before];
    };
    follow.current = (leader) => {
      const s = state.current;
      if (performance.now() < s.suspendedUntil) return;
      const from = leader === 'editor' ? editorScroller : scroller;
      const to = leader === 'editor' ? scroller : editorScroller;
      const target = Math.round(mapScroll(anchors(leader, from.scrollTop), from.scrollTop));
      if (Math.abs(to.scrollTop - target) < 2) return;
      to.scrollTop = target;
      s.own = { side: leader === 'editor' ? 'preview' : 'editor', value: to.scrollTop, until: performance.now() + OWN_SCROLL_MS };
    };
    const onScroll = (side: Side) => () => {
      const s = state.current;
      const element = side === 'editor' ? editorScroller : scroller;
      if (s.own.side === side && performance.now() < s.own.until && Math.abs(element.scrollTop - s.own.value) < 2) return;
      if (s.active !== side) return;
      cancelAnimationFrame(s.frame);
      s.frame = requestAnimationFrame(() => follow.current(side));
    };
    const touch = (side: Side) => () => {
      state.current.active = side;
    };
    const editorScroll = onScroll('editor');
    const previewScroll = onScroll('preview');
    const editorTouch = touch('editor');
    const previewTouch = touch('preview');
    const kinds = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
    editorScroller.addEventListener('scroll', editorScroll, { passive: true });
    scroller.addEventListener('scroll', previewScroll, { passive: true });
    for (const kind of kinds) {
      view.dom.addEventListener(kind, editorTouch, { passive: true, capture: true });
      scroller.addEventListener(kind, previewTouch, { passive: true, capture: true });
    }
    return () => {
      cancelAnimationFrame(sync.frame);
      editorScroller.removeEventListener('scroll', editorScroll);
      scroller.removeEventListener('scroll', previewScroll);
      for (const kind of kinds) {
        view.dom.removeEventListener(kind, editorTouch, { capture: true });
        scroller.removeEventListener(kind, previewTouch, { capture: true });
      }
    };
  }, [view, scroller]);

  // New content moves the preview's headings: put the section the editor shows back at the top,
  // once typing pauses (matching a long post's headings again costs more than a keystroke may).
  useEffect(() => {
    if (state.current.active !== 'editor') return;
    const timer = setTimeout(() => follow.current('editor'), REALIGN_MS);
    return () => clearTimeout(timer);
  }, [version, view, scroller]);

  return useMemo(
    () => ({
      suspend(ms: number) {
        state.current.suspendedUntil = performance.now() + ms;
      },
    }),
    [],
  );
}
