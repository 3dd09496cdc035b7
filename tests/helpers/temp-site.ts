import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the tests run from. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundled sample site (read-only for tests: copy it before changing anything). */
export const SAMPLE_SITE = path.join(REPO_ROOT, 'resources', 'sample-site');

/** Our users' real post, shared with every project as a fixture. */
export const SHARED_SAMPLES = path.join(REPO_ROOT, '..', 'shared', 'samples');

/** A fresh temp folder; `dispose()` removes it. */
export function tempDir(prefix = 'hanji-test-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of the sample site in a temp folder. */
export function copySampleSite(): { root: string; dispose(): void } {
  const temp = tempDir('hanji-site-');
  const root = path.join(temp.dir, 'site');
  cpSync(SAMPLE_SITE, root, { recursive: true });
  return { root, dispose: temp.dispose };
}
