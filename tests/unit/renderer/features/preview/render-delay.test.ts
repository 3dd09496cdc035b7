import { describe, expect, it } from 'vitest';
import { renderDelay } from '../../../../../renderer/features/preview/usePreviewRender';

describe('renderDelay (the pause before the preview renders)', () => {
  it('waits longer for longer posts, never more than a second', () => {
    const delays = [1_000, 60_000, 300_000, 1_000_000].map(renderDelay);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBe(150);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1000);
  });
});
