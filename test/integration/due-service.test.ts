import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDraft, newMeetingDraft } from '../../shared/templates';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

beforeAll(async () => {
  s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
});
afterAll(() => apps.cleanup());

describe('due list channel', () => {
  it('lists unsent plan copies and overdue actions for one case, overdue first', async () => {
    const kase = await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-950001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const other = await s.call('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-950002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const plan = await s.call('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() });
    await s.call('documents.finalise', { id: plan.document.id });
    // The person has been offered a future plan (NO pkt 10), so that item is not due here.
    const futurePlan = { ...newDraft('future_plan', { profile: 'NO', grading: GRADING }), offeredOn: '2026-03-01' };
    await s.call('documents.create', { caseId: kase.id, kind: 'future_plan', content: futurePlan });
    const action = {
      id: randomUUID(),
      description: 'Avklare bolig',
      owner: 'Kari Fiktiv',
      deadline: '2026-02-20',
      status: 'open' as const,
    };
    const meeting = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'meeting',
      content: { ...newMeetingDraft('startup', GRADING), date: '2026-02-10', actions: [action] },
    });
    await s.call('documents.create', { caseId: other.id, kind: 'follow_up_plan', content: completePlan() });

    const { items } = await s.call('due.list', { caseId: kase.id });
    expect(items.map((i) => [i.kind, i.status])).toEqual([
      ['no_meeting_action', 'overdue'],
      ['no_plan_copy_kdi', 'due'],
      ['no_plan_copy_region', 'due'],
    ]);
    expect(items[0]).toMatchObject({
      caseId: kase.id,
      documentId: meeting.document.id,
      actionId: action.id,
      citation: { text: 'NO pkt 12' },
    });
    expect(items[1]).toMatchObject({ documentId: plan.document.id, citation: { text: 'NO pkt 11' } });

    await s.call('distribution.record', {
      documentId: plan.document.id,
      version: 2,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'paper',
    });
    const { items: later, counts } = await s.call('due.list', { today: '2026-03-10' });
    expect(later.map((i) => [i.kind, i.status, i.dueDate])).toEqual([
      ['no_meeting_action', 'overdue', '2026-02-20'],
      ['no_plan_copy_region', 'overdue', '2026-03-02'],
    ]);
    expect(counts).toEqual({ overdue: 2, due: 0, upcoming: 0 });

    // A limit keeps the first items of each status; the counts still cover the whole list.
    const first = await s.call('due.list', { today: '2026-03-10', limitPerStatus: 1 });
    expect(first.items.map((i) => i.kind)).toEqual(['no_meeting_action']);
    expect(first.counts).toEqual({ overdue: 2, due: 0, upcoming: 0 });
  });
});
