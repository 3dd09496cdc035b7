import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import type { PostSummary, TaxonomyCount, TaxonomyKind } from '../../../shared/model/site';
import { sortCounts, type TaxonomySort } from '../../../shared/taxonomy/counts';
import { nearDuplicateGroups } from '../../../shared/taxonomy/near-duplicates';
import { useDialog } from '../dialogs/DialogHost';
import { useTaxonomyEdit } from './useTaxonomyEdit';

interface TaxonomyPanelProps {
  /** The library's posts: a change to them means the counts may have changed. */
  posts: readonly PostSummary[];
  /** Show only the posts with this tag or category in the library. */
  onFilter(kind: TaxonomyKind, name: string): void;
}

/**
 * Every tag and category with its post count as Jekyll computes it, look-alike names with a merge
 * button, and rename / merge / delete across the site with a dry run, progress, cancel and undo.
 */
export function TaxonomyPanel({ posts, onFilter }: TaxonomyPanelProps) {
  const { t } = useTranslation();
  const client = useClient();
  const ask = useDialog();
  const [kind, setKind] = useState<TaxonomyKind>('tags');
  const [sort, setSort] = useState<TaxonomySort>('count');
  const [everything, setEverything] = useState(false);
  const [counts, setCounts] = useState<TaxonomyCount[]>([]);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const edit = useTaxonomyEdit(refresh);

  useEffect(() => {
    let active = true;
    const options = everything ? { drafts: true, unpublished: true, future: true } : {};
    void client.listTaxonomy(kind, options).then(
      (list) => active && setCounts(list),
      () => active && setCounts([]),
    );
    return () => {
      active = false;
    };
  }, [client, kind, everything, posts, generation]);

  const sorted = useMemo(() => sortCounts(counts, sort), [counts, sort]);
  const groups = useMemo(() => nearDuplicateGroups(counts), [counts]);
  const noun = t(kind === 'tags' ? 'taxonomy.tag' : 'taxonomy.category');

  const rename = async (name: string) => {
    const answer = await ask({
      title: t('taxonomy.renameTitle', { kind: noun, name }),
      fields: [{ name: 'to', label: t('taxonomy.newName'), type: 'text', value: name }],
      buttons: [
        { id: 'cancel', label: t('dialog.cancel') },
        { id: 'ok', label: t('taxonomy.dryRun'), primary: true },
      ],
      cancel: 'cancel',
    });
    const to = String(answer.values['to'] ?? '').trim();
    if (answer.button === 'ok' && to !== '' && to !== name) await edit.run(kind, { from: [name], to });
  };

  return (
    <section className="taxonomy-panel" aria-label={t('taxonomy.panel')}>
      <div className="filter-row" role="group" aria-label={t('taxonomy.kind')}>
        {(['tags', 'categories'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(k === 'tags' ? 'taxonomy.tags' : 'taxonomy.categories')}
          </button>
        ))}
      </div>
      <div className="filter-row">
        <select aria-label={t('taxonomy.sort')} value={sort} onChange={(e) => setSort(e.target.value as TaxonomySort)}>
          <option value="count">{t('taxonomy.byCount')}</option>
          <option value="name">{t('taxonomy.byName')}</option>
        </select>
        <label>
          <input type="checkbox" checked={everything} onChange={(e) => setEverything(e.target.checked)} /> {t('taxonomy.includeDrafts')}
        </label>
      </div>
      {edit.state ? (
        <div className="taxonomy-progress">
          <progress aria-label={t('taxonomy.progress')} max={Math.max(1, edit.state.total)} value={edit.state.done} />
          {edit.state.running ? (
            <button type="button" onClick={edit.cancel}>
              {t('dialog.cancel')}
            </button>
          ) : null}
          {edit.state.result ? (
            <p role="status">
              {t('taxonomy.result', { written: edit.state.result.written.length, skipped: edit.state.result.skipped.length })}
              {edit.state.result.moved.length > 0 ? ` ${t('taxonomy.resultMoved', { moved: edit.state.result.moved.length })}` : null}
              {edit.state.result.skipped.map((s) => (
                <span key={s.path} className="skip-reason">
                  {' '}
                  {s.message}
                </span>
              ))}
            </p>
          ) : null}
          {edit.state.undoId && !edit.state.running ? (
            <button type="button" onClick={() => void edit.undo()}>
              {t('taxonomy.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
      {edit.error ? (
        <p role="alert" className="error">
          {edit.error}
        </p>
      ) : null}
      {groups.length > 0 ? (
        <ul aria-label={t('taxonomy.nearDuplicates')}>
          {groups.map((g) => (
            <li key={String(g.suggestion)}>
              {g.names.map((n) => `${String(n.name)} (${n.count})`).join(' · ')}{' '}
              <button type="button" onClick={() => void edit.run(kind, { from: g.names.map((n) => String(n.name)), to: String(g.suggestion) })}>
                {t('taxonomy.mergeInto', { name: String(g.suggestion) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="taxonomy-list" aria-label={t(kind === 'tags' ? 'taxonomy.tags' : 'taxonomy.categories')}>
        {sorted.map((entry) => {
          const name = String(entry.name);
          return (
            <li key={`${typeof entry.name}:${name}`}>
              <button type="button" className="taxonomy-name" onClick={() => onFilter(kind, name)}>
                {name} ({entry.count})
              </button>
              <button type="button" aria-label={t('taxonomy.renameLabel', { kind: noun, name })} onClick={() => void rename(name)}>
                ✎
              </button>
              <button type="button" aria-label={t('taxonomy.deleteLabel', { kind: noun, name })} onClick={() => void edit.run(kind, { from: [name], to: null })}>
                ✕
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
