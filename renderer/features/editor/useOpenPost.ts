import { useCallback, useEffect, useRef, useState } from 'react';
import { HanjiError } from '../../../shared/contract/result';
import { errorMessage, useClient } from '../../app/client-context';

/** The post in the editor: its text, the text last saved, and the hash that guards the next save. */
export interface OpenPost {
  /** The site the post belongs to; a post of a site that is no longer open is not shown. */
  siteRoot: string | null;
  path: string;
  text: string;
  savedText: string;
  hash: string;
}

/** Open, edit and save one post of the site at `siteRoot`; a clean post follows changes made on disk. */
export function useOpenPost(siteRoot: string | null) {
  const client = useClient();
  const [stored, setPost] = useState<OpenPost | null>(null);
  const post = stored && stored.siteRoot === siteRoot ? stored : null;
  const [status, setStatus] = useState('');
  // Save and the disk-change listener read the newest post without re-subscribing on every keystroke.
  const latest = useRef<OpenPost | null>(null);
  useEffect(() => {
    latest.current = post;
  }, [post]);

  const open = useCallback(
    async (path: string) => {
      try {
        const doc = await client.readPost(path);
        setPost({ siteRoot, path: doc.path, text: doc.text, savedText: doc.text, hash: doc.hash });
        setStatus('');
      } catch (e) {
        setStatus(errorMessage(e));
      }
    },
    [client, siteRoot],
  );

  const edit = useCallback((text: string) => {
    setPost((current) => (current ? { ...current, text } : current));
  }, []);

  const save = useCallback(async () => {
    const current = latest.current;
    if (!current) return;
    const text = current.text;
    try {
      const { hash } = await client.writePost(current.path, text, current.hash);
      // Keep typing that happened while the save was in flight: only the saved text is marked clean.
      setPost((now) => (now && now.path === current.path ? { ...now, savedText: text, hash } : now));
      setStatus('Saved');
    } catch (e) {
      setStatus(e instanceof HanjiError && e.code === 'CONFLICT' ? `${e.message}` : `Not saved: ${errorMessage(e)}`);
    }
  }, [client]);

  useEffect(
    () =>
      client.on('postChanged', (change) => {
        const current = latest.current;
        if (!current || change.path !== current.path || change.hash === current.hash) return;
        if (current.text === current.savedText) void open(current.path);
        else setStatus(`${current.path} changed on disk; your unsaved edits are kept.`);
      }),
    [client, open],
  );

  const dirty = post !== null && post.text !== post.savedText;
  return { post, dirty, status, open, edit, save };
}
