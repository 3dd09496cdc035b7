/**
 * The `hanji` command line over the same engine as the app: `npm run --silent cli -- <command>`.
 * Standard output carries only the command's result (JSON with --json); messages go to stderr.
 */
import { parseArgs } from 'node:util';
import { HanjiError } from '../../shared/contract/result';
import { formatIndex, indexSite } from './index-command';

interface Command {
  usage: string;
  summary: string;
  run(positionals: string[], json: boolean): Promise<string>;
}

const COMMANDS: Record<string, Command> = {
  index: {
    usage: 'index SITE [--json]',
    summary: "List the site's posts and drafts with the facts Jekyll derives.",
    async run([site], json) {
      if (!site) throw new UsageError('index needs the site folder: index SITE [--json]');
      const report = await indexSite(site);
      return json ? JSON.stringify(report, null, 2) : formatIndex(report);
    },
  },
};

class UsageError extends Error {}

function help(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(28)} ${c.summary}`);
  return ['usage: npm run --silent cli -- <command> [options]', '', 'commands:', ...rows, '', 'options:', '  --json   print JSON', '  --help   print this help'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [name, ...rest] = positionals;
  if (values.help || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  if (name === undefined) throw new UsageError(`no command given\n${help()}`);
  const command = COMMANDS[name];
  if (!command || !Object.hasOwn(COMMANDS, name)) throw new UsageError(`unknown command "${name}"; see --help`);
  process.stdout.write(`${await command.run(rest, values.json)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const where = error instanceof HanjiError && error.path ? ` (${error.path}${error.line ? `:${error.line}` : ''})` : '';
    process.stderr.write(`hanji: ${error instanceof Error ? error.message : String(error)}${where}\n`);
    process.exitCode = error instanceof UsageError || isParseArgsError(error) ? 2 : 1;
  },
);

/** node:util parseArgs reports unknown options with ERR_PARSE_ARGS_* codes: a usage error. */
function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
}
