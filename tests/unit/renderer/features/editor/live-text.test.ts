import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterQuiet, createLiveText } from '../../../../../renderer/features/editor/live-text';

describe('createLiveText', () => {
  it('tells every listener of a new text, and stops after unsubscribe', () => {
    const live = createLiveText();
    const heard: string[] = [];
    const stop = live.subscribe(() => heard.push(live.get()?.text ?? '(none)'));
    live.set({ path: '_posts/a.md', text: 'one' });
    live.set({ path: '_posts/a.md', text: 'two' });
    stop();
    live.set({ path: '_posts/a.md', text: 'three' });
    expect(heard).toEqual(['one', 'two']);
    expect(live.get()).toEqual({ path: '_posts/a.md', text: 'three' });
  });

  it('stays quiet when the same text of the same post is set again', () => {
    const live = createLiveText();
    let calls = 0;
    live.subscribe(() => calls++);
    live.set({ path: '_posts/a.md', text: 'same' });
    live.set({ path: '_posts/a.md', text: 'same' });
    expect(calls).toBe(1);
    live.set({ path: '_posts/b.md', text: 'same' });
    live.set(null);
    live.set(null);
    expect(calls).toBe(3);
    expect(live.get()).toBeNull();
  });

  it('a listener removed during a change still hears that change, and none after', () => {
    const live = createLiveText();
    const heard: string[] = [];
    let stopSecond = () => {};
    live.subscribe(() => {
      heard.push('first');
      stopSecond();
    });
    stopSecond = live.subscribe(() => heard.push('second'));
    live.set({ path: 'p', text: 'x' });
    live.set({ path: 'p', text: 'y' });
    expect(heard).toEqual(['first', 'second', 'first']);
  });
});

describe('afterQuiet', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once the text has stood still for the pause, however long the typing went on', () => {
    vi.useFakeTimers();
    const live = createLiveText();
    const runs: string[] = [];
    afterQuiet(live, 1000, () => runs.push(live.get()?.text ?? ''));
    // Ten seconds of typing, a key every 300 ms: never a pause of a second.
    for (let k = 1; k <= 33; k++) {
      vi.advanceTimersByTime(300);
      live.set({ path: 'p', text: 'a'.repeat(k) });
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(999);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['a'.repeat(33)]);
  });

  it('runs after the pause even when nothing changes, again after a later change, and never once cancelled', () => {
    vi.useFakeTimers();
    const live = createLiveText();
    let runs = 0;
    const cancel = afterQuiet(live, 500, () => runs++);
    vi.advanceTimersByTime(500);
    expect(runs).toBe(1);
    live.set({ path: 'p', text: 'x' });
    vi.advanceTimersByTime(500);
    expect(runs).toBe(2);
    live.set({ path: 'p', text: 'y' });
    cancel();
    live.set({ path: 'p', text: 'z' });
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(2);
  });
});
