/**
 * The `hanji` command line over the same engine as the app: `npm run --silent cli -- <command>`.
 * Standard output carries only the command's result (JSON with --json); messages go to stderr.
 */
import { parseArgs } from 'node:util';
import { HanjiError } from '../../shared/contract/result';
import { checkSiteFolder, formatIndex, formatProblems, indexJson, indexSite } from './index-command';
import { exportToRepository } from './export-command';
import { GIT_USAGE, runGitCommand } from './git-command';
import { createPost, editFrontMatter, publishPost } from './post-commands';
import { exportHtml, renderSite } from './render-command';
import { editTaxonomy, formatCounts, formatRun, listTaxonomy } from './taxonomy-command';
import type { TaxonomyKind, TaxonomyOp } from '../../shared/model/site';

/** The parsed options every command receives. */
interface Flags {
  json: boolean;
  drafts: boolean;
  future: boolean;
  unpublished: boolean;
  draft: boolean;
  ascii: boolean;
  all: boolean;
  'dry-run': boolean;
  'move-folders': boolean;
  into?: string | undefined;
  rebase: boolean;
  message?: string | undefined;
  to?: string | undefined;
  'posts-dir'?: string | undefined;
  'assets-dir'?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  slug?: string | undefined;
}

interface Command {
  usage: string;
  summary: string;
  /** Returns the text to print and the exit code. */
  run(positionals: string[], flags: Flags): Promise<{ output: string; code?: number }>;
}

const COMMANDS: Record<string, Command> = {
  index: {
    usage: 'index SITE [--drafts] [--future] [--unpublished] [--json]',
    summary: "List posts and drafts with the facts Jekyll derives; tags and categories count what the flags include.",
    async run([site], flags) {
      if (!site) throw new UsageError('index needs the site folder: index SITE [--json]');
      const report = await indexSite(site, { drafts: flags.drafts, future: flags.future, unpublished: flags.unpublished });
      return { output: flags.json ? JSON.stringify(indexJson(report), null, 2) : formatIndex(report) };
    },
  },
  set: frontMatterCommand('set', 'KEY=VALUE', 'Set front-matter keys (VALUE is YAML; a.b=… for nested keys), changing only their lines.'),
  unset: frontMatterCommand('unset', 'KEY', 'Remove front-matter keys, and only their lines.'),
  new: {
    usage: 'new SITE --title T [--date D] [--slug S] [--draft] [--ascii]',
    summary: 'Create a post (YYYY-MM-DD-slug.md; the slug keeps Hangul unless --ascii) and print its path.',
    async run([site], flags) {
      if (!site || flags.title === undefined) throw new UsageError('new needs a site and a title: new SITE --title T');
      const input = { title: flags.title, draft: flags.draft, ascii: flags.ascii, ...(flags.date ? { date: flags.date } : {}), ...(flags.slug ? { slug: flags.slug } : {}) };
      const created = await createPost(site, input);
      return { output: flags.json ? JSON.stringify({ path: created }) : created };
    },
  },
  publish: {
    usage: 'publish SITE DRAFT [--date D]',
    summary: 'Move a draft to _posts with its date set (now, or --date), and print the new path.',
    async run([site, draft], flags) {
      if (!site || !draft) throw new UsageError('publish needs a site and a draft: publish SITE DRAFT [--date D]');
      const published = await publishPost(site, draft, flags.date);
      return { output: flags.json ? JSON.stringify({ path: published }) : published };
    },
  },
  render: {
    usage: 'render SITE (POST | --all) --json',
    summary: 'Render posts as Jekyll would (Liquid, kramdown GFM): {path, url, title, html, headings, toc, excerpt}; html is the content without layout.',
    async run([site, post], flags) {
      if (!site || (post === undefined) === !flags.all) throw new UsageError('render needs a site and either a post or --all: render SITE POST --json');
      const results = (await renderSite(site, flags.all ? null : (post as string))).map((r) => r.json);
      if (flags.json) return { output: JSON.stringify(flags.all ? results : results[0], null, 2) };
      return { output: results.map((r) => r.html).join('\n') };
    },
  },
  'export-html': {
    usage: 'export-html SITE POST OUT.html',
    summary: 'Write one post as a standalone, styled HTML page.',
    async run([site, post, out]) {
      if (!site || !post || !out) throw new UsageError('export-html needs a site, a post and an output file: export-html SITE POST OUT.html');
      return { output: await exportHtml(site, post, out) };
    },
  },
  check: {
    usage: 'check SITE [--json]',
    summary: 'Report invalid front matter and dates, ignored files, duplicate URLs and future posts; exit 1 on errors.',
    async run([site], flags) {
      if (!site) throw new UsageError('check needs the site folder: check SITE [--json]');
      const problems = await checkSiteFolder(site);
      const code = problems.some((p) => p.severity === 'error') ? 1 : 0;
      return { output: flags.json ? JSON.stringify(problems, null, 2) : formatProblems(problems), code };
    },
  },
  tags: taxonomyCommand('tags'),
  categories: taxonomyCommand('categories'),
  git: {
    usage: GIT_USAGE,
    summary: 'The Git panel from the terminal: status; commit the given (or all) changed files; pull (fast-forward, or --rebase); push (never forced). Exit 1 with the reason and the next step when git refuses.',
    async run([sub, site, ...paths], flags) {
      return { output: await runGitCommand({ sub, site, paths, message: flags.message, rebase: flags.rebase, json: flags.json }, (message) => new UsageError(message)) };
    },
  },
  export: {
    usage: 'export SITE --to REPO [POST…] [--posts-dir DIR] [--assets-dir DIR] [--json]',
    summary: 'Copy posts (all published ones when none are named) and the site images they show into another repository, commit there and push when it has a remote.',
    async run([site, ...posts], flags) {
      if (!site || flags.to === undefined) throw new UsageError('export needs a site and a target repository: export SITE --to REPO [POST…]');
      const result = await exportToRepository(site, flags.to, posts, { ...(flags['posts-dir'] ? { postsDir: flags['posts-dir'] } : {}), ...(flags['assets-dir'] ? { assetsDir: flags['assets-dir'] } : {}) });
      return { output: flags.json ? JSON.stringify(result, null, 2) : `committed ${result.commit.slice(0, 12)}${result.pushed ? ' and pushed' : ''}: ${result.files.join(', ')}` };
    },
  },
};

