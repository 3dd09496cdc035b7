import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteClient } from '../../../shared/rpc/client';
import { useClient } from '../../app/client-context';
import type { ImageUrlCache } from './image-cache';
import { blobImageCache, showSiteImages } from './site-images';

/** Per client, the open site's images: kept across posts and preview toggles for the session. */
const caches = new WeakMap<SiteClient, { siteRoot: string; cache: ImageUrlCache }>();

function cacheFor(client: SiteClient, siteRoot: string): ImageUrlCache {
  const known = caches.get(client);
  if (known?.siteRoot === siteRoot) return known.cache;
  known?.cache.dispose();
  const cache = blobImageCache(client);
  caches.set(client, { siteRoot, cache });
  return cache;
}

/**
 * Show the site images of the preview content in `content.current.root` (made by a layout effect
 * of the caller, so it exists when this runs), loaded through the engine. When the site changes
 * (opened again, or its configuration edited), images are read again.
 */
export function useSiteImages(content: RefObject<{ root: HTMLElement } | null>, siteRoot: string): void {
  const client = useClient();
  const { t } = useTranslation();
  useEffect(() => {
    const root = content.current?.root;
    if (!root) return;
    const cache = cacheFor(client, siteRoot);
    const images = showSiteImages(root, cache, {
      missing: (path) => t('preview.imageMissing', { path }),
      undecodable: (path) => t('preview.imageUndecodable', { path }),
    });
    const off = client.on('siteChanged', () => {
      cache.invalidate();
      images.refresh();
    });
    return () => {
      off();
      images.stop();
    };
  }, [client, content, siteRoot, t]);
}
