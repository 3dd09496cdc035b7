import { useMemo, useState } from 'react';
import { useModalDialog } from '../dialogs/useModalDialog';
import { useTranslation } from 'react-i18next';
import { suggestCommitMessage } from '../../../shared/git/commit-message';
import type { GitChangeKind, GitStatus } from '../../../shared/model/git';
import type { PostProblem } from '../../../shared/model/site';
import { updatePreferences, usePreferences } from '../../app/preferences';
import { useDialog } from '../dialogs/DialogHost';
import { DiffView } from './DiffView';
import { useGit } from './useGit';

const KIND_LABELS: Record<GitChangeKind, string> = { new: 'git.kindNew', modified: 'git.kindModified', deleted: 'git.kindDeleted', renamed: 'git.kindRenamed', conflicted: 'git.kindConflicted' };
const BUSY_LABELS: Record<string, string> = { status: 'git.busyStatus', diff: 'git.busyStatus', commit: 'git.busyCommit', pull: 'git.busyPull', check: 'git.busyCheck', push: 'git.busyPush', export: 'git.busyExport', init: 'git.busyStatus', remote: 'git.busyStatus' };

/**
 * The Git panel: branch and upstream, the changed files with a diff each, a commit of the selected
 * ones with a suggested message, Pull (fast-forward or rebase) and Push, and for a plain folder
 * init and the remote. Failures show the engine's next step, with Pull offered when the remote is ahead.
 */
