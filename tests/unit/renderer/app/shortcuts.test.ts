import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut, type KeyLike } from '../../../../renderer/app/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('matchesShortcut', () => {
  it.each([
    ['Ctrl+S on Linux', key('s', { ctrlKey: true }), 'Mod-s', false, true],
    ['Ctrl+Shift+S is another shortcut', key('S', { ctrlKey: true, shiftKey: true }), 'Mod-s', false, false],
    ['Cmd+S on a Mac', key('s', { metaKey: true }), 'Mod-s', true, true],
    ['Ctrl+S on a Mac is not Mod', key('s', { ctrlKey: true }), 'Mod-s', true, false],
    ['plain s', key('s'), 'Mod-s', false, false],
    ['Ctrl+Shift+N', key('N', { ctrlKey: true, shiftKey: true }), 'Mod-Shift-n', false, true],
    ['a key during Hangul composition', key('s', { ctrlKey: true, isComposing: true }), 'Mod-s', false, false],
  ])('%s', (_name, event, shortcut, isMac, expected) => {
    expect(matchesShortcut(event, shortcut, isMac)).toBe(expected);
  });

  it('throws at once on a misspelt modifier', () => {
    expect(() => matchesShortcut(key('s'), 'Mdo-s', false)).toThrow('Unknown modifier "Mdo" in shortcut "Mdo-s".');
  });
});

describe('formatShortcut', () => {
  it('writes shortcuts as each platform does', () => {
    expect(formatShortcut('Mod-s', false)).toBe('Ctrl+S');
    expect(formatShortcut('Mod-Shift-n', true)).toBe('⌘⇧N');
  });
});
