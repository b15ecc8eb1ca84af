import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ExportPlanSchema } from '../../../shared/ipc/export';
import type { SigningIdentitySummary } from '../../../shared/ipc/signing';
import type { IpcError } from '../../../shared/ipc/result';
import { api } from '../../lib/api';

export type ExportPlan = z.infer<typeof ExportPlanSchema>;

export type ExportPlanState =
  | { state: 'loading' }
  | { state: 'failed'; error: IpcError }
  | { state: 'ready'; plan: ExportPlan; identity: SigningIdentitySummary | null };

/** What an export of this version would carry, and who would sign it; loaded each time the dialog opens. */
export function useExportPlan(documentId: string, version: number | undefined, open: boolean): ExportPlanState {
  const [state, setState] = useState<ExportPlanState>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    let current = true;
    setState({ state: 'loading' });
    void Promise.all([
      api.invoke('export.prepare', version === undefined ? { documentId } : { documentId, version }),
      api.invoke('signing.identity', {}),
    ]).then(([plan, identity]) => {
      if (!current) return;
      if (!plan.ok) setState({ state: 'failed', error: plan.error });
      else if (!identity.ok) setState({ state: 'failed', error: identity.error });
      else setState({ state: 'ready', plan: plan.value, identity: identity.value.identity });
    });
    return () => {
      current = false;
    };
  }, [documentId, version, open]);
  return state;
}