export function GitPanel({ onClose, titleOf, openPost }: { onClose(): void; titleOf(path: string): string | null; openPost: string | null }) {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const git = useGit({
    committed: (hash) => t('git.committed', { hash }),
    pulled: t('git.pulled'),
    pushed: t('git.pushed'),
    exported: (result) => t(result.pushed ? 'git.exportedPushed' : 'git.exported', { count: result.files.length, hash: result.commit.slice(0, 7) }),
  });
  const [exportTarget, setExportTarget] = useState('');
  const ref = useModalDialog(onClose);
  // Unchecked files; every other changed file, including one that appears later, is selected.
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [remoteUrl, setRemoteUrl] = useState('');
  const { status } = git;
  const ask = useDialog();
  const confirmPush = async (problems: PostProblem[]) => {
    const answer = await ask({
      title: t('git.checkTitle', { count: problems.length }),
      message: t('git.checkMessage'),
      body: (
        <ul className="git-check" aria-label={t('git.checkTitle', { count: problems.length })}>
          {problems.map((p, i) => (
            <li key={i} className={`git-check-${p.severity}`}>
              {t(p.severity === 'error' ? 'git.checkError' : 'git.checkWarning')} {p.path}
              {p.line !== null ? `:${p.line}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      ),
      buttons: [
        { id: 'cancel', label: t('dialog.cancel'), primary: true },
        { id: 'push', label: t('git.pushAnyway'), danger: true },
      ],
      cancel: 'cancel',
      wide: true,
    });
    return answer.button === 'push';
  };


  const chosen = useMemo(() => status?.files.filter((f) => !excluded.has(f.path)) ?? [], [status, excluded]);
  const suggestion = suggestCommitMessage(chosen, titleOf);
  const text = message ?? suggestion;
  const busy = git.busy !== null;

  const toggle = (path: string) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <dialog ref={ref} className="dialog dialog-wide git-panel" aria-labelledby="git-title" aria-busy={busy}>
      <h2 id="git-title">{t('git.title')}</h2>
      {status ? <GitHeader status={status} /> : null}
      {git.problem ? (
        <div role="alert" className="error git-problem">
          <p>{git.problem.message}</p>
          {git.problem.reason === 'NON_FAST_FORWARD' ? (
            <button type="button" disabled={busy} onClick={() => void git.pull(prefs.gitPullMode)}>
              {t('git.pullNow')}
            </button>
          ) : null}
        </div>
      ) : null}
      {status && !status.isRepo ? (
        <p>
          {t('git.notRepo')}{' '}
          <button type="button" disabled={busy} onClick={() => void git.init()}>
            {t('git.init')}
          </button>
        </p>
      ) : null}
      {status?.isRepo && status.remotes.length === 0 ? (
        <form
          className="git-remote"
          onSubmit={(event) => {
            event.preventDefault();
            void git.setRemote(remoteUrl.trim());
          }}
        >
          <label className="dialog-field">
            <span>{t('git.remoteUrl')}</span>
            <input value={remoteUrl} onChange={(e) => setRemoteUrl(e.target.value)} placeholder="git@github.com:you/you.github.io.git" />
          </label>
          <button type="submit" disabled={busy || remoteUrl.trim() === ''}>
            {t('git.setRemote')}
          </button>
        </form>
      ) : null}
      {status?.isRepo ? (
        <div className="git-body">
          <fieldset className="git-files">
            <legend>{t('git.changes', { count: status.files.length })}</legend>
            {status.files.length === 0 ? <p className="empty">{t('git.clean')}</p> : null}
            <ul>
              {status.files.map((file) => (
                <li key={file.path}>
                  <label>
                    <input type="checkbox" checked={!excluded.has(file.path)} onChange={() => toggle(file.path)} />
                    <span className={`git-kind git-kind-${file.kind}`}>{t(KIND_LABELS[file.kind])}</span> {file.from !== undefined ? `${file.from} → ` : ''}
                    {file.path}
                  </label>
                  <button type="button" className="link" onClick={() => void git.showDiff(file.path)} aria-label={t('git.showDiff', { path: file.path })}>
                    {t('git.diff')}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
          {git.diff ? <DiffView path={git.diff.path} text={git.diff.text} label={t('git.diffOf', { path: git.diff.path })} /> : null}
        </div>
      ) : null}
      {status?.isRepo ? (
        <form
          className="git-commit"
          onSubmit={(event) => {
            event.preventDefault();
            void git.commit(chosen.map((f) => f.path), text).then((done) => done && setMessage(null));
          }}
        >
          <label className="dialog-field">
            <span>{t('git.message')}</span>
            <textarea rows={3} value={text} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <div className="dialog-buttons">
            <label className="dialog-field-checkbox">
              <span>{t('git.pullMode')}</span>
              <select value={prefs.gitPullMode} onChange={(e) => updatePreferences({ gitPullMode: e.target.value === 'rebase' ? 'rebase' : 'ff' })}>
                <option value="ff">{t('git.pullFf')}</option>
                <option value="rebase">{t('git.pullRebase')}</option>
              </select>
            </label>
            <button type="button" disabled={busy || status.upstream === null} onClick={() => void git.pull(prefs.gitPullMode)}>
              {t('git.pull')}
            </button>
            <button type="button" disabled={busy} onClick={() => void git.push(confirmPush)}>
              {t('git.push')}
            </button>
            <button type="submit" className="primary" disabled={busy || chosen.length === 0 || text.trim() === ''}>
              {t('git.commit')}
            </button>
          </div>
        </form>
      ) : null}
      {openPost ? (
        <form
          className="git-export"
          onSubmit={(event) => {
            event.preventDefault();
            void git.exportPosts(exportTarget.trim(), [openPost]);
          }}
        >
          <label className="dialog-field">
            <span>{t('git.exportTarget')}</span>
            <input value={exportTarget} onChange={(e) => setExportTarget(e.target.value)} placeholder="/home/you/you.github.io" />
          </label>
          <button type="submit" disabled={busy || exportTarget.trim() === ''}>
            {t('git.export', { title: titleOf(openPost) ?? openPost })}
          </button>
        </form>
      ) : null}
      <p role="status" className="git-note">
        {git.busy ? `${t(BUSY_LABELS[git.busy] ?? 'git.busyStatus')} ${git.progress}` : git.note}
      </p>
      <div className="dialog-buttons">
        <button type="button" disabled={busy} onClick={() => void git.refresh()}>
          {t('git.refresh')}
        </button>
        <button type="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </dialog>
  );
}

/** Branch, upstream and how far apart they are. */
function GitHeader({ status }: { status: GitStatus }) {
  const { t } = useTranslation();
  if (!status.isRepo) return null;
  return (
    <p className="git-header" aria-label={t('git.branchInfo')}>
      {status.detached ? t('git.detached') : t('git.onBranch', { branch: status.branch ?? '' })}
      {' · '}
      {status.upstream === null ? t('git.noUpstream') : t('git.upstream', { upstream: status.upstream, ahead: status.ahead, behind: status.behind })}
      {status.inProgress ? ` · ${t('git.inProgress', { operation: status.inProgress })}` : ''}
    </p>
  );
}
