import { splitTopLevel } from './html-chunks';

/**
 * The preview's top-level HTML pieces (splitTopLevel) of a render given as the pieces it was
 * spliced from: a piece unchanged since the last render keeps its chunks, so a keystroke in a
 * 1 MB post splits one paragraph's HTML, not the whole post's.
 */
export class ChunkCache {
  private known = new Map<string, string[]>();

  /** The chunks of `pieces` joined, in order. */
  chunksOf(pieces: readonly string[]): string[] {
    const next = new Map<string, string[]>();
    const chunks: string[] = [];
    for (const piece of pieces) {
      const split = next.get(piece) ?? this.known.get(piece) ?? splitTopLevel(piece);
      next.set(piece, split);
      for (const chunk of split) chunks.push(chunk);
    }
    this.known = next;
    return chunks;
  }
}
