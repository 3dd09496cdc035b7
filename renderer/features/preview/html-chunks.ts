/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag, whatever it looks like. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const TAG_NAME = /^<\/?([a-zA-Z][^\s/>]*)/u;

/**
 * Split HTML into its top-level pieces: a piece ends at a line break where every element opened
 * so far is closed. Jekyll's output is one top-level element per block, so a keystroke changes
 * one piece and the preview re-sanitizes and replaces only that one. Where the markup is not
 * balanced (raw HTML with a `<p>` left open) the pieces just get bigger; each piece is sanitized
 * on its own, so a wrong split can cost fidelity but never safety.
 */
export function splitTopLevel(html: string): string[] {
  const chunks: string[] = [];
  const open: string[] = [];
  let start = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 10 /* \n */) {
      i++;
      if (open.length === 0) {
        chunks.push(html.slice(start, i));
        start = i;
      }
      continue;
    }
    if (c !== 60 /* < */) {
      const next = html.indexOf('<', i);
      const line = html.indexOf('\n', i);
      i = Math.min(next < 0 ? n : next, line < 0 ? n : line);
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const name = TAG_NAME.exec(html.slice(i, i + 64))?.[1]?.toLowerCase();
    if (!name) {
      i++;
      continue;
    }
    const end = tagEnd(html, i);
    const closing = html.charCodeAt(i + 1) === 47; /* / */
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      i = end;
      continue;
    }
    const selfClosed = html.charCodeAt(end - 2) === 47 && (open.includes('svg') || open.includes('math') || name === 'svg' || name === 'math');
    if (RAW_TEXT.has(name)) {
      const closer = new RegExp(`</${name}`, 'giu');
      closer.lastIndex = end;
      const close = closer.exec(html);
      i = close ? close.index : n;
      open.push(name);
      continue;
    }
    if (!VOID.has(name) && !selfClosed) open.push(name);
    i = end;
  }
  if (start < n) chunks.push(html.slice(start));
  return chunks;
}

/** The index just past the `>` that ends the tag starting at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a value right after `=` (possibly with spaces): `a"b` in a name does not.
      let j = i - 1;
      while (j > from && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 9)) j--;
      if (html.charCodeAt(j) === 61 /* = */) quote = c;
    } else if (c === 62 /* > */) return i + 1;
  }
  return html.length;
}
