import { useCallback, useEffect, useState } from 'react';
import { HanjiError, type GitReason } from '../../../shared/contract/result';
import type { ExportResult, GitPullMode, GitStatus } from '../../../shared/model/git';
import type { PostProblem } from '../../../shared/model/site';
import { errorMessage, useClient } from '../../app/client-context';

/** A failed git call as the panel shows it: the engine's message (with the next step) and its reason. */
export interface GitProblem {
  message: string;
  reason: GitReason | null;
}

/** The Git panel's state and actions; every action refreshes the status. */
export interface GitPanelState {
  status: GitStatus | null;
  problem: GitProblem | null;
  /** The action running now ('commit', 'push'…), or null. */
  busy: string | null;
  /** The last progress line of a push or pull. */
  progress: string;
  /** A short note after an action succeeded. */
  note: string;
  diff: { path: string; text: string } | null;
  refresh(): Promise<void>;
  showDiff(path: string): Promise<void>;
  commit(paths: string[], message: string): Promise<boolean>;
  pull(mode: GitPullMode): Promise<void>;
  /** Run the pre-push check; push when it finds nothing or `confirm` says go on anyway. */
  push(confirm: (problems: PostProblem[]) => Promise<boolean>): Promise<void>;
  init(): Promise<void>;
  setRemote(url: string): Promise<void>;
  /** Copy posts and their images into another repository, commit and push there. */
  exportPosts(target: string, posts: string[]): Promise<ExportResult | null>;
}

/** Load the repository's status on mount and run the panel's git actions through the client. */
export function useGit(notes: { committed(hash: string): string; pulled: string; pushed: string; exported(result: ExportResult): string }): GitPanelState {
  const client = useClient();
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [problem, setProblem] = useState<GitProblem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [note, setNote] = useState('');
  const [diff, setDiff] = useState<{ path: string; text: string } | null>(null);

  const act = useCallback(async <T,>(name: string, task: () => Promise<T>): Promise<T | null> => {
    setBusy(name);
    setProblem(null);
    setNote('');
    try {
      return await task();
    } catch (error) {
      setProblem(problemOf(error));
      return null;
    } finally {
      setBusy(null);
      setProgress('');
    }
  }, []);

  const refresh = useCallback(async () => {
    const next = await act('status', () => client.gitStatus());
    if (next) setStatus(next);
  }, [act, client]);

  useEffect(() => {
    client.gitStatus().then(setStatus, (error: unknown) => setProblem(problemOf(error)));
    return client.on('gitProgress', (p) => setProgress(`${p.stage} ${p.progress}%`));
  }, [client, refresh]);

  const afterwards = useCallback((next: GitStatus | null, done: string) => {
    if (!next) return;
    setStatus(next);
    setNote(done);
  }, []);

  return {
    status,
    problem,
    busy,
    progress,
    note,
    diff,
    refresh,
    showDiff: async (path) => {
      const text = await act('diff', () => client.gitDiff(path));
      if (text !== null) setDiff({ path, text });
    },
    commit: async (paths, message) => {
      const result = await act('commit', () => client.gitCommit(paths, message));
      if (!result) return false;
      setDiff(null);
      afterwards(await act('status', () => client.gitStatus()), notes.committed(result.commit.slice(0, 7)));
      return true;
    },
    pull: async (mode) => afterwards(await act('pull', () => client.gitPull(mode)), notes.pulled),
    push: async (confirm) => {
      const report = await act('check', () => client.gitPrePushCheck());
      if (!report || (report.problems.length > 0 && !(await confirm(report.problems)))) return;
      afterwards(await act('push', () => client.gitPush()), notes.pushed);
    },
    init: async () => afterwards(await act('init', () => client.gitInit()), ''),
    setRemote: async (url) => afterwards(await act('remote', () => client.gitSetRemote(url)), ''),
    exportPosts: async (target, posts) => {
      const result = await act('export', () => client.exportPosts(target, posts, {}));
      if (result) setNote(notes.exported(result));
      return result;
    },
  };
}

function problemOf(error: unknown): GitProblem {
  return { message: errorMessage(error), reason: error instanceof HanjiError ? (error.reason ?? null) : null };
}
