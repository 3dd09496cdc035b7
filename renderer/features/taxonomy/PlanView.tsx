import type { TFunction } from 'i18next';
import type { TaxonomyLineChange, TaxonomyPlan } from '../../../shared/model/site';

/** The dry run of an edit: each file with its lines before and after, each move, then the posts left alone and why. */
export function PlanView({ plan, t }: { plan: TaxonomyPlan; t: TFunction }) {
  return (
    <div className="taxonomy-plan">
      <p>{t('taxonomy.planSummary', { count: plan.files.length })}</p>
      <ul aria-label={t('taxonomy.planFiles')}>
        {plan.files.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>
            <LineChanges changes={file.changes} />
          </li>
        ))}
      </ul>
      {plan.moves.length > 0 ? (
        <>
          <p>{t('taxonomy.moveSummary', { count: plan.moves.length })}</p>
          <ul aria-label={t('taxonomy.planMoves')}>
            {plan.moves.map((move) => (
              <li key={move.from}>
                <code>{move.from}</code> → <code>{move.to}</code>
                <LineChanges changes={move.changes} />
                {move.warning !== null ? <div className="plan-warning">{move.warning}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.skipped.length > 0 ? (
        <ul aria-label={t('taxonomy.skipped')}>
          {plan.skipped.map((s) => (
            <li key={s.path}>{s.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A file's changed lines, before (−) and after (+). */
function LineChanges({ changes }: { changes: readonly TaxonomyLineChange[] }) {
  return changes.map((c) => (
    <div key={`${c.line}-${c.before ?? ''}`} className="plan-line">
      {c.before !== null ? <div className="plan-before">{`${c.line}: − ${c.before}`}</div> : null}
      {c.after !== null ? <div className="plan-after">{`${c.line}: + ${c.after}`}</div> : null}
    </div>
  ));
}
