import { describe, expect, it } from 'vitest';
import { createLiveText } from '../../../../../renderer/features/editor/live-text';

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
