import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../../shared/contract/result';
import type { GitCommitResult, GitPullMode, GitStatus } from '../../../shared/model/git';
import { resolveInSite } from '../site-paths';
import { gitRefusal } from './git-errors';
import { checkRefName, checkRemoteUrl } from './git-names';
import { GitRunner, type GitProgress, type GitRunnerOptions } from './git-runner';
import { conflictMarkerLine, operationInProgress } from './git-safety';
import { parsePorcelainV2 } from './git-status';
import { redact } from './redact';

/** Longest commit message accepted: far beyond any summary and body. */
const MAX_MESSAGE = 10_000;
/** The remote Hanji creates for a folder it initialized. */
const DEFAULT_REMOTE = 'origin';

/** Where the site sits in its repository. */
interface RepoFacts {
  gitDir: string;
  /** The site folder relative to the repository's top, `docs/` or empty. */
  prefix: string;
}

/**
 * The Git operations of one site folder: status, diff, commit, pull, push, init and the remote.
 * Every refusal that protects the user's history happens here, before git runs: no commit during
 * a merge, rebase or cherry-pick, none with conflict markers, none on a detached HEAD, never a
 * force push.
 */
export class SiteGit {
  private readonly git: GitRunner;

  constructor(
    readonly root: string,
    runnerOptions: GitRunnerOptions = {},
    private readonly onProgress: (operation: 'push' | 'pull', progress: GitProgress) => void = () => undefined,
  ) {
    this.git = new GitRunner(root, runnerOptions);
  }

