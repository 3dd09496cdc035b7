import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostStatus, PostSummary } from '../../../shared/model/site';
import { namesByUse, type LibraryView } from './filter';

interface PostFiltersProps {
  searchRef: Ref<HTMLInputElement>;
  posts: PostSummary[];
  view: LibraryView;
  onChange(view: LibraryView): void;
}

const STATUSES: PostStatus[] = ['published', 'draft', 'unpublished', 'future'];

/** Search box, tag, category and status filters, and the sort order of the library. */
export const PostFilters = memo(function PostFilters({ searchRef, posts, view, onChange }: PostFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<LibraryView>) => onChange({ ...view, ...patch });
  return (
    <div className="post-filters">
      <input
        ref={searchRef}
        type="search"
        aria-label={t('library.search')}
        placeholder={t('library.searchPlaceholder')}
        value={view.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <div className="filter-row">
        <NameFilter label={t('library.tag')} all={t('library.all')} names={namesByUse(posts, 'tags')} value={view.tag} onChange={(tag) => set({ tag })} />
        <NameFilter label={t('library.category')} all={t('library.all')} names={namesByUse(posts, 'categories')} value={view.category} onChange={(category) => set({ category })} />
      </div>
      <div className="filter-row">
        <select aria-label={t('library.status')} value={view.status ?? ''} onChange={(e) => set({ status: (e.target.value || null) as PostStatus | null })}>
          <option value="">
            {t('library.status')}: {t('library.all')}
          </option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('library.sort')} value={view.sort} onChange={(e) => set({ sort: e.target.value as LibraryView['sort'] })}>
          <option value="newest">{t('library.newest')}</option>
          <option value="oldest">{t('library.oldest')}</option>
          <option value="title">{t('library.byTitle')}</option>
        </select>
      </div>
    </div>
  );
});

interface NameFilterProps {
  label: string;
  all: string;
  names: { name: string; count: number }[];
  value: string | null;
  onChange(value: string | null): void;
}

/** A tag or category filter: every name with its post count, most used first. */
function NameFilter({ label, all, names, value, onChange }: NameFilterProps) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">
        {label}: {all}
      </option>
      {names.map(({ name, count }) => (
        <option key={name} value={name}>
          {name} ({count})
        </option>
      ))}
    </select>
  );
}
