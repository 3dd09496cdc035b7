/** A keyboard event as far as shortcut matching needs it. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/**
 * Match CodeMirror-style shortcuts such as `Mod-s` or `Mod-Shift-n`: `Mod` is Cmd on macOS and
 * Ctrl elsewhere. A key pressed while an IME is composing (Hangul) never triggers a shortcut.
 */
export function matchesShortcut(event: KeyLike, shortcut: string, isMac: boolean): boolean {
  if (event.isComposing) return false;
  const parts = shortcut.split('-');
  const key = parts.pop()?.toLowerCase();
  const want = { ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    if (part === 'Mod') want[isMac ? 'meta' : 'ctrl'] = true;
    else if (part === 'Ctrl') want.ctrl = true;
    else if (part === 'Cmd' || part === 'Meta') want.meta = true;
    else if (part === 'Alt') want.alt = true;
    else if (part === 'Shift') want.shift = true;
    else throw new Error(`Unknown modifier "${part}" in shortcut "${shortcut}".`);
  }
  return (
    event.key.toLowerCase() === key &&
    event.ctrlKey === want.ctrl &&
    event.metaKey === want.meta &&
    event.altKey === want.alt &&
    event.shiftKey === want.shift
  );
}

/** Show a shortcut the way the platform writes it: `Ctrl+S` or `⌘S`. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const names: Record<string, string> = isMac
    ? { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' }
    : { Mod: 'Ctrl', Ctrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  const parts = shortcut.split('-').map((part, i, all) => (i === all.length - 1 ? part.toUpperCase() : (names[part] ?? part)));
  return parts.join(isMac ? '' : '+');
}

/** True on macOS, where `Mod` means Cmd. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);