class UsageError extends Error {}

/** `tags` and `categories`: the same subcommands over either taxonomy. */
function taxonomyCommand(kind: TaxonomyKind): Command {
  const usage = `${kind} (list SITE [--drafts] [--unpublished] [--future] | rename SITE OLD NEW | merge SITE A B… --into C | delete SITE NAME) [--dry-run] [--json]${kind === 'categories' ? ' [--move-folders]' : ''}`;
  return {
    usage,
    summary: `List ${kind} with post counts as Jekyll computes them ({name, count, posts}), or rename, merge or delete them in every post with one-line patches; --dry-run prints each file's lines before and after${kind === 'categories' ? '; --move-folders moves posts whose category comes from their folder (news/_posts → updates/_posts) instead of skipping them' : ''}; exit 3 when some posts had to be skipped.`,
    async run([sub, site, ...names], flags) {
      if (!site) throw new UsageError(`${kind} needs a subcommand and the site folder: ${usage}`);
      if (sub === 'list') {
        const counts = await listTaxonomy(site, kind, { drafts: flags.drafts, future: flags.future, unpublished: flags.unpublished });
        return { output: flags.json ? JSON.stringify(counts, null, 2) : formatCounts(counts) };
      }
      let op: TaxonomyOp;
      if (sub === 'rename' && names.length === 2) op = { from: [names[0] as string], to: names[1] as string };
      else if (sub === 'merge' && names.length >= 1 && flags.into !== undefined) op = { from: [...new Set([...names, flags.into])], to: flags.into };
      else if (sub === 'delete' && names.length === 1) op = { from: names, to: null };
      else throw new UsageError(`${kind} ${sub ?? ''}: ${usage}`);
      if (flags['move-folders']) {
        if (kind !== 'categories') throw new UsageError(`--move-folders is for categories only: tags never come from folders. ${usage}`);
        op.moveFolders = true;
      }
      const run = await editTaxonomy(site, kind, op, flags['dry-run']);
      // Skipped files are not a failure of the command, but a script should notice them.
      return { output: flags.json ? JSON.stringify(run, null, 2) : formatRun(run), code: run.skipped.length > 0 ? 3 : 0 };
    },
  };
}

/** `set` and `unset` differ only in how their arguments are read. */
function frontMatterCommand(mode: 'set' | 'unset', arg: string, summary: string): Command {
  const usage = `${mode} SITE POST ${arg}…`;
  return {
    usage,
    summary,
    async run([site, post, ...args], flags) {
      if (!site || !post || args.length === 0) throw new UsageError(`${mode} needs a site, a post and ${arg}: ${usage}`);
      const result = await editFrontMatter(site, post, args, mode);
      return { output: flags.json ? JSON.stringify(result) : `${result.changed ? 'updated' : 'unchanged'} ${result.path}` };
    },
  };
}

function help(): string {
  const rows = Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
  return ['usage: npm run --silent cli -- <command> [options]', '', 'commands:', ...rows, '', 'options:', '  --json   print JSON', '  --help   print this help'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      future: { type: 'boolean', default: false },
      unpublished: { type: 'boolean', default: false },
      draft: { type: 'boolean', default: false },
      ascii: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'move-folders': { type: 'boolean', default: false },
      into: { type: 'string' },
      rebase: { type: 'boolean', default: false },
      message: { type: 'string', short: 'm' },
      to: { type: 'string' },
      'posts-dir': { type: 'string' },
      'assets-dir': { type: 'string' },
      title: { type: 'string' },
      date: { type: 'string' },
      slug: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
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
  const { output, code = 0 } = await command.run(rest, values);
  process.stdout.write(`${output}\n`);
  return code;
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
