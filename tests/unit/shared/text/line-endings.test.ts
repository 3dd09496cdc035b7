import { describe, expect, it } from 'vitest';
import { detectLineSeparator } from '../../../../shared/text/line-endings';

describe('detectLineSeparator', () => {
  it.each([
    ['---\ntitle: a\n---\n', '\n'],
    ['---\r\ntitle: a\r\n---\r\n', '\r\n'],
    ['one line, no break', '\n'],
    ['a\r\nb\r\nc\n', '\r\n'],
    ['a\nb\nc\r\n', '\n'],
    ['', '\n'],
  ])('%j uses %j', (text, separator) => {
    expect(detectLineSeparator(text)).toBe(separator);
  });
});
