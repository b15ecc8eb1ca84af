import { describe, expect, it } from 'vitest';
import type { KindedContent } from '../../../shared/domain';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { newMeetingDraft } from '../../../shared/templates/drafts';
import { openMeetingActions } from './open-actions';

const CASE = '0b7c2f4e-8d1a-4c55-9e0f-2a3b4c5d6e7f';
const ids = [
  '1b7c2f4e-8d1a-4c55-9e0f-2a3b4c5d6e71',
  '2b7c2f4e-8d1a-4c55-9e0f-2a3b4c5d6e72',
  '3b7c2f4e-8d1a-4c55-9e0f-2a3b4c5d6e73',
] as const;

function summary(id: string, kind: DocumentSummary['kind']): DocumentSummary {
  const at = '2026-03-01T10:00:00.000Z';
  return {
    id,
    caseId: CASE,
    kind,
    currentVersion: 1,
    status: 'draft',
    grading: 'UGRADERT',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deleteReason: null,
  };
}

function action(id: string, status: 'open' | 'in_progress' | 'done' | 'cancelled', deadline?: string) {
  return {
    id,
    description: 'Avtale samtale med Kari Fiktiv',
    owner: 'Ola Testmann',
    status,
    ...(deadline ? { deadline } : {}),
  };
}

describe('open actions on the case', () => {
  it('lists open and ongoing actions from the minutes by deadline, undated last, leaving done and cancelled out', () => {
    const startup = { ...newMeetingDraft('startup', { level: 'UGRADERT' }), date: '2026-02-01' };
    const release = { ...newMeetingDraft('release', { level: 'UGRADERT' }), date: '2026-03-01' };
    const contents = new Map<string, KindedContent>([
      [
        ids[0],
        {
          kind: 'meeting',
          content: { ...startup, actions: [action(ids[0], 'open'), action(ids[1], 'done', '2026-01-01')] },
        },
      ],
      [
        ids[1],
        {
          kind: 'meeting',
          content: {
            ...release,
            actions: [action(ids[2], 'in_progress', '2026-04-01'), action(ids[1], 'cancelled', '2026-02-01')],
          },
        },
      ],
    ]);
    const found = openMeetingActions(
      [summary(ids[0], 'meeting'), summary(ids[1], 'meeting'), summary(ids[2], 'observation')],
      contents,
    );
    expect(found.map((a) => [a.action.id, a.meetingType, a.documentId])).toEqual([
      [ids[2], 'release', ids[1]],
      [ids[0], 'startup', ids[0]],
    ]);
  });

  it('has nothing to show before the minutes are read', () => {
    expect(openMeetingActions([summary(ids[0], 'meeting')], new Map())).toEqual([]);
  });
});
