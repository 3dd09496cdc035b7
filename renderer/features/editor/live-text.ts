/** The open post's text as the editor holds it now, told to listeners outside React. */
export interface LiveText {
  /** The newest text of the open post, or null when none is open. */
  get(): { path: string; text: string } | null;
  /** Call `listener` after every change of the text or of the post; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** A LiveText and its setter, for the one owner of the open post's text. */
export function createLiveText(): LiveText & { set(value: { path: string; text: string } | null): void } {
  let value: { path: string; text: string } | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value || (next && value && next.path === value.path && next.text === value.text)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Run `task` once `live` has not changed for `ms` (the wait starts now, and again at every
 * change); returns the cancel. For work that belongs after a pause in typing.
 */
export function afterQuiet(live: LiveText, ms: number, task: () => void): () => void {
  let timer = setTimeout(task, ms);
  const stop = live.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(task, ms);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
