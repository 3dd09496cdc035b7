import { useSyncExternalStore } from 'react';
import { z } from 'zod';

const schema = z.object({
  language: z.enum(['system', 'en', 'ko']).catch('system'),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  fontSize: z.number().int().min(10).max(32).catch(15),
  fontFamily: z.enum(['mono', 'sans', 'serif']).catch('mono'),
  autosave: z.boolean().catch(false),
  showForm: z.boolean().catch(true),
  /** How the Git panel's Pull joins remote commits. */
  gitPullMode: z.enum(['ff', 'rebase']).catch('ff'),
  /** The post last open in each site, reopened with the site. */
  lastPost: z.record(z.string(), z.string()).catch({}),
});

/** What the user chose in Settings; kept in the renderer's storage, so both the app and browser mode remember it. */
export type Preferences = z.infer<typeof schema>;

const KEY = 'hanji.preferences';
const listeners = new Set<() => void>();
let current: Preferences = load();

function load(): Preferences {
  try {
    return schema.parse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
  } catch {
    // A damaged value is not worth a crash: start from the defaults.
    return schema.parse({});
  }
}

/** The preferences now. */
export function getPreferences(): Preferences {
  return current;
}

/** Change some preferences and tell every subscriber. */
export function updatePreferences(patch: Partial<Preferences>): void {
  current = schema.parse({ ...current, ...patch });
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const listener of listeners) listener();
}

/** The preferences, re-rendering when they change. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme in effect: the user's choice, or the OS's when it is "system" (following OS changes). */
export function useResolvedTheme(): 'light' | 'dark' {
  const { theme } = usePreferences();
  const osDark = useSyncExternalStore(
    (listener) => {
      const media = window.matchMedia(DARK_QUERY);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    () => window.matchMedia(DARK_QUERY).matches,
  );
  return theme === 'system' ? (osDark ? 'dark' : 'light') : theme;
}
