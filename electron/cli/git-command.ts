import { statSync } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../shared/contract/result';
import type { GitStatus } from '../../shared/model/git';
import { SiteGit } from '../core/git/site-git';

/** What `hanji git …` was asked to do. */
export interface GitCommandInput {
  sub: string | undefined;
  site: string | undefined;
  paths: string[];
  message: string | undefined;
  rebase: boolean;
  json: boolean;
}

/** The usage line of `hanji git`. */
export const GIT_USAGE = 'git (status SITE [--json] | commit SITE -m MSG [PATH…] | pull SITE [--rebase] | push SITE)';

/**
 * `hanji git status|commit|pull|push`: the Git panel's operations on a site folder, with the same
 * refusals. `commit` without paths commits every changed file of the site. Progress goes to stderr.
 */
export async function runGitCommand(input: GitCommandInput, usage: (message: string) => Error): Promise<string> {
  if (!input.site) throw usage(`git needs a subcommand and a site folder: ${GIT_USAGE}`);
  const root = path.resolve(input.site);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new HanjiError('NOT_FOUND', `The folder ${root} does not exist.`);
  const git = new SiteGit(root, {}, (operation, p) => process.stderr.write(`${operation}: ${p.stage} ${p.progress}%\n`));
  switch (input.sub) {
    case 'status': {
      const status = await git.status();
      return input.json ? JSON.stringify(status, null, 2) : formatStatus(status);
    }
    case 'commit': {
      if (input.message === undefined) throw usage('git commit needs a message: git commit SITE -m MSG [PATH…]');
      const paths = input.paths.length > 0 ? input.paths : (await git.status()).files.map((f) => f.path);
      const result = await git.commit(paths, input.message);
      return input.json ? JSON.stringify(result) : `committed ${result.commit.slice(0, 12)}: ${result.files.join(', ')}`;
    }
    case 'pull':
      return summary(await git.pull(input.rebase ? 'rebase' : 'ff'), input.json);
    case 'push':
      return summary(await git.push(), input.json);
    default:
      throw usage(`unknown git subcommand "${input.sub ?? ''}": ${GIT_USAGE}`);
  }
}

function summary(status: GitStatus, json: boolean): string {
  return json ? JSON.stringify(status, null, 2) : formatStatus(status).split('\n')[0] as string;
}

/** `git status` for people: the branch line, then one changed file per line. */
export function formatStatus(status: GitStatus): string {
  if (!status.isRepo) return 'not a Git repository (hanji: use the Git panel or `git init` to create one)';
  const head = status.detached ? 'HEAD detached' : `on ${status.branch ?? '?'}`;
  const upstream = status.upstream === null ? 'no upstream' : `${status.upstream}, ${status.ahead} ahead, ${status.behind} behind`;
  const operation = status.inProgress === null ? '' : ` (${status.inProgress} in progress)`;
  const files = status.files.map((f) => `  ${f.kind.padEnd(10)} ${f.from !== undefined ? `${f.from} -> ` : ''}${f.path}`);
  return [`${head} (${upstream})${operation}`, ...(files.length > 0 ? files : ['  nothing changed'])].join('\n');
}
