import type { MeetingAction, MeetingContent } from '../../../shared/domain';
import { openActions } from '../../../shared/domain';
import type { IpcResult } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import { useLoad, type Load } from '../../lib/use-load';

async function loadOpenActions(caseId: string): Promise<IpcResult<readonly MeetingAction[]>> {
  const list = await api.invoke('documents.list', { caseId, kind: 'meeting' });
  if (!list.ok) return list;
  const details = await Promise.all(list.value.documents.map((doc) => api.invoke('documents.get', { id: doc.id })));
  const meetings: MeetingContent[] = [];
  for (const result of details) {
    if (!result.ok) return result;
    if (result.value.data.kind === 'meeting') meetings.push(result.value.data.content);
  }
  return { ok: true, value: openActions(meetings) };
}

/**
 * Open actions from the case's coordination meetings (NO pkt 12: they feed into the follow-up plan),
 * oldest deadline first. Loaded only when `caseId` is given.
 */
export function useOpenActions(caseId: string | null): Load<readonly MeetingAction[]> {
  return useLoad(caseId, () => loadOpenActions(caseId ?? ''));
}
