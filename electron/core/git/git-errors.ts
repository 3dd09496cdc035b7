import { HanjiError, type GitReason } from '../../../shared/contract/result';
import { redact } from './redact';

/** What a failure means for the writer and what to do next, by reason. */
export const GIT_ADVICE: Record<GitReason, string> = {
  NOT_INSTALLED: 'Git is not installed or not on the PATH. Install Git (git-scm.com), then try again.',
  NOT_A_REPO: 'This site folder is not a Git repository. Choose "Initialize repository" in the Git panel, or open the folder of a clone.',
  NON_FAST_FORWARD: 'The remote has commits you do not have yet, so the push was refused. Pull first, then push again.',
  DIVERGED: 'Your branch and the remote both have new commits, so a fast-forward pull is not possible. Pull with "rebase", or merge in a terminal.',
  AUTH: 'Git could not sign in to the remote. Check your credentials (credential helper, token or SSH key) in a terminal with "git push", then try again.',
  OFFLINE: 'Git could not reach the remote. Check your network connection and the remote URL, then try again.',
  TIMEOUT: 'Git stopped answering and was stopped. Check your network and the remote, then try again.',
  IN_PROGRESS: 'A merge, rebase or cherry-pick is in progress. Finish or abort it in a terminal (for example "git rebase --continue" or "git merge --abort") before committing here.',
  CONFLICTS: 'Some files have merge conflicts (<<<<<<< markers). Resolve them and remove the markers before committing.',
  DETACHED_HEAD: 'HEAD is detached (no branch is checked out), so a commit here would be easy to lose. Check out a branch in a terminal first.',
  NO_UPSTREAM: 'This branch has no upstream on the remote yet. Set the remote in the Git panel, then push to create it.',
  NO_REMOTE: 'This repository has no remote. Set the remote URL in the Git panel, then push.',
  LOCAL_CHANGES: 'You have uncommitted changes that the pull would overwrite. Commit them first, then pull again.',
  NOTHING_TO_COMMIT: 'There is nothing to commit in the selected files.',
  NO_COMMITS: 'This repository has no commits yet. Commit your posts first, then push.',
  UNSAFE_NAME: 'That name is not one Hanji will pass to Git.',
  UNKNOWN: 'Git failed.',
};

/** Stderr patterns, in order: the first match decides (auth before offline: ssh says both). */
const PATTERNS: [GitReason, RegExp][] = [
  ['NOT_INSTALLED', /spawn \S*git\S* ENOENT|\bENOENT\b.*\bgit\b/iu],
  ['TIMEOUT', /block timeout reached/iu],
  ['NOT_A_REPO', /not a git repository/iu],
  ['NON_FAST_FORWARD', /\[rejected\].*\((?:fetch first|non-fast-forward)\)|updates were rejected because/iu],
  ['DIVERGED', /not possible to fast-forward|divergent branches/iu],
  ['AUTH', /authentication failed|could not read (?:username|password)|terminal prompts disabled|permission denied \(publickey|access denied|invalid username or password|returned error: 40[13]|host key verification failed/iu],
  ['OFFLINE', /could not resolve host|failed to connect|connection refused|network is unreachable|connection timed out|operation timed out|could not read from remote repository|unable to access/iu],
  ['NO_UPSTREAM', /has no upstream branch|no tracking information/iu],
  ['NO_REMOTE', /no configured push destination|does not appear to be a git repository/iu],
  ['LOCAL_CHANGES', /local changes to the following files would be overwritten|you have unstaged changes|please commit or stash them/iu],
  ['CONFLICTS', /^CONFLICT \(|automatic merge failed|could not apply|resolve all conflicts/imu],
  ['DETACHED_HEAD', /not currently on a branch/iu],
  ['NO_COMMITS', /src refspec \S+ does not match any|does not have any commits yet/iu],
  ['NOTHING_TO_COMMIT', /nothing to commit|no changes added to commit/iu],
];

/** The reason behind git's error output, UNKNOWN when no pattern matches. */
export function classifyGitOutput(output: string): GitReason {
  return PATTERNS.find(([, pattern]) => pattern.test(output))?.[0] ?? 'UNKNOWN';
}

/** A Hanji error for a failed git call: the reason's advice, plus git's own words when they add something. */
export function gitFailure(output: string, reason: GitReason = classifyGitOutput(output)): HanjiError {
  const detail = redact(output)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^hint:/u.test(line))
    .slice(0, 6)
    .join(' ')
    .slice(0, 600);
  const advice = GIT_ADVICE[reason];
  return new HanjiError('GIT_FAILED', detail === '' || reason === 'NOT_INSTALLED' ? advice : `${advice} (git: ${detail})`, { reason });
}

/** A Hanji error for a state found before running git (a rebase in progress, conflict markers…). */
export function gitRefusal(reason: GitReason, extra = '', where: { path?: string; line?: number } = {}): HanjiError {
  return new HanjiError('GIT_FAILED', redact(extra === '' ? GIT_ADVICE[reason] : `${GIT_ADVICE[reason]} ${extra}`), { reason, ...where });
}
