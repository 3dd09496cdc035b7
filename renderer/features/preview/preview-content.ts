import { sanitizePieces, type SanitizeOptions } from './sanitize';

/** One top-level piece of the post on screen: its HTML as rendered and the sanitized nodes showing it. */
interface Piece {
  html: string;
  nodes: Node[];
  blockedRemoteImages: number;
}

/** How long one slice of DOM work may keep the page from handling keystrokes. */
const SLICE_MS = 12;
/** How much HTML is sanitized in one pass within a slice. */
const BATCH_CHARS = 16_000;

/**
 * The post's sanitized content in the preview's shadow root, updated piece by piece: pieces that
 * did not change keep their nodes, so a keystroke in a 1 MB post sanitizes and lays out one
 * paragraph, not the whole post. A large change (a newly opened post) is applied in slices
 * between which the page keeps handling input; a newer update cancels the rest of an older one.
 */
export class PreviewContent {
  private pieces: Piece[] = [];
  private optionsKey = '';
  /** The chunks of the newest update, applied or being applied. */
  private requested: readonly string[] | null = null;
  private job = 0;

  constructor(private readonly root: Element | ShadowRoot) {}

  /** Remote images held back across the whole post. */
  get blockedRemoteImages(): number {
    return this.pieces.reduce((sum, piece) => sum + piece.blockedRemoteImages, 0);
  }

  /** Show `chunks` (splitTopLevel of the render), calling `done` once every piece is in place. */
  update(chunks: readonly string[], options: SanitizeOptions, done: () => void): void {
    const key = JSON.stringify([options.baseurl, options.postUrl, options.remoteImages, options.labels]);
    // The same render again (shown when the worker answered, then by React's commit): nothing to do.
    if (chunks === this.requested && key === this.optionsKey) return;
    this.requested = chunks;
    const job = ++this.job;
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      for (const piece of this.pieces) for (const node of piece.nodes) node.parentNode?.removeChild(node);
      this.pieces = [];
    }
    const old = this.pieces;
    let prefix = 0;
    while (prefix < old.length && prefix < chunks.length && old[prefix]?.html === chunks[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < chunks.length - prefix && old[old.length - 1 - suffix]?.html === chunks[chunks.length - 1 - suffix]) suffix++;

    // Pieces that moved (a paragraph inserted above them) are reused rather than sanitized again.
    const reusable = new Map<string, Piece[]>();
    for (const piece of old.slice(prefix, old.length - suffix)) {
      for (const node of piece.nodes) node.parentNode?.removeChild(node);
      const same = reusable.get(piece.html);
      if (same) same.push(piece);
      else reusable.set(piece.html, [piece]);
    }
    const head = old.slice(0, prefix);
    const tail = old.slice(old.length - suffix);
    // A piece can sanitize to nothing (a lone <script>): insert before the first tail piece that shows.
    const before = tail.find((piece) => piece.nodes.length > 0)?.nodes[0] ?? null;
    const middle: Piece[] = [];
    const wanted = chunks.slice(prefix, chunks.length - suffix);
    this.pieces = [...head, ...tail];

    const step = () => {
      if (job !== this.job) return;
      const until = performance.now() + SLICE_MS;
      let added = 0;
      while (middle.length < wanted.length && (added === 0 || performance.now() < until)) {
        // Reused pieces as they come; new ones gathered into one sanitizing pass.
        const batch: string[] = [];
        let size = 0;
        for (let i = middle.length; i < wanted.length && size < BATCH_CHARS; i++) {
          const html = wanted[i] as string;
          if (reusable.get(html)?.length) break;
          batch.push(html);
          size += html.length;
        }
        const pieces = batch.length > 0 ? this.sanitize(batch, options) : [reusable.get(wanted[middle.length] as string)?.shift() as Piece];
        for (const piece of pieces) {
          for (const node of piece.nodes) this.root.insertBefore(node, before);
          middle.push(piece);
          added++;
        }
      }
      // Always consistent with the DOM, so a newer update can start from here.
      this.pieces = [...head, ...middle, ...tail];
      if (middle.length < wanted.length) setTimeout(step, 0);
      else done();
    };
    step();
  }

  /** Drop every piece (the pane closes, or shows nothing). */
  clear(): void {
    this.job++;
    this.requested = null;
    for (const piece of this.pieces) for (const node of piece.nodes) node.parentNode?.removeChild(node);
    this.pieces = [];
  }

  private sanitize(batch: readonly string[], options: SanitizeOptions): Piece[] {
    return sanitizePieces(batch, options).map(({ fragment, blockedRemoteImages }, i) => ({ html: batch[i] as string, nodes: Array.from(fragment.childNodes), blockedRemoteImages }));
  }
}
