/**
 * Liquid notices moved out of Markdown headings, between Liquid and Markdown.
 *
 * A Liquid error inside a heading (`## Title {% if %}`) leaves its notice in the heading's line:
 * kramdown would keep the `<div>` as text of the heading and put it into the id and the TOC.
 * Jekyll itself writes no page at all for such a post (the error is fatal), so the preview shows
 * the heading as it will be once the error is fixed and the failing Liquid writes nothing: its
 * notices go on a line of their own right after the heading (after the underline of a setext
 * heading), inside the same list item or blockquote, where they still render as notice boxes.
 */
import { NOTICE_RE } from './liquid-state';

// Private-use marks stand in for the notices while lines are looked at, so a notice whose
// message spans lines still counts as being in its heading's line.
const MARK_RE = /\uE020(\d+)\uE021/gu;
/** A line's container markers (blockquote `>`, list markers), then an ATX heading's `#`s. */
const ATX_RE = /^((?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*)[ \t]{0,3}#{1,6}(?:[ \t]|\r?$)/u;
const SETEXT_UNDERLINE_RE = /^((?:[ \t]*>)*)[ \t]{0,3}(?:=+|-+)[ \t]*\r?$/u;
const FENCE_RE = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]{0,3}(`{3,}|~{3,})/u;

/**
 * Move every Liquid notice that sits in an ATX heading's line or a setext heading's text line to
 * a new line after the heading. Other notices, and text without notices, are left as they are.
 */
export function moveNoticesOutOfHeadings(text: string): string {
  if (!NOTICE_RE.test(text)) return text;
  const notices: string[] = [];
  const marked = text.replace(new RegExp(NOTICE_RE.source, 'gu'), (notice) => `\uE020${notices.push(notice) - 1}\uE021`);
  const lines = marked.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE_RE.exec(line)?.[1];
    if (fenceMark && (fence === null || (fenceMark[0] === fence[0] && fenceMark.length >= fence.length))) fence = fence === null ? fenceMark : null;
    if (fence !== null || !line.includes('\uE020')) {
      out.push(line);
      continue;
    }
    const atx = ATX_RE.exec(line);
    const underline = atx ? null : setextUnderline(lines, i);
    if (!atx && !underline) {
      out.push(line);
      continue;
    }
    const prefix = continuationPrefix(atx ? atx[1]! : underline![1]!);
    const moved = [...line.matchAll(MARK_RE)].map((m) => `${prefix}${m[0]}${line.endsWith('\r') ? '\r' : ''}`);
    out.push(line.replace(MARK_RE, ''));
    if (underline) out.push(lines[++i]!);
    out.push(...moved);
  }
  return out.join('\n').replace(MARK_RE, (_mark, index: string) => notices[Number(index)]!);
}

/** The underline under `lines[i]` when it makes a setext heading: one text line after a blank line. */
function setextUnderline(lines: readonly string[], i: number): RegExpExecArray | null {
  const next = lines[i + 1];
  if (next === undefined || (i > 0 && !/^[\s>]*$/u.test(lines[i - 1]!))) return null;
  return SETEXT_UNDERLINE_RE.exec(next);
}

/** What a line inside the same containers starts with: `>` kept, list markers as spaces. */
function continuationPrefix(containers: string): string {
  return containers.replace(/[-*+]|\d{1,9}[.)]/gu, (marker) => ' '.repeat(marker.length));
}
