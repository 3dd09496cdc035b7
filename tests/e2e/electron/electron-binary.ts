import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/temp-site';

/**
 * Find the Electron binary without triggering the electron package's lazy download (which
 * `require('electron')` would start): ELECTRON_OVERRIDE_DIST_PATH first, then the package's dist.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const pkg = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return {
    reason: override
      ? `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist.`
      : `no Electron binary at ${candidate}: electron downloads it from GitHub on first run, which this machine cannot reach. ` +
        'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder to run the desktop end-to-end tests.',
  };
}
