import { describe, expect, it } from 'vitest';
import { QUICK_RENDER_MS, renderDelay } from '../../../../../renderer/features/preview/usePreviewRender';

describe('renderDelay (the pause before the preview renders)', () => {
  it('follows every keystroke while edit renders stay quick, whatever the post weighs', () => {
    for (const length of [1_000, 60_000, 1_000_000]) expect(renderDelay(length, QUICK_RENDER_MS - 1)).toBe(0);
  });

  it('after a slow render waits at least as long as it took, longer for longer posts, never over 3 s', () => {
    const delays = [1_000, 60_000, 300_000, 1_000_000].map((length) => renderDelay(length, 100));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBe(150);
    expect(renderDelay(1_000, 700)).toBe(700);
    expect(renderDelay(1_000_000, 10_000)).toBe(3000);
  });
});
