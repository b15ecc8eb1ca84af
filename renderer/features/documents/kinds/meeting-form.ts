import type { MeetingAction, MeetingContent, Participant } from '../../../../shared/domain';
import { expectedParticipantRows } from '../../../../shared/templates';
import { newId } from '../form-values';

/** A new, open action with its own id (the id lets the action be followed across versions). */
export function newAction(): MeetingAction {
  return { id: newId(), description: '', owner: '', status: 'open' };
}

export function newParticipant(): Participant {
  return { name: '', agency: 'kriminalomsorgen', role: '' };
}

function sameSlot(row: Participant, expected: Participant): boolean {
  if (row.agency !== expected.agency) return false;
  // The probation office row is a slot of its own within the correctional service (NO pkt 12).
  return expected.unitKind === undefined || row.unitKind === expected.unitKind;
}

/**
 * Empty rows for the agencies the meeting type expects (NO pkt 12) that have no row yet, so a
 * changed meeting type can be completed in one step. Rows already there are never touched.
 */
export function missingExpectedRows(content: Pick<MeetingContent, 'meetingType' | 'participants'>): Participant[] {
  const rows = [...content.participants];
  const missing: Participant[] = [];
  for (const expected of expectedParticipantRows(content.meetingType)) {
    const index = rows.findIndex((row) => sameSlot(row, expected));
    if (index >= 0) rows.splice(index, 1);
    else missing.push(expected);
  }
  return missing;
}
