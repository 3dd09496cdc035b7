/**
 * The icon before minimal-mistakes' TOC label (`<i class="fas fa-{{ page.toc_icon | default:
 * 'file-alt' }}">`). The app has no Font Awesome (and its CSP allows no remote fonts), so the
 * common icons are drawn as small inline SVGs, any other name as a plain dot. Decorative only:
 * hidden from assistive technology, so the TOC's accessible name stays its label.
 */

/** The shapes drawn; each stands for the Font Awesome names (v5 and v6) listed in ICONS. */
export type TocIconShape = 'file' | 'list' | 'cog' | 'book' | 'bookmark' | 'other';

const ICONS: Record<string, TocIconShape> = {
  'file-alt': 'file',
  'file-lines': 'file',
  'file-text': 'file',
  file: 'file',
  list: 'list',
  'list-ul': 'list',
  'list-ol': 'list',
  cog: 'cog',
  gear: 'cog',
  cogs: 'cog',
  gears: 'cog',
  book: 'book',
  'book-open': 'book',
  bookmark: 'bookmark',
};

/** The shape drawn for a `toc_icon` name (as written after `fa-`, any case). */
export function tocIconShape(name: string): TocIconShape {
  return ICONS[name.trim().toLowerCase()] ?? 'other';
}

// Drawn on a 16×16 grid with a 1.4 stroke, to sit on the label's baseline at 1em.
const PATHS: Record<TocIconShape, string> = {
  file: 'M4 1.5h5.5L13 5v9.5H4zM9.5 1.5V5H13M6 8.5h5M6 11h5',
  list: 'M6 4h8M6 8h8M6 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5',
  cog: 'M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4M8 5a3 3 0 1 0 0 6a3 3 0 1 0 0-6z',
  book: 'M8 4C6.3 2.8 4.2 2.5 1.5 3v10c2.7-.5 4.8-.2 6.5 1 1.7-1.2 3.8-1.5 6.5-1V3C11.8 2.5 9.7 2.8 8 4zM8 4v10',
  bookmark: 'M4 1.5h8v13L8 11.5l-4 3z',
  other: 'M8 6a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
};

/** The TOC title's icon for `toc_icon` `name`, with the theme's `fas fa-<name>` classes. */
export function TocIcon({ name }: { name: string }) {
  const shape = tocIconShape(name);
  return (
    <svg className={`toc-icon fas fa-${name.trim().replace(/\s+/gu, '-')}`} data-shape={shape} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
