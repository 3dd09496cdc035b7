import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Heading } from '../../../shared/markdown/types';

interface OutlinePanelProps {
  headings: readonly Heading[];
  /** A heading was chosen: show it in the preview and in the editor. */
  onSelect(index: number): void;
}

/** Every heading of the post, whatever its front matter says about a TOC, as a collapsible list. */
export const OutlinePanel = memo(function OutlinePanel({ headings, onSelect }: OutlinePanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const top = headings.reduce((min, h) => Math.min(min, h.level), 6);
  return (
    <nav className="preview-outline" aria-label={t('preview.outline')}>
      <button type="button" className="preview-outline-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('preview.outline')} <span className="preview-outline-count">{headings.length}</span>
      </button>
      {open ? (
        headings.length > 0 ? (
          <ol className="preview-outline-list">
            {headings.map((heading, i) => (
              <li key={i} className={`preview-outline-level-${Math.min(heading.level - top, 4)}`}>
                <button type="button" onClick={() => onSelect(i)} title={heading.text}>
                  {heading.text || '—'}
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <p className="preview-outline-empty">{t('preview.noHeadings')}</p>
        )
      ) : null}
    </nav>
  );
});
