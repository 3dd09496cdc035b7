/**
 * Run `task` once the next frame has been painted: the preview's DOM already shows a keystroke,
 * and what only follows from it (the header, TOC and outline re-rendering, scroll sync's
 * bookkeeping) must not hold that frame back. Returns a function that cancels it.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
