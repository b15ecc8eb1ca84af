import { useMemo } from 'react';
import type { z } from 'zod';
import type { ExportPlanSchema } from '../../../shared/ipc/export';
import type { SigningIdentitySummary } from '../../../shared/ipc/signing';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';

export type ExportPlan = z.infer<typeof ExportPlanSchema>;

export type ExportPlanState =
  | { state: 'loading' }
  | { state: 'failed'; error: IpcError }
  | { state: 'ready'; plan: ExportPlan; identity: SigningIdentitySummary | null };

interface PlanAndSigner {
  plan: ExportPlan;
  identity: SigningIdentitySummary | null;
}

async function loadPlan(documentId: string, version: number | undefined): Promise<IpcResult<PlanAndSigner>> {
  const [plan, identity] = await Promise.all([
    api.invoke('export.prepare', version === undefined ? { documentId } : { documentId, version }),
    api.invoke('signing.identity', {}),
  ]);
  if (!plan.ok) return plan;
  if (!identity.ok) return identity;
  return { ok: true, value: { plan: plan.value, identity: identity.value.identity } };
}

/** What an export of this version would carry, and who would sign it; loaded each time the dialog opens. */
export function useExportPlan(documentId: string, version: number | undefined, open: boolean): ExportPlanState {
  const { loaded } = useLoad(open ? `${documentId}@${version ?? 'current'}` : null, () =>
    loadPlan(documentId, version),
  );
  // One object per answer: the dialog picks its default grading when this changes.
  return useMemo((): ExportPlanState => {
    if (loaded.state === 'ready') return { state: 'ready', ...loaded.value };
    if (loaded.state === 'failed') return loaded;
    return { state: 'loading' };
  }, [loaded]);
}
