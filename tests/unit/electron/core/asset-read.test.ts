import { describe, expect, it } from 'vitest';
import { previewImageType } from '../../../../electron/core/asset-read';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const zeros = (n: number) => new Array<number>(n).fill(0);

describe('previewImageType', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'rest'), 'image/jpeg'],
    ['BMP', bytes('BM', [0x46, 0, 0, 0], zeros(4), [0x36, 0, 0, 0], zeros(16)), 'image/bmp'],
    ['ICO', bytes([0, 0, 1, 0, 1, 0], [16, 16], zeros(14)), 'image/x-icon'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
  ])('tells %s by its bytes', (_, data, type) => {
    expect(previewImageType(data)).toBe(type);
  });

  it.each([
    ['text starting with BM', bytes('BMW owners club, chapter 12 minutes')],
    ['an ICO header with no images', bytes([0, 0, 1, 0, 0, 0], zeros(16))],
    ['HTML', bytes('<!doctype html><svg></svg>')],
    ['nothing', bytes()],
  ])('refuses %s', (_, data) => {
    expect(previewImageType(data)).toBeNull();
  });
});
