import { isUtf8 } from 'node:buffer';
import { splitFrontMatter } from '../../shared/frontmatter/split';

/** First slice decoded when looking for the front matter; it grows fourfold until the block closes. */
const FIRST_SLICE = 512;
const LINK_DEFINITION = Buffer.from(']:');
const NON_BLANK = /[^ \t\r\n\f\v]/u;

/**
 * The text the index needs from a post file, or null when the file is not valid UTF-8 (Jekyll
 * skips those). Decoding Hangul costs as much as reading the file, and the index needs only the
 * front matter and the excerpt: so only the bytes up to the excerpt separator (plus one character,
 * so the text still shows that more follows) are decoded. The whole file is decoded when the
 * excerpt could depend on what follows: link definitions (Jekyll appends those the excerpt uses),
 * a post that sets its own separator, or `separator` null (the site sets one in `defaults`).
 */
export function decodeForIndex(bytes: Buffer, separator: string | null): string | null {
  if (!isUtf8(bytes)) return null;
  if (separator === null) return bytes.toString('utf8');
  // Each step decodes only bytes not decoded yet: decoding is the cost being saved.
  let text = '';
  let decoded = 0;
  let bodyStart: number;
  for (let end = FIRST_SLICE; ; end *= 4) {
    if (end >= bytes.length) return text + bytes.toString('utf8', decoded);
    const cut = charStart(bytes, end);
    text += bytes.toString('utf8', decoded, cut);
    decoded = cut;
    const block = splitFrontMatter(text);
    if (block?.yaml.includes('excerpt_separator')) return text + bytes.toString('utf8', decoded);
    // The closing line may swallow blank lines: the block is settled once the body shows a character.
    if (block && NON_BLANK.test(text.slice(block.bodyStart))) {
      bodyStart = block.bodyStart;
      break;
    }
    // Front matter not closed yet: read on. No front matter: the body starts after the BOM.
    if (!block && !/^\uFEFF?---/u.test(text)) {
      bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      break;
    }
  }
  if (separator === '') return text;
  const bodyByte = Buffer.byteLength(text.slice(0, bodyStart), 'utf8');
  const at = bytes.indexOf(separator, bodyByte, 'utf8');
  if (at < 0 || bytes.indexOf(LINK_DEFINITION, at) >= 0) return text + bytes.toString('utf8', decoded);
  const through = at + Buffer.byteLength(separator, 'utf8');
  const end = through < bytes.length ? charStart(bytes, through + 1) : through;
  return end <= decoded ? text : text + bytes.toString('utf8', decoded, end);
}

/** The offset of the character that holds byte `at` or, past a character's start, of the next one. */
function charStart(bytes: Buffer, at: number): number {
  let end = Math.min(at, bytes.length);
  while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end++;
  return end;
}
