import { useCallback, useEffect, useRef, useState } from 'react';
import { HanjiError } from '../../../shared/contract/result';
import { errorMessage, useClient } from '../../app/client-context';
import { afterQuiet, createLiveText } from './live-text';

/** The post in the editor: its text, the text last saved, and the hash that guards the next save. */
export interface OpenPost {
  /** The site the post belongs to; a post of a site that is no longer open is not shown. */
  siteRoot: string | null;
  path: string;
  text: string;
  savedText: string;
  hash: string;
  /** Counts loads from disk: the editor starts afresh for each, but not for our own saves. */
  revision: number;
}

/** Unsaved text is copied for crash recovery after this pause in typing. */
const RECOVERY_DELAY_MS = 1000;

/**
 * Typing reaches React state (the status bar, the form, autosave) after this pause, and at least
 * this often while the typing goes on; the preview follows every keystroke through `live`.
 */
const TEXT_COMMIT_PAUSE_MS = 300;
const TEXT_COMMIT_MAX_WAIT_MS = 2000;

/** Whether `post` holds text that is not saved. */
const isUnsaved = (post: OpenPost | null): post is OpenPost => post !== null && post.text !== post.savedText;

type Update = OpenPost | null | ((current: OpenPost | null) => OpenPost | null);

/** The open post changed on disk while it had unsaved edits: the user chooses what to keep. */
export interface DiskConflict {
  path: string;
  kind: 'changed' | 'deleted';
}

