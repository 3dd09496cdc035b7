import { useEffect, useState } from 'react';
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
    // A post's title, date or status may have changed with its text.
    const offPosts = client.on('postsChanged', load);
    return () => {
      active = false;
      offSite();
      offPosts();
    };
  }, [client]);

  return state;
}
