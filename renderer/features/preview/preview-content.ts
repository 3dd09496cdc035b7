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
/** Past this many pieces, pieces are kept in groups (see PreviewContent). */
const GROUP_FROM = 400;
/** Pieces per group before a new one starts. */
const GROUP_PIECES = 48;
/**
 * What a group may start with: blocks whose top margin is 0 in preview-content.css, so the
 * space above them (the block before's bottom margin) is the same inside a group or at its
 * start, where margins do not collapse across the group's containment.
 */
const GROUP_START = /^<(?:p|ul|ol|dl|div|table|pre|blockquote|figure)[\s>]/u;

/**
 * The post's sanitized content in the preview's shadow root, updated piece by piece: pieces that
 * did not change keep their nodes, so a keystroke in a 1 MB post sanitizes and lays out one
 * paragraph, not the whole post. A large change (a newly opened post) is applied in slices
 * between which the page keeps handling input; a newer update cancels the rest of an older one.
 *
 * A long post's pieces are kept in groups of a few dozen (`div.group`, `content-visibility:
 * auto` in the stylesheet): Chromium's per-frame work (layout of the root's children, the
 * visibility checks of `content-visibility`, pre-paint) grows with the number of top-level
 * boxes, and thousands of them cost tens of milliseconds on every frame after a keystroke.
 */
export class PreviewContent {
  private pieces: Piece[] = [];
  private optionsKey = '';
  /** The chunks of the newest update, applied or being applied. */
  private requested: readonly string[] | null = null;
  private job = 0;
  private grouped = false;
  private readonly groupSize = new WeakMap<Node, number>();

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
    if (this.pieces.length === 0) this.grouped = chunks.length >= GROUP_FROM;
    const old = this.pieces;
    let prefix = 0;
    while (prefix < old.length && prefix < chunks.length && old[prefix]?.html === chunks[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < chunks.length - prefix && old[old.length - 1 - suffix]?.html === chunks[chunks.length - 1 - suffix]) suffix++;

    // Pieces that moved (a paragraph inserted above them) are reused rather than sanitized again.
    const reusable = new Map<string, Piece[]>();
    for (const piece of old.slice(prefix, old.length - suffix)) {
      this.detach(piece);
      const same = reusable.get(piece.html);
      if (same) same.push(piece);
      else reusable.set(piece.html, [piece]);
    }
    const head = old.slice(0, prefix);
    const tail = old.slice(old.length - suffix);
    // A piece can sanitize to nothing (a lone <script>): insert before the first tail piece that shows.
    const before = tail.find((piece) => piece.nodes.length > 0)?.nodes[0] ?? null;
    let after: Node | null = null;
    for (let i = head.length - 1; i >= 0 && after === null; i--) after = head[i]!.nodes.at(-1) ?? null;
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
          after = this.attach(piece, after, before);
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
    for (const piece of this.pieces) this.detach(piece);
    this.pieces = [];
  }

  /** Take a piece's nodes out of the DOM, and its group with them when that empties it. */
  private detach(piece: Piece): void {
    const group = piece.nodes[0]?.parentNode;
    if (group && group !== this.root) this.groupSize.set(group, (this.groupSize.get(group) ?? 1) - 1);
    for (const node of piece.nodes) {
      const parent = node.parentNode;
      if (!parent) continue;
      parent.removeChild(node);
      if (parent !== this.root && parent.firstChild === null) parent.parentNode?.removeChild(parent);
    }
  }

  /**
   * Put a piece's nodes right after `after` (the last node shown before it, or null at the
   * start) and before `before`; returns the piece's last node, or `after` if it has none.
   */
  private attach(piece: Piece, after: Node | null, before: Node | null): Node | null {
    if (piece.nodes.length === 0) return after;
    let parent: Node = this.root;
    let next: Node | null = before;
    if (this.grouped) {
      let group = after?.parentNode ?? before?.parentNode ?? null;
      // A new group starts only at the end of a full one, so the order of the pieces holds.
      const full = group !== null && after?.parentNode === group && after.nextSibling === null && (this.groupSize.get(group) ?? 0) >= GROUP_PIECES && GROUP_START.test(piece.html);
      if (!group || group === this.root || full) {
        const created = document.createElement('div');
        created.className = 'group';
        this.root.insertBefore(created, group && group !== this.root ? group.nextSibling : null);
        group = created;
      }
      parent = group;
      next = after?.parentNode === group ? after.nextSibling : before?.parentNode === group ? before : null;
      this.groupSize.set(group, (this.groupSize.get(group) ?? 0) + 1);
    }
    for (const node of piece.nodes) parent.insertBefore(node, next);
    return piece.nodes.at(-1) ?? after;
  }

  private sanitize(batch: readonly string[], options: SanitizeOptions): Piece[] {
    return sanitizePieces(batch, options).map(({ fragment, blockedRemoteImages }, i) => ({ html: batch[i] as string, nodes: Array.from(fragment.childNodes), blockedRemoteImages }));
  }
}
