import { describe, expect, it } from 'vitest';
import { lastAtOrAbove, mapScroll } from '../../../../../renderer/features/preview/scroll-sync';

describe('mapScroll (where the following side scrolls to)', () => {
  const anchors = [
    { from: 0, to: 0 },
    { from: 100, to: 400 },
    { from: 300, to: 500 },
  ];

  it.each([
    [0, 0],
    [50, 200],
    [100, 400],
    [200, 450],
    [300, 500],
    [900, 500],
    [-10, 0],
  ])('leader at %i → follower at %i', (y, expected) => {
    expect(mapScroll(anchors, y)).toBe(expected);
  });

  it('is 0 without anchors', () => {
    expect(mapScroll([], 120)).toBe(0);
  });
});

describe('lastAtOrAbove (the heading a scroll offset is in)', () => {
  const tops = [0, 100, 250, 400];
  it.each([
    [-5, -1],
    [0, 0],
    [99, 0],
    [100, 1],
    [399, 2],
    [400, 3],
    [9000, 3],
  ])('offset %i → heading %i', (y, expected) => {
    expect(lastAtOrAbove(tops.length, (i) => tops[i] as number, y)).toBe(expected);
  });

  it('is -1 without headings and measures only a few of many', () => {
    expect(lastAtOrAbove(0, () => 0, 10)).toBe(-1);
    let measured = 0;
    expect(lastAtOrAbove(10_000, (i) => (measured++, i * 10), 54_321)).toBe(5432);
    expect(measured).toBeLessThanOrEqual(15);
  });
});
