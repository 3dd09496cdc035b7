import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GitOperation } from '../../../shared/model/git';

/**
 * The operation a terminal left unfinished in a repository, told by the files git keeps in its
 * folder (`git rev-parse --absolute-git-dir`; a worktree has its own); null when there is none.
 */
export function operationInProgress(gitDir: string): GitOperation | null {
  if (existsSync(path.join(gitDir, 'rebase-merge')) || existsSync(path.join(gitDir, 'rebase-apply'))) return 'rebase';
  if (existsSync(path.join(gitDir, 'MERGE_HEAD'))) return 'merge';
  if (existsSync(path.join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  return null;
}

/**
 * The 1-based line of the first conflict marker in `text`, or null. A conflict always has a
 * `<<<<<<< ` and a `>>>>>>> ` line; a lone `=======` line is not taken as one, because in Markdown
 * it underlines a heading.
 */
export function conflictMarkerLine(text: string): number | null {
  const index = text.split(/\r?\n/u).findIndex((line) => /^(?:<{7}|>{7})(?: |$)/u.test(line));
  return index < 0 ? null : index + 1;
}
