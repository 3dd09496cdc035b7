import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';

/** Wait for a pause in typing before asking the engine to read post bodies. */
const DEBOUNCE_MS = 200;

/**
 * The paths of posts whose body (or title, tags, categories) contain every word of `query`, from
 * the engine's search; null while the query is empty. The list filters titles and tags at once by
 * itself, so a slow body search never holds typing back.
 */
export function useBodySearch(query: string): ReadonlySet<string> | null {
  const client = useClient();
  const [found, setFound] = useState<{ query: string; paths: ReadonlySet<string> } | null>(null);
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed === '') return;
    let active = true;
    const timer = setTimeout(() => {
      client.searchPosts(trimmed).then(
        (matches) => {
          if (active) setFound({ query: trimmed, paths: new Set(matches.map((m) => m.path)) });
        },
        () => {
          // A failed search leaves the title and tag matches on screen; the next keystroke retries.
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [client, trimmed]);
  return trimmed !== '' && found?.query === trimmed ? found.paths : null;
}