/** Open, edit and save one post of the site at `siteRoot`; a clean post follows changes made on disk. */
export function useOpenPost(siteRoot: string | null) {
  const client = useClient();
  const [stored, setStored] = useState<OpenPost | null>(null);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<DiskConflict | null>(null);
  // Every update goes through the ref first, so a save started right after a keystroke sees it.
  const latest = useRef<OpenPost | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const [live] = useState(createLiveText);
  // What React last rendered, and the timer that will render newer typing.
  const committed = useRef<OpenPost | null>(null);
  const pendingCommit = useRef<{ timer: ReturnType<typeof setTimeout>; since: number } | null>(null);

  const commit = useCallback(() => {
    if (pendingCommit.current) clearTimeout(pendingCommit.current.timer);
    pendingCommit.current = null;
    committed.current = latest.current;
    setStored(latest.current);
  }, []);
  useEffect(() => () => clearTimeout(pendingCommit.current?.timer), []);

  const setPost = useCallback(
    (update: Update) => {
      latest.current = typeof update === 'function' ? update(latest.current) : update;
      live.set(latest.current && { path: latest.current.path, text: latest.current.text });
      commit();
    },
    [live, commit],
  );

  const open = useCallback(
    async (path: string) => {
      try {
        const doc = await client.readPost(path);
        setPost((previous) => ({ siteRoot, path: doc.path, text: doc.text, savedText: doc.text, hash: doc.hash, revision: (previous?.revision ?? 0) + 1 }));
        setStatus('');
        setConflict(null);
      } catch (e) {
        setStatus(errorMessage(e));
      }
    },
    [client, siteRoot, setPost],
  );

  /**
   * The editor's text changed. React hears of it at once only when the post becomes saved or
   * unsaved; otherwise after a pause, so a keystroke re-renders nothing but the preview.
   */
  const edit = useCallback(
    (text: string) => {
      const current = latest.current;
      if (!current || current.text === text) return;
      latest.current = { ...current, text };
      live.set({ path: current.path, text });
      if (committed.current?.path !== current.path || isUnsaved(latest.current) !== isUnsaved(committed.current)) {
        commit();
        return;
      }
      const now = performance.now();
      const since = pendingCommit.current?.since ?? now;
      if (pendingCommit.current) clearTimeout(pendingCommit.current.timer);
      pendingCommit.current = { timer: setTimeout(commit, Math.max(0, Math.min(TEXT_COMMIT_PAUSE_MS, since + TEXT_COMMIT_MAX_WAIT_MS - now))), since };
    },
    [live, commit],
  );

  /** Save the newest text; saves run one after another, each with the hash the previous one returned. */
  const save = useCallback(() => {
    const run = async () => {
      const current = latest.current;
      if (!isUnsaved(current)) return;
      const text = current.text;
      inFlight.current++;
      try {
        const { hash } = await client.writePost(current.path, text, current.hash);
        // Keep typing that happened while the save was in flight: only the saved text is marked clean.
        setPost((now) => (now && now.path === current.path ? { ...now, savedText: text, hash } : now));
        setStatus('Saved');
      } catch (e) {
        setStatus(e instanceof HanjiError && e.code === 'CONFLICT' ? e.message : `Not saved: ${errorMessage(e)}`);
      } finally {
        inFlight.current--;
      }
    };
    saving.current = saving.current.then(run);
    return saving.current;
  }, [client, setPost]);

  useEffect(
    () =>
      client.on('postsChanged', ({ changes }) => {
        const current = latest.current;
        const change = changes.find((c) => c.path === current?.path);
        // Our own save announces itself before its reply arrives; the hash settles it afterwards.
        if (!current || !change || inFlight.current > 0 || change.hash === current.hash) return;
        const clean = current.text === current.savedText;
        // A clean post follows the disk: reloaded when changed, closed when deleted (or renamed away).
        if (clean && change.kind === 'deleted') {
          setPost(null);
          setStatus(`${current.path} was deleted or moved on disk.`);
        } else if (clean) void open(current.path);
        else setConflict({ path: current.path, kind: change.kind === 'deleted' ? 'deleted' : 'changed' });
      }),
    [client, open, setPost],
  );

  const post = stored && stored.siteRoot === siteRoot ? stored : null;
  const dirty = isUnsaved(post);

  useEffect(() => {
    if (!dirty) return;
    // Closing the tab or window, or reloading, asks first (Electron turns this into a dialog).
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  /** Keep the editor's text: save it over the version on disk (or recreate a deleted file). */
  const keepMine = useCallback(async () => {
    const current = latest.current;
    if (!current) return;
    try {
      const disk = await client.readPost(current.path).catch(() => null);
      // The file is gone: a save against the hash of nothing recreates it, as the engine allows.
      setPost((now) => (now && now.path === current.path ? { ...now, hash: disk?.hash ?? now.hash, savedText: disk ? disk.text : '' } : now));
      setConflict(null);
      await save();
    } catch (e) {
      setStatus(errorMessage(e));
    }
  }, [client, save, setPost]);

  /** Take the version on disk, dropping the unsaved edits. */
  const takeTheirs = useCallback(async () => {
    const current = latest.current;
    if (!current) return;
    await client.discardRecovery(current.path).catch(() => undefined);
    await open(current.path);
  }, [client, open]);

  /** The text on disk now, for comparing with the editor's. */
  const diskText = useCallback(async () => {
    const current = latest.current;
    return current ? (await client.readPost(current.path)).text : '';
  }, [client]);

  /** Put text recovered after a crash into the editor, unsaved, over the file as it is now. */
  const recover = useCallback(
    async (path: string, text: string) => {
      try {
        const doc = await client.readPost(path);
        setPost((previous) => ({ siteRoot, path: doc.path, text, savedText: doc.text, hash: doc.hash, revision: (previous?.revision ?? 0) + 1 }));
        setConflict(null);
      } catch (e) {
        setStatus(errorMessage(e));
      }
    },
    [client, siteRoot, setPost],
  );

  /** The user chose not to keep the unsaved edits: drop their recovery copy too. */
  const dropRecovery = useCallback(async () => {
    const current = latest.current;
    if (current) await client.discardRecovery(current.path).catch(() => undefined);
  }, [client]);

  /** Forget the open post (it was deleted or renamed away). */
  const close = useCallback(() => setPost(null), [setPost]);
  /** Leave the conflict for now: the edits stay, and saving will report the conflict again. */
  const dismissConflict = useCallback(() => setConflict(null), []);
  /** Whether the newest text is unsaved, as of now (not of the last render). */
  const isDirty = useCallback(() => isUnsaved(latest.current), []);
  /** The newest text, as of now. */
  const currentText = useCallback(() => latest.current?.text ?? '', []);

  // Unsaved text is copied outside the site after a pause in typing (timed from the last
  // keystroke, which React may not have heard of yet), so a crash loses nothing; a save (in the
  // engine) or discarding the edits drops the copy.
  const unsavedPath = isUnsaved(post) ? post.path : null;
  useEffect(() => {
    if (unsavedPath === null) return;
    const copy = () => {
      const current = latest.current;
      if (isUnsaved(current) && current.path === unsavedPath) void client.saveRecovery(current.path, current.text, current.hash).catch(() => undefined);
    };
    return afterQuiet(live, RECOVERY_DELAY_MS, copy);
  }, [client, live, unsavedPath]);

  return { post, live, dirty, status, conflict, open, edit, save, keepMine, takeTheirs, diskText, close, dismissConflict, isDirty, currentText, recover, dropRecovery };
}
