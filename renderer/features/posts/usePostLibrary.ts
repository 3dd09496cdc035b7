import { useEffect, useState } from 'react';
import type { PostChange } from '../../../shared/contract/events';
import type { PostSummary, SiteInfo } from '../../../shared/model/site';
import type { SiteClient } from '../../../shared/rpc/client';
import { errorMessage, useClient } from '../../app/client-context';

/** What the post library shows. */
export interface LibraryState {
  site: SiteInfo | null;
  posts: PostSummary[];
  error: string | null;
  loading: boolean;
}

async function loadLibrary(client: SiteClient): Promise<LibraryState> {
  try {
    const site = await client.getSite();
    return { site, posts: site ? await client.listPosts() : [], error: null, loading: false };
  } catch (e) {
    return { site: null, posts: [], error: errorMessage(e), loading: false };
  }
}

/** The list after `changes`, in the library's order: newest first, ties by path descending. */
export function applyChanges(posts: readonly PostSummary[], changes: readonly PostChange[]): PostSummary[] {
  const byPath = new Map(posts.map((p) => [p.path, p]));
  for (const change of changes) {
    if (change.post) byPath.set(change.path, change.post);
    else byPath.delete(change.path);
  }
  return [...byPath.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
}

/** The open site and its posts, reloaded whenever the engine says the site changed. */
export function usePostLibrary(): LibraryState {
  const client = useClient();
  const [state, setState] = useState<LibraryState>({ site: null, posts: [], error: null, loading: true });

  useEffect(() => {
    let active = true;
    const load = () =>
      void loadLibrary(client).then((next) => {
        if (active) setState(next);
      });
    load();
    const offSite = client.on('siteChanged', load);
    // Changes carry each post's new summary: patch the list instead of fetching every post again.
    const offPosts = client.on('postsChanged', ({ changes }) => {
      if (changes.some((c) => c.kind !== 'deleted' && c.post === null)) load();
      else setState((current) => ({ ...current, posts: applyChanges(current.posts, changes) }));
    });
    return () => {
      active = false;
      offSite();
      offPosts();
    };
  }, [client]);

  return state;
}
