import { useEffect, useState } from 'react';
import type { MeetingAction, MeetingContent } from '../../../shared/domain';
import { openActions } from '../../../shared/domain';
import { api } from '../../lib/api';

/**
 * Open actions from the case's coordination meetings (NO pkt 12: they feed into the follow-up plan),
 * oldest deadline first. Loaded only when `caseId` is given.
 */
export function useOpenActions(caseId: string | null): readonly MeetingAction[] | null {
  const [actions, setActions] = useState<readonly MeetingAction[] | null>(null);
  useEffect(() => {
    if (!caseId) return;
    let current = true;
    void (async () => {
      const list = await api.invoke('documents.list', { caseId, kind: 'meeting' });
      if (!list.ok) return;
      const details = await Promise.all(list.value.documents.map((doc) => api.invoke('documents.get', { id: doc.id })));
      const meetings = details.flatMap((result): MeetingContent[] =>
        result.ok && result.value.data.kind === 'meeting' ? [result.value.data.content] : [],
      );
      if (current) setActions(openActions(meetings));
    })();
    return () => {
      current = false;
    };
  }, [caseId]);
  return actions;
}
