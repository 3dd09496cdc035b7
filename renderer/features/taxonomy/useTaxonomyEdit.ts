import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createElement } from 'react';
import { useClient } from '../../app/client-context';
import type { TaxonomyEditResult, TaxonomyKind, TaxonomyOp, TaxonomyPlan } from '../../../shared/model/site';
import { useDialog } from '../dialogs/DialogHost';
import { PlanView } from './PlanView';

/** An edit being applied or undone, or the last one done. */
export interface EditState {
  id: string;
  done: number;
  total: number;
  running: boolean;
  result: TaxonomyEditResult | null;
  /** The applied edit that Undo restores; null once undone or when nothing was written. */
  undoId: string | null;
}

/** Dry run in a dialog, then apply with progress, cancel and undo. */
export function useTaxonomyEdit(onDone: () => void) {
  const client = useClient();
  const ask = useDialog();
  const { t } = useTranslation();
  const [state, setState] = useState<EditState | null>(null);
  const [error, setError] = useState('');

  useEffect(
    () =>
      client.on('taxonomyProgress', (p) => {
        setState((s) => (s && s.id === p.id ? { ...s, done: p.done, total: p.total } : s));
      }),
    [client],
  );

  const planDialog = useCallback(
    (plan: TaxonomyPlan) => {
      const folderSkips = plan.op.moveFolders === true ? 0 : plan.skipped.filter((s) => s.reason === 'folder').length;
      return {
        title: t('taxonomy.dryRunTitle'),
        wide: true,
        body: createElement(PlanView, { plan, t }),
        buttons: [
          { id: 'cancel', label: t('dialog.cancel') },
          ...(folderSkips > 0 ? [{ id: 'move', label: t('taxonomy.movePosts', { count: folderSkips }) }] : []),
          ...(plan.files.length + plan.moves.length > 0 ? [{ id: 'apply', label: t('taxonomy.apply'), primary: true }] : []),
        ],
        cancel: 'cancel',
      };
    },
    [t],
  );

  const run = useCallback(
    async (kind: TaxonomyKind, op: TaxonomyOp) => {
      setError('');
      try {
        let plan = await client.planTaxonomyEdit(kind, op);
        let answer = await ask(planDialog(plan));
        // "Move N posts": the same edit again, with the folder categories done as moves.
        if (answer.button === 'move') {
          plan = await client.planTaxonomyEdit(kind, { ...op, moveFolders: true });
          answer = await ask(planDialog(plan));
        }
        if (answer.button !== 'apply') return;
        setState({ id: plan.planId, done: 0, total: plan.files.length + plan.moves.length, running: true, result: null, undoId: null });
        const result = await client.applyTaxonomyEdit(plan.planId);
        setState((s) => ({ ...(s as EditState), running: false, result, undoId: result.editId, done: (s as EditState).total }));
        onDone();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        setState((s) => (s ? { ...s, running: false } : s));
      }
    },
    [client, ask, planDialog, onDone],
  );

  const cancel = useCallback(() => {
    if (state?.running) void client.cancelTaxonomyEdit(state.id);
  }, [client, state]);

  const undo = useCallback(async () => {
    const id = state?.undoId;
    if (!id) return;
    setState((s) => ({ ...(s as EditState), id, running: true, done: 0, undoId: null }));
    try {
      const result = await client.undoTaxonomyEdit(id);
      setState((s) => ({ ...(s as EditState), running: false, result: { ...result, editId: null } }));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [client, state, onDone]);

  return { state, error, run, cancel, undo };
}
