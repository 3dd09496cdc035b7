/**
 * Jekyll's front-matter split (`document.rb` YAML_FRONT_MATTER_REGEXP, applied after the BOM is
 * stripped): the first line is `---` (trailing spaces allowed), the block ends at the first line
 * that is `---` or `...`, and everything after that line is the body.
 */

/** Where the front matter sits in a post's text. Offsets index the text as given (BOM included). */
export interface FrontMatterBlock {
  /** The text starts with U+FEFF. */
  bom: boolean;
  /** Offset of the first character of the YAML source (the line after the opening `---`). */
  yamlStart: number;
  /** Offset just past the YAML source: the start of the closing line. */
  yamlEnd: number;
  /** Offset of the body: just past the closing line and its line break. */
  bodyStart: number;
  /** The YAML source between the two lines. */
  yaml: string;
  /** Which line closed the block. */
  closer: '---' | '...';
  /** 1-based line number of the first YAML line in the file. */
  firstLine: number;
  /** The line break of the opening line, which new lines in the block should use. */
  eol: '\n' | '\r\n';
}

// Ruby's regex runs in multiline mode (`.` matches newlines; `^`/`$` are line anchors). `\s*`
// may span lines, exactly as in Jekyll: after the opening dashes, and after the closing ones,
// where it swallows the blank lines before the body (checked against Ruby).
// Ruby's \s is ASCII whitespace only (an ideographic space after --- is not "blank").
const FRONT_MATTER = /^(---[ \t\r\n\f\v]*\n[\s\S]*?\n?)^((?:---|\.\.\.)[ \t\r\n\f\v]*$\n?)/mu;

/** Split a post's text as Jekyll does; null when it has no front matter. */
export function splitFrontMatter(text: string): FrontMatterBlock | null {
  const bom = text.charCodeAt(0) === 0xfeff;
  const offset = bom ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  if (!source.startsWith('---')) return null;
  const match = FRONT_MATTER.exec(source);
  if (!match || match.index !== 0) return null;
  const head = match[1] ?? '';
  const closing = match[2] ?? '';
  const opening = /^---[ \t\r\n\f\v]*?\n/u.exec(head)?.[0] ?? '---\n';
  const yamlStart = offset + opening.length;
  const yamlEnd = offset + head.length;
  return {
    bom,
    yamlStart,
    yamlEnd: Math.max(yamlStart, yamlEnd),
    bodyStart: offset + head.length + closing.length,
    yaml: text.slice(yamlStart, Math.max(yamlStart, yamlEnd)),
    closer: closing.startsWith('...') ? '...' : '---',
    firstLine: opening.split('\n').length,
    eol: opening.endsWith('\r\n') ? '\r\n' : '\n',
  };
}
