import { homedir } from 'node:os';
import path from 'node:path';

/** The user's cache folder for the CLI and browser mode: $HANJI_CACHE_DIR, else the platform's. */
export function defaultCacheDir(): string {
  if (process.env['HANJI_CACHE_DIR']) return path.resolve(process.env['HANJI_CACHE_DIR']);
  const base = process.env['XDG_CACHE_HOME'] || (process.platform === 'win32' ? (process.env['LOCALAPPDATA'] ?? homedir()) : path.join(homedir(), '.cache'));
  return path.join(base, 'hanji');
}

/** Where the CLI and browser mode keep deleted posts: outside every site, in the user's data folder. */
export function defaultTrashDir(): string {
  if (process.env['HANJI_TRASH_DIR']) return path.resolve(process.env['HANJI_TRASH_DIR']);
  return path.join(dataHome(), 'hanji', 'trash');
}

/**
 * Where browser mode keeps recovery copies of unsaved text: $HANJI_RECOVERY_DIR, else the user's
 * data folder (not the cache folder, which the system or the user may clear at any time).
 */
export function defaultRecoveryDir(): string {
  if (process.env['HANJI_RECOVERY_DIR']) return path.resolve(process.env['HANJI_RECOVERY_DIR']);
  return path.join(dataHome(), 'hanji', 'recovery');
}

function dataHome(): string {
  return process.env['XDG_DATA_HOME'] || (process.platform === 'win32' ? (process.env['APPDATA'] ?? homedir()) : path.join(homedir(), '.local', 'share'));
}
