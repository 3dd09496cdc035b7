import type { ImageAsset } from '../../../shared/model/site';

/** Where the cache gets images and how it turns them into URLs; injected so the logic runs without a DOM. */
export interface ImageUrlSource {
  /** The image's bytes from the engine (SiteApi.readAsset). */
  load(path: string): Promise<ImageAsset>;
  /** A URL that shows the image (a blob: URL in the renderer). */
  createUrl(asset: ImageAsset): string;
  /** Free a URL made by createUrl. */
  revokeUrl(url: string): void;
}

/** One use of an image: its URL once loaded (rejects with the engine's error), and the end of the use. */
export interface ImageHandle {
  url: Promise<string>;
  /** The image is no longer shown by this user; calling it again does nothing. */
  release(): void;
}

/** Unused images kept for a later use (a re-rendered paragraph, the next post), in bytes: a few photos. */
export const DEFAULT_IDLE_BYTES = 64 * 1024 * 1024;

interface Entry {
  path: string;
  url: Promise<string>;
  state: 'loading' | 'ready' | 'failed';
  /** The URL to revoke, once ready. */
  ready: string | null;
  bytes: number;
  users: number;
}

/**
 * Site images as URLs, loaded once per path and shared by everyone showing them. An image nobody
 * shows stays ready for the next use until more than `idleBytes` of such images are kept, oldest
 * unused first out; its URL is revoked when it goes. A failed load is kept only while it is shown,
 * so the next showing tries again.
 */
export class ImageUrlCache {
  /** Current entries by path; Map order is the order in which they became unused. */
  private readonly entries = new Map<string, Entry>();
  /** Every entry whose URL may still need revoking, current or replaced by invalidate(). */
  private readonly live = new Set<Entry>();
  private idle = 0;
  private disposed = false;

  constructor(
    private readonly source: ImageUrlSource,
    private readonly idleBytes = DEFAULT_IDLE_BYTES,
  ) {}

  /** Use the image at site-relative `path`: loaded now unless it is cached. */
  acquire(path: string): ImageHandle {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = this.load(path);
      this.entries.set(path, entry);
    } else if (entry.users === 0 && entry.state === 'ready') {
      this.idle -= entry.bytes;
    }
    entry.users++;
    const used = entry;
    let released = false;
    return {
      url: used.url,
      release: () => {
        if (released) return;
        released = true;
        used.users--;
        if (used.users === 0) this.unused(used);
      },
    };
  }

  /**
   * The files may have changed: later uses load them again. URLs in use stay valid until released,
   * so images on screen do not blink; unused ones are revoked now.
   */
  invalidate(): void {
    for (const entry of this.entries.values()) if (entry.users === 0 && entry.state !== 'loading') this.drop(entry);
    this.entries.clear();
    this.idle = 0;
  }

  /** Revoke every URL, in use or not; nothing is loaded or kept afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.live) if (entry.ready !== null) this.source.revokeUrl(entry.ready);
    this.live.clear();
    this.entries.clear();
    this.idle = 0;
  }

  private load(path: string): Entry {
    const entry: Entry = { path, url: Promise.resolve(''), state: 'loading', ready: null, bytes: 0, users: 0 };
    this.live.add(entry);
    entry.url = this.source.load(path).then(
      (asset) => {
        const url = this.source.createUrl(asset);
        entry.state = 'ready';
        entry.ready = url;
        entry.bytes = Math.ceil((asset.dataBase64.length * 3) / 4);
        if (this.disposed) this.source.revokeUrl(url);
        else if (entry.users === 0) this.unused(entry);
        return url;
      },
      (error: unknown) => {
        entry.state = 'failed';
        if (entry.users === 0) this.unused(entry);
        throw error;
      },
    );
    // Whoever acquired it handles the failure; an entry nobody waits for must not report one.
    entry.url.catch(() => undefined);
    return entry;
  }

  /** Nobody shows `entry` any more: keep it for later if it is ready and current, else let it go. */
  private unused(entry: Entry): void {
    if (entry.state === 'loading' || this.disposed) return;
    if (entry.state === 'failed' || this.entries.get(entry.path) !== entry) {
      this.drop(entry);
      return;
    }
    // Re-inserted: the most recently unused entry goes last.
    this.entries.delete(entry.path);
    this.entries.set(entry.path, entry);
    this.idle += entry.bytes;
    for (const candidate of this.entries.values()) {
      if (this.idle <= this.idleBytes) break;
      if (candidate.users === 0 && candidate.state === 'ready') {
        this.idle -= candidate.bytes;
        this.drop(candidate);
      }
    }
  }

  private drop(entry: Entry): void {
    if (this.entries.get(entry.path) === entry) this.entries.delete(entry.path);
    this.live.delete(entry);
    if (entry.ready !== null) this.source.revokeUrl(entry.ready);
    entry.ready = null;
  }
}
