import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { SKIPPED_FOLDERS } from '../../shared/jekyll/post-filename';
import { TEMP_PREFIX } from './atomic-write';

/** One file event, site-relative with `/`. */
export interface FileChange {
  rel: string;
  kind: 'created' | 'changed' | 'deleted';
}

/** How long the watcher waits for a burst of changes (a `git checkout`) to end before reporting it. */
export const BATCH_DELAY_MS = 150;

/**
 * Watch a site for changes made by other programs and report them in batches. Folders Jekyll never
 * reads (`.git`, `_site`, `node_modules`…) and Hanji's own temp files are not watched.
 */
export function watchSite(root: string, onBatch: (changes: FileChange[]) => void): { close(): Promise<void>; ready: Promise<void> } {
  const pending = new Map<string, FileChange['kind']>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const changes = [...pending].map(([rel, kind]) => ({ rel, kind }));
    pending.clear();
    if (changes.length > 0) onBatch(changes);
  };
  const record = (kind: FileChange['kind']) => (abs: string) => {
    const rel = path.relative(root, abs).split(path.sep).join('/').normalize('NFC');
    const previous = pending.get(rel);
    // created then deleted within one batch is nothing; deleted then created is a change.
    if (previous === 'created' && kind === 'deleted') pending.delete(rel);
    else pending.set(rel, previous === 'deleted' && kind === 'created' ? 'changed' : (previous ?? kind));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, BATCH_DELAY_MS);
  };
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: (abs: string) => {
      const name = path.basename(abs);
      return SKIPPED_FOLDERS.has(name) || name.startsWith(TEMP_PREFIX) || (name.startsWith('.') && abs !== root);
    },
  });
  watcher.on('add', record('created')).on('change', record('changed')).on('unlink', record('deleted'));
  watcher.on('error', (error) => console.warn('hanji: watching the site failed', error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
