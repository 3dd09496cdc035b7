/**
 * Markdown renders that cost what a keystroke changed, not what the post weighs. The body is cut
 * into pieces (splitBlocks) and the whole render remembers each piece's HTML. After an edit, only
 * the pieces between the first and last changed character are cut again; when each of those,
 * before and after, is self-contained (isSelfContained: no heading, footnote or definition, whose
 * effects reach across the document), they are rendered alone with the document's definitions
 * and spliced in. Anything else is rendered whole, as before. Either way the HTML is exactly
 * renderMarkdown's (tests/unit/shared/markdown/incremental.test.ts checks it edit by edit).
 */
import { isSelfContained, splitBlocks, type BlockCut } from './block-split';
import { headingsOf, renderMarkdownPiece, renderMarkdownPieces, type MarkdownDefinitions, type MarkdownOptions } from './markdown';
import type { Heading, MarkdownResult } from './types';

/** One piece of the last render. */
interface Piece {
  text: string;
  html: string;
  headings: Heading[];
  selfContained: boolean;
}

/** A render, with its HTML in the pieces it was spliced from (the footnotes section last, when there is one). */
export interface IncrementalResult extends MarkdownResult {
  pieces: readonly string[];
  /** True when this render re-rendered only the changed pieces. */
  incremental: boolean;
}

/** What the fast path may not produce: its piece was not self-contained after all. */
const CROSS_DOCUMENT_HTML = /<h[1-6]|\bfnref:/iu;

/** Renders one document again and again as it is edited (one instance per open post). */
export class IncrementalMarkdown {
  private source: string | null = null;
  private pieces: Piece[] | null = null;
  private footnotes: { html: string; headings: Heading[] } = { html: '', headings: [] };
  private definitions: MarkdownDefinitions | null = null;
  private last: IncrementalResult | null = null;

  constructor(private readonly options: MarkdownOptions) {}

  /** The HTML and headings of `source`, as renderMarkdown gives them. */
  render(source: string): IncrementalResult {
    if (this.last && source === this.source) return this.last;
    const result = this.spliced(source) ?? this.whole(source);
    this.source = source;
    this.last = result;
    return result;
  }

  private whole(source: string): IncrementalResult {
    const cuts = splitBlocks(source);
    const rendered = renderMarkdownPieces(source, this.options, cuts.map((cut) => cut.line));
    this.definitions = rendered.definitions;
    if (!rendered.pieces) {
      this.pieces = null;
      return { html: rendered.html, headings: rendered.headings, pieces: [rendered.html], incremental: false };
    }
    const htmls = rendered.pieces;
    this.pieces = cuts.map((cut, k) => {
      const text = source.slice(cut.start, cuts[k + 1]?.start ?? source.length);
      const html = htmls[k]!;
      return { text, html, headings: html.includes('<h') || html.includes('<H') ? headingsOf(html) : [], selfContained: isSelfContained(text) };
    });
    this.footnotes = { html: rendered.footnotes, headings: rendered.footnotes ? headingsOf(rendered.footnotes) : [] };
    return this.assemble(false);
  }

  /** The render after an edit that touched self-contained pieces only, or null. */
  private spliced(source: string): IncrementalResult | null {
    const old = this.source;
    const pieces = this.pieces;
    const definitions = this.definitions;
    if (old === null || !pieces || !definitions) return null;
    const max = Math.min(old.length, source.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;

    // The piece holding the first change; the one before it too when the change is on its first
    // line, since that line decides whether the cut between them stays.
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.text.length;
    }
    let first = 0;
    while (first + 1 < pieces.length && starts[first + 1]! <= prefix) first++;
    const firstLineEnd = old.indexOf('\n', starts[first]!);
    if (first > 0 && (firstLineEnd < 0 || prefix <= firstLineEnd)) first--;

    // Cut the new text from there until a cut lines up with an old one past the change.
    const delta = source.length - old.length;
    const changeEnd = source.length - suffix;
    let oldIndex = first + 1;
    let aligned = -1;
    const cuts = splitBlocks(source, starts[first]!, 0, (cut: BlockCut) => {
      if (cut.start < changeEnd) return false;
      while (oldIndex < pieces.length && starts[oldIndex]! < cut.start - delta) oldIndex++;
      if (oldIndex < pieces.length && starts[oldIndex] === cut.start - delta) {
        aligned = oldIndex;
        return true;
      }
      return false;
    });
    const replacedEnd = aligned >= 0 ? aligned : pieces.length;
    if (aligned >= 0) cuts.pop();
    const texts = cuts.map((cut, k) => source.slice(cut.start, cuts[k + 1]?.start ?? (aligned >= 0 ? starts[aligned]! + delta : source.length)));

    let from = first;
    let to = replacedEnd;
    let newFrom = 0;
    let newTo = texts.length;
    while (from < to && newFrom < newTo && pieces[from]!.text === texts[newFrom]) {
      from++;
      newFrom++;
    }
    while (from < to && newFrom < newTo && pieces[to - 1]!.text === texts[newTo - 1]) {
      to--;
      newTo--;
    }
    for (let k = from; k < to; k++) if (!pieces[k]!.selfContained) return null;
    const fresh: Piece[] = [];
    for (const text of texts.slice(newFrom, newTo)) {
      if (!isSelfContained(text)) return null;
      const html = renderMarkdownPiece(text, this.options, definitions);
      if (CROSS_DOCUMENT_HTML.test(html)) return null;
      fresh.push({ text, html, headings: [], selfContained: true });
    }
    this.pieces = [...pieces.slice(0, from), ...fresh, ...pieces.slice(to)];
    return this.assemble(true);
  }

  private assemble(incremental: boolean): IncrementalResult {
    const pieces = this.pieces!;
    const htmls = pieces.map((piece) => piece.html);
    if (this.footnotes.html) htmls.push(this.footnotes.html);
    const headings = pieces.flatMap((piece) => piece.headings);
    headings.push(...this.footnotes.headings);
    return { html: htmls.join(''), headings, pieces: htmls, incremental };
  }
}
