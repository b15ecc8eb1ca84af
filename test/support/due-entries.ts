import type { DueListEntry } from '../../main/services/due-list';

/** A due-list entry of a fictional case (NO pkt 12), with `fields` changed: for tests of the list's order and runs. */
export function dueEntry(fields: Partial<DueListEntry> = {}): DueListEntry {
  return {
    kind: 'no_arrival_meeting',
    dueDate: '2026-03-10',
    status: 'due',
    citation: { source: 'NO', point: '12', text: 'NO pkt 12' },
    messageKey: 'due.no_arrival_meeting',
    params: {},
    caseId: 'case-a',
    caseReference: 'KOMPIS-1',
    ...fields,
  } as DueListEntry;
}
