/**
 * Browser mode: `npm run web -- --site DIR [--port N]`. Serves the renderer and the API on
 * 127.0.0.1 and prints exactly one line with the address to open.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { restrictOpenSite } from '../core/site-access';
import { SiteService } from '../core/site-service';
import { defaultCacheDir, defaultRecoveryDir } from '../core/data-dirs';
import { startWebServer } from './server';

const USAGE = 'usage: npm run web -- --site DIR [--port N]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, port: { type: 'string' } }, strict: true });
  if (!values.site) throw new Error(`--site DIR is required\n${USAGE}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535\n${USAGE}`);

  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');

  const service = new SiteService({ watch: true, revalidate: 'after', cacheDir: defaultCacheDir(), recoveryDir: defaultRecoveryDir() });
  const site = await service.openSite(path.resolve(values.site));
  // The browser may reopen this site, and nothing else: it cannot name a folder of its own.
  const api = restrictOpenSite(service, (root) => root === site.root);
  const server = await startWebServer({ api, events: service.events, staticDir, port });
  process.stdout.write(`Hanji is serving ${site.root} at ${server.url}\n`);

  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hanji web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
