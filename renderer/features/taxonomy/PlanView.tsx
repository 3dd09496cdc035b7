import type { TFunction } from 'i18next';
import type { TaxonomyPlan } from '../../../shared/model/site';

/** The dry run of an edit: each file with its lines before and after, then the posts left alone and why. */
export function PlanView({ plan, t }: { plan: TaxonomyPlan; t: TFunction }) {
  return (
    <div className="taxonomy-plan">
      <p>{t('taxonomy.planSummary', { count: plan.files.length })}</p>
      <ul aria-label={t('taxonomy.planFiles')}>
        {plan.files.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>
            {file.changes.map((c) => (
              <div key={`${c.line}-${c.before ?? ''}`} className="plan-line">
                {c.before !== null ? <div className="plan-before">{`${c.line}: − ${c.before}`}</div> : null}
                {c.after !== null ? <div className="plan-after">{`${c.line}: + ${c.after}`}</div> : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
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