  /** The repository's state as the panel shows it; `isRepo: false` (not an error) for a plain folder. */
  async status(): Promise<GitStatus> {
    const repo = await this.repoFacts();
    if (!repo) return { isRepo: false, branch: null, detached: false, upstream: null, ahead: 0, behind: 0, remotes: [], files: [], inProgress: null };
    const parsed = parsePorcelainV2(await this.git.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--', '.']), repo.prefix);
    return { isRepo: true, ...parsed, remotes: await this.remotes(), inProgress: operationInProgress(repo.gitDir) };
  }

  /** A unified diff of one changed file against the last commit (a new file against nothing). */
  async diff(input: string): Promise<string> {
    const status = await this.requireRepo();
    const rel = resolveInSite(this.root, input).rel;
    const change = status.files.find((f) => f.path === rel);
    if (!change) throw new HanjiError('NOT_FOUND', `${rel} has no changes to show.`, { path: rel });
    const plain = ['--no-color', '--no-ext-diff', '--no-textconv'];
    if (change.kind === 'new') return redact(await this.git.run(['diff', '--no-index', ...plain, '--', '/dev/null', rel], { okExitCodes: [0, 1] }));
    if (!(await this.hasCommits())) return redact(await this.git.run(['diff', '--cached', ...plain, '--', rel]));
    return redact(await this.git.run(['diff', '-M', ...plain, 'HEAD', '--', ...(change.from !== undefined ? [change.from] : []), rel]));
  }

  /**
   * Commit exactly the selected changed files (a rename brings its old path) with `message`;
   * other staged changes stay staged and out of the commit. Hooks run as in a terminal.
   */
  async commit(paths: readonly string[], message: string): Promise<GitCommitResult> {
    const status = await this.requireRepo();
    if (status.inProgress) throw gitRefusal('IN_PROGRESS', `(${status.inProgress})`);
    if (status.detached) throw gitRefusal('DETACHED_HEAD');
    const conflicted = status.files.filter((f) => f.kind === 'conflicted');
    if (conflicted.length > 0) throw gitRefusal('CONFLICTS', `Unmerged: ${conflicted.map((f) => f.path).join(', ')}.`, { path: conflicted[0]?.path as string });
    const text = message.trim();
    if (text === '' || text.length > MAX_MESSAGE) throw new HanjiError('BAD_REQUEST', 'Write a commit message (one line that says what changed) before committing.');
    if (paths.length === 0) throw gitRefusal('NOTHING_TO_COMMIT', 'Select at least one file.');
    const selected = new Set<string>();
    for (const input of paths) {
      const rel = resolveInSite(this.root, input).rel;
      const change = status.files.find((f) => f.path === rel);
      if (!change) throw gitRefusal('NOTHING_TO_COMMIT', `${rel} has no changes.`, { path: rel });
      selected.add(rel);
      if (change.from !== undefined) selected.add(change.from);
      if (change.kind !== 'deleted') await this.refuseConflictMarkers(rel);
    }
    const files = [...selected].sort();
    await this.git.run(['add', '--all', '--', ...files]);
    await this.git.run(['commit', '--only', '-m', text, '--', ...files]);
    return { commit: (await this.git.run(['rev-parse', 'HEAD'])).trim(), files };
  }

  /** Bring in the upstream's commits: fast-forward only, or rebase local commits onto them. */
  async pull(mode: GitPullMode): Promise<GitStatus> {
    const status = await this.requireBranch();
    if (status.upstream === null) throw gitRefusal('NO_UPSTREAM');
    const how = mode === 'rebase' ? '--rebase' : '--ff-only';
    await this.git.run(['pull', how, '--no-edit', '--progress'], { onProgress: (p) => this.onProgress('pull', p) });
    return this.status();
  }

  /**
   * Push the current branch to its upstream, or for a first push to `origin` under the same name
   * (setting the upstream). Never forced: a remote with other commits is NON_FAST_FORWARD.
   */
  async push(): Promise<GitStatus> {
    const status = await this.requireBranch();
    const branch = checkRefName('branch', status.branch as string);
    if (!(await this.hasCommits())) throw gitRefusal('NO_COMMITS');
    const upstream = await this.upstreamOf(branch);
    const progress = { onProgress: (p: GitProgress) => this.onProgress('push', p) };
    if (upstream) {
      await this.git.run(['push', '--progress', '--', upstream.remote, `HEAD:${upstream.ref}`], progress);
    } else {
      const remote = status.remotes.find((r) => r.name === DEFAULT_REMOTE) ?? (status.remotes.length === 1 ? status.remotes[0] : undefined);
      if (!remote) throw gitRefusal('NO_REMOTE');
      await this.git.run(['push', '--progress', '--set-upstream', '--', checkRefName('remote', remote.name), `HEAD:refs/heads/${branch}`], progress);
    }
    return this.status();
  }

  /** The site files a push would carry: changed since the upstream, or every tracked file before the first push. */
  async filesToPush(): Promise<string[]> {
    const status = await this.requireBranch();
    // Both answer relative to the site folder (`--relative`), limited to it.
    const out = status.upstream === null ? await this.git.run(['ls-files', '-z', '--', '.']) : await this.git.run(['diff', '--name-only', '--relative', '--no-renames', '--diff-filter=d', '-z', '@{upstream}...HEAD', '--', '.']);
    return out.split('\0').filter((p) => p !== '');
  }

  /** Make the site folder a repository (when it is in none). */
  async init(): Promise<GitStatus> {
    if (await this.repoFacts()) throw new HanjiError('BAD_REQUEST', 'This site is already in a Git repository.');
    await this.git.run(['init']);
    return this.status();
  }

  /** Set the URL of `origin`, adding it when missing. */
  async setRemote(url: string): Promise<GitStatus> {
    const status = await this.requireRepo();
    const checked = checkRemoteUrl(url);
    const exists = status.remotes.some((r) => r.name === DEFAULT_REMOTE);
    await this.git.run(['remote', exists ? 'set-url' : 'add', '--', DEFAULT_REMOTE, checked]);
    return this.status();
  }

  private async refuseConflictMarkers(rel: string): Promise<void> {
    const { abs } = resolveInSite(this.root, rel);
    const bytes = await fs.readFile(abs).catch(() => null);
    if (bytes === null) return;
    const line = conflictMarkerLine(bytes.toString('utf8'));
    if (line !== null) throw gitRefusal('CONFLICTS', `${rel} still has a conflict marker at line ${line}.`, { path: rel, line });
  }

  private async requireRepo(): Promise<GitStatus> {
    const status = await this.status();
    if (!status.isRepo) throw gitRefusal('NOT_A_REPO');
    return status;
  }

  /** A repository on a branch with no unfinished operation: what pull and push need. */
  private async requireBranch(): Promise<GitStatus> {
    const status = await this.requireRepo();
    if (status.inProgress) throw gitRefusal('IN_PROGRESS', `(${status.inProgress})`);
    if (status.detached || status.branch === null) throw gitRefusal('DETACHED_HEAD');
    return status;
  }

  /** The remote and ref the branch tracks, names checked before they reach a command line. */
  private async upstreamOf(branch: string): Promise<{ remote: string; ref: string } | null> {
    const config = async (key: string) => (await this.git.run(['config', '--get', '--', key]).catch(() => '')).trim();
    const remote = await config(`branch.${branch}.remote`);
    const ref = await config(`branch.${branch}.merge`);
    if (remote === '' || remote === '.' || ref === '') return null;
    return { remote: checkRefName('remote', remote), ref: checkRefName('branch', ref) };
  }

  private async remotes(): Promise<{ name: string; url: string }[]> {
    const out = await this.git.run(['remote', '-v']);
    const seen = new Map<string, string>();
    for (const line of out.split('\n')) {
      const match = /^(\S+)\t(\S+) \(fetch\)$/u.exec(line);
      if (match) seen.set(match[1] as string, redact(match[2] as string));
    }
    return [...seen].map(([name, url]) => ({ name, url }));
  }

  private async hasCommits(): Promise<boolean> {
    return this.git.run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      () => true,
      () => false,
    );
  }

  /** The repository's folder and where the site is in it; null when the site is in none. */
  private async repoFacts(): Promise<RepoFacts | null> {
    let out: string;
    try {
      out = await this.git.run(['rev-parse', '--absolute-git-dir', '--show-prefix']);
    } catch (error) {
      if (error instanceof HanjiError && error.reason === 'NOT_A_REPO') return null;
      throw error;
    }
    const [gitDir = '', prefix = ''] = out.split('\n');
    return { gitDir: path.resolve(gitDir), prefix };
  }
}
