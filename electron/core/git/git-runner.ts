import { simpleGit, type SimpleGit, type SimpleGitProgressEvent } from 'simple-git';
import { gitFailure } from './git-errors';
import { redact } from './redact';

/** Progress of a push or pull, already redacted. */
export interface GitProgress {
  method: string;
  stage: string;
  progress: number;
}

/** How a runner is set up; the defaults are what the app uses. */
export interface GitRunnerOptions {
  /** The git executable; tests pass a missing one to see NOT_INSTALLED. */
  binary?: string;
  /** A call with no output for this long is stopped (TIMEOUT). */
  timeoutMs?: number;
  /** The environment git inherits; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** One git call: what it prints, and progress for push and pull. */
export interface RunOptions {
  onProgress?: (progress: GitProgress) => void;
  /** Exit codes that mean success; `[0]` by default (`diff --no-index` exits 1 when files differ). */
  okExitCodes?: readonly number[];
}

// Variables that would make git ask someone (an askpass dialog, an editor) or point it at another
// repository than the site's; everything else, like the user's SSH setup, is kept.
const DROPPED_ENV = /^(?:GIT_ASKPASS|SSH_ASKPASS|SSH_ASKPASS_REQUIRE|GIT_EDITOR|GIT_SEQUENCE_EDITOR|EDITOR|VISUAL|GIT_PAGER|PAGER|GIT_DIR|GIT_WORK_TREE|GIT_INDEX_FILE|GIT_OBJECT_DIRECTORY|GIT_COMMON_DIR|GIT_CONFIG_PARAMETERS|GIT_CONFIG_COUNT|GIT_CONFIG_KEY_\d+|GIT_CONFIG_VALUE_\d+|GIT_TRACE\w*)$/u;

/**
 * Runs the user's own git in one folder, so their credential helpers, SSH keys and hooks work as
 * in a terminal, but never interactively: no prompts (GIT_TERMINAL_PROMPT=0, no askpass), C-locale
 * messages the classifier can read, `core.fsmonitor` off for every call (a repository's config
 * must not run a program on `status`), and a timeout (SiteService runs a site's calls in turn). Failures become
 * GIT_FAILED errors with a reason; nothing it returns or throws contains a credential.
 */
export class GitRunner {
  private readonly env: Record<string, string>;

  constructor(
    readonly cwd: string,
    private readonly options: GitRunnerOptions = {},
  ) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.env ?? process.env)) {
      if (value !== undefined && !DROPPED_ENV.test(key)) env[key] = value;
    }
    this.env = { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' };
  }

  /** Run `git <args>` and return its standard output; throws a redacted GIT_FAILED error. */
  async run(args: readonly string[], options: RunOptions = {}): Promise<string> {
    try {
      return await this.git(options).raw([...args]);
    } catch (error) {
      throw gitFailure(error instanceof Error ? error.message : String(error));
    }
  }

  private git(options: RunOptions): SimpleGit {
    const onProgress = options.onProgress;
    const okExitCodes = options.okExitCodes ?? [0];
    return simpleGit({
      baseDir: this.cwd,
      binary: this.options.binary ?? 'git',
      maxConcurrentProcesses: 1,
      trimmed: false,
      config: ['core.fsmonitor=false'],
      // simple-git guards these by default; we set fsmonitor ourselves (to off) and pass the user's
      // environment through on purpose, minus what DROPPED_ENV removes.
      allowConfig: ['core.fsmonitor'],
      allowEnvironment: Object.keys(this.env),
      timeout: { block: this.options.timeoutMs ?? 60_000 },
      // simple-git alone takes a non-zero exit without stderr (`rev-parse --verify --quiet`) as success.
      errors: (error, result) => (error ?? okExitCodes.includes(result.exitCode) ? error : Buffer.concat([...result.stdErr, ...result.stdOut, Buffer.from(`git exited with ${result.exitCode}`)])),
      ...(onProgress ? { progress: (event: SimpleGitProgressEvent) => onProgress({ method: event.method, stage: redact(event.stage), progress: event.progress }) } : {}),
    }).env(this.env);
  }
}
