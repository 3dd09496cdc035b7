import { useEffect, useState } from 'react';
import type { SiteRenderData } from '../../../shared/model/site';
import { useClient } from '../../app/client-context';

/** What the preview uses when the engine cannot give its render data: Jekyll's defaults, no includes. */
const BARE: SiteRenderData = { config: {}, markdownInput: 'GFM', zone: 'UTC', includes: {}, siteData: {}, files: [] };

/** The open site's render data (config, includes, linkable files), fetched again when the site changes. */
export function useRenderData(root: string | null): SiteRenderData | null {
  const client = useClient();
  const [data, setData] = useState<{ root: string; data: SiteRenderData } | null>(null);
  useEffect(() => {
    if (!root) return;
    let active = true;
    const load = () =>
      void client.getRenderData().then(
        (fetched) => active && setData({ root, data: fetched }),
        (error: unknown) => {
          // Without includes and config, Liquid shows notices where they are used; the rest still renders.
          console.warn('Hanji preview: could not load the site’s render data', error);
          if (active) setData({ root, data: BARE });
        },
      );
    load();
    const off = client.on('siteChanged', load);
    return () => {
      active = false;
      off();
    };
  }, [client, root]);
  return data && data.root === root ? data.data : null;
}
