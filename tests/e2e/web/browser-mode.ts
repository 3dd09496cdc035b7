import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, tempDir } from '../../helpers/temp-site';

/** A running `npm run web` server: the one line it printed and how to stop it. */
export interface BrowserMode {
  line: string;
  /** Everything the server printed to stdout so far. */
  stdout(): string;
  url: string;
  stop(): Promise<void>;
}

/**
 * Start browser mode the way the README says (`npm run web -- --site DIR`), minus the build step
 * that `npm test` has already run, and wait for its one line. `baseEnv` is the server's environment
 * (a sandboxed HOME for git tests).
 */
export async function startBrowserMode(siteRoot: string, baseEnv: NodeJS.ProcessEnv = process.env): Promise<BrowserMode> {
  // The engine's own folders (cache, trash, recovery copies) live in a temp folder, not the user's.
  const data = tempDir('hanji-data-');
  const env = { ...baseEnv, HANJI_CACHE_DIR: path.join(data.dir, 'cache'), HANJI_TRASH_DIR: path.join(data.dir, 'trash'), HANJI_RECOVERY_DIR: path.join(data.dir, 'recovery') };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--site', siteRoot, '--port', '0'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
  });
  const url = /at (http:\/\/\S+)$/u.exec(line)?.[1];
  if (!url) throw new Error(`unexpected first line: ${line}`);
  return {
    line,
    stdout: () => stdout,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).finally(data.dispose),
  };
}

/** Collect into `errors` every uncaught page error and every CSP refusal the page logs. */
export function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/u.test(message.text())) errors.push(message.text());
  });
}
