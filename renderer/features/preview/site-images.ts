import type { ImageAsset } from '../../../shared/model/site';
import type { SiteClient } from '../../../shared/rpc/client';
import { ImageUrlCache, type ImageHandle } from './image-cache';
import { ASSET_SCHEME } from './sanitize';

/** The placeholders sanitize.ts leaves for images of the site folder. */
const PLACEHOLDER = `.preview-image[data-asset^="${ASSET_SCHEME}"]`;
const LOADED = 'preview-image-loaded';
const FAILED = 'preview-image-missing';

/** What a placeholder says when its image cannot be shown. */
export interface SiteImageNotes {
  /** The image is not in the site folder (NOT_FOUND). */
  missing(path: string): string;
  /** The browser could not decode bytes the engine took for an image. */
  undecodable(path: string): string;
}

/** Site images currently shown in one content root. */
export interface SiteImages {
  /** Show every image again from `cache` (after it was invalidated), without blanking those on screen. */
  refresh(): void;
  /** Stop watching; every image shown is released. */
  stop(): void;
}

/**
 * Show the site images of a preview: every placeholder that appears under `root` gets an `<img>`
 * from `cache` (its alt text and note hidden meanwhile), or a note saying why the image is not
 * shown. The placeholder element itself stays, so whoever owns the DOM (PreviewContent) can keep
 * moving and removing it; a MutationObserver tells when it comes and goes.
 */
export function showSiteImages(root: Element, cache: ImageUrlCache, notes: SiteImageNotes): SiteImages {
  const held = new Map<HTMLElement, ImageHandle>();

  const attach = (box: HTMLElement) => {
    if (held.has(box) || !root.contains(box)) return;
    const path = (box.dataset['asset'] ?? '').slice(ASSET_SCHEME.length);
    const handle = cache.acquire(path);
    held.set(box, handle);
    handle.url.then(
      (url) => {
        if (held.get(box) === handle) showImage(box, url, () => showNote(box, notes.undecodable(path)));
      },
      (error: unknown) => {
        if (held.get(box) === handle) showNote(box, isNotFound(error) ? notes.missing(path) : errorText(error));
      },
    );
  };
  const detach = (box: HTMLElement) => {
    if (root.contains(box)) return;
    held.get(box)?.release();
    held.delete(box);
  };

  const observer = new MutationObserver((records) => {
    // Additions first: a paragraph rendered again shows its image before the old one lets it go,
    // so the cache never sees it unused and never loads it again.
    for (const record of records) for (const node of Array.from(record.addedNodes)) placeholdersIn(node).forEach(attach);
    for (const record of records) for (const node of Array.from(record.removedNodes)) placeholdersIn(node).forEach(detach);
  });
  observer.observe(root, { childList: true, subtree: true });
  placeholdersIn(root).forEach(attach);

  return {
    refresh() {
      const shown = [...held];
      held.clear();
      for (const [box] of shown) attach(box);
      for (const [, handle] of shown) handle.release();
    },
    stop() {
      observer.disconnect();
      for (const handle of held.values()) handle.release();
      held.clear();
    },
  };
}

/** The images of `client`'s open site as blob: URLs, which the CSP allows and nothing outside the page can read. */
export function blobImageCache(client: SiteClient): ImageUrlCache {
  return new ImageUrlCache({
    load: (path) => client.readAsset(path),
    createUrl: (asset: ImageAsset) => URL.createObjectURL(new Blob([decodeBase64(asset.dataBase64)], { type: asset.mime })),
    revokeUrl: (url) => URL.revokeObjectURL(url),
  });
}

function placeholdersIn(node: Node): HTMLElement[] {
  if (!(node instanceof HTMLElement)) return [];
  const inside = Array.from(node.querySelectorAll<HTMLElement>(PLACEHOLDER));
  return node.matches(PLACEHOLDER) ? [node, ...inside] : inside;
}

/** Put `url` in the placeholder's `<img>`, which carries the alt text from now on. */
function showImage(box: HTMLElement, url: string, onBroken: () => void): void {
  let img = box.querySelector<HTMLImageElement>(':scope > img');
  if (!img) {
    img = document.createElement('img');
    img.alt = box.getAttribute('aria-label') ?? '';
    img.addEventListener('error', () => {
      if (img?.getAttribute('src')) onBroken();
    });
    box.prepend(img);
  }
  img.src = url;
  box.classList.remove(FAILED);
  box.classList.add(LOADED);
  box.removeAttribute('role');
}

/** Back to the placeholder (alt text and a note), with `note` saying why. */
function showNote(box: HTMLElement, note: string): void {
  const img = box.querySelector<HTMLImageElement>(':scope > img');
  if (img) {
    img.removeAttribute('src');
    img.remove();
  }
  box.classList.remove(LOADED);
  box.classList.add(FAILED);
  box.setAttribute('role', 'img');
  let small = box.querySelector(':scope > .preview-image-note');
  if (!small) {
    small = document.createElement('span');
    small.className = 'preview-image-note';
    box.append(small);
  }
  small.textContent = note;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NOT_FOUND';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Bytes from base64 (atob gives one character per byte). */
function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
