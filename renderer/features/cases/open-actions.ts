import type { KindedContent, MeetingAction, MeetingType } from '../../../shared/domain';
import type { DocumentSummary } from '../../../shared/ipc/record-views';

export interface OpenAction {
  action: MeetingAction;
  documentId: string;
  meetingType: MeetingType;
  meetingDate: string | undefined;
}

/**
 * Actions still open or in progress in the case's meeting minutes (NO pkt 12), earliest deadline
 * first and undated last, each with the meeting it was decided in.
 */
export function openMeetingActions(
  documents: readonly DocumentSummary[],
  contents: ReadonlyMap<string, KindedContent>,
): OpenAction[] {
  const open: OpenAction[] = [];
  for (const doc of documents) {
    const data = contents.get(doc.id);
    if (data?.kind !== 'meeting') continue;
    for (const action of data.content.actions) {
      if (action.status !== 'open' && action.status !== 'in_progress') continue;
      open.push({ action, documentId: doc.id, meetingType: data.content.meetingType, meetingDate: data.content.date });
    }
  }
  return open.sort(
    (a, b) =>
      (a.action.deadline ?? '9999-12-31').localeCompare(b.action.deadline ?? '9999-12-31') ||
      (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''),
  );
}
