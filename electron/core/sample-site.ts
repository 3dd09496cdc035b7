import { cpSync, existsSync } from 'node:fs';

/**
 * Copy the bundled sample site to a writable place on first start, so the installed app stays
 * read-only; later starts keep the user's copy and whatever they changed in it.
 */
export function ensureSampleSite(bundledDir: string, targetDir: string): string {
  if (!existsSync(targetDir)) cpSync(bundledDir, targetDir, { recursive: true, errorOnExist: true, force: false });
  return targetDir;
}
