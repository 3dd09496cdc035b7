import { useSyncExternalStore } from 'react';
import { z } from 'zod';

const schema = z.object({
  /** The preview pane is shown (View › Show preview). */
  visible: z.boolean().catch(false),
  /** `plain`: the content alone; `single`: minimal-mistakes' single layout around it. */
  mode: z.enum(['plain', 'single']).catch('single'),
});

/** How the preview is shown; remembered in the renderer's storage like the other preferences. */
export type PreviewSettings = z.infer<typeof schema>;

const KEY = 'hanji.preview';
const listeners = new Set<() => void>();
let current: PreviewSettings = load();

function load(): PreviewSettings {
  try {
    return schema.parse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
  } catch {
    return schema.parse({});
  }
}

/** The preview settings now. */
export function getPreviewSettings(): PreviewSettings {
  return current;
}

/** Change some preview settings and tell every subscriber. */
export function updatePreviewSettings(patch: Partial<PreviewSettings>): void {
  current = schema.parse({ ...current, ...patch });
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const listener of listeners) listener();
}

/** The preview settings, re-rendering when they change. */
export function usePreviewSettings(): PreviewSettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
