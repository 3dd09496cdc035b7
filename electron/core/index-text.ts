import { isUtf8 } from 'node:buffer';
import { splitFrontMatter } from '../../shared/frontmatter/split';

/** First slice decoded; front matter and a first paragraph usually fit, else it grows fourfold. */
const FIRST_SLICE = 1024;
const LINK_DEFINITION = Buffer.from(']:');

/**
 * The text the index needs from a post file, or null when the file is not valid UTF-8 (Jekyll
 * skips those). Decoding Hangul costs as much as reading the file, and the index only needs the
 * front matter and the excerpt: when both end early in the file and no link definition follows
 * (Jekyll appends those to the excerpt), only that beginning is decoded.
 */
export function decodeForIndex(bytes: Buffer, separator: string): string | null {
  if (!isUtf8(bytes)) return null;
  for (let end = FIRST_SLICE; end < bytes.length; end *= 4) {
    const cut = charBoundary(bytes, end);
    const text = bytes.toString('utf8', 0, cut);
    const block = splitFrontMatter(text);
    const bodyStart = block ? block.bodyStart : text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Front matter still open, or a post choosing its own separator: read on.
    if ((!block && /^\uFEFF?---/u.test(text)) || block?.yaml.includes('excerpt_separator')) continue;
    const at = separator === '' ? bodyStart : text.indexOf(separator, bodyStart);
    if (at < 0) continue;
    if (text.includes(']:', at) || bytes.indexOf(LINK_DEFINITION, cut) >= 0) break;
    return text;
  }
  return bytes.toString('utf8');
}

/** The largest offset ≤ `end` that does not split a UTF-8 sequence. */
function charBoundary(bytes: Buffer, end: number): number {
  let at = end;
  while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
  return at;
}
