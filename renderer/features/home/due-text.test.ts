import { describe, expect, it } from 'vitest';
import type { DueListItem } from '../../../shared/ipc/due';
import { CITATIONS } from '../../../shared/rules';
import { dueItemText, groupDueItems } from './due-text';

const CASE_ID = '0b7c2f4e-8d1a-4c55-9e0f-2a3b4c5d6e7f';

function item(
  partial: Partial<DueListItem> & Pick<DueListItem, 'kind' | 'status' | 'messageKey' | 'params' | 'citation'>,
): DueListItem {
  return { dueDate: '2026-03-02', caseId: CASE_ID, caseReference: 'K-2026-0001', ...partial };
}

const planCopy = item({
  kind: 'no_plan_copy_kdi',
  status: 'overdue',
  citation: CITATIONS.no11,
  messageKey: 'rules.no.plan.copyMissing',
  params: { recipient: 'kdi', version: 3, lastSent: 1, dueDate: '2026-03-02' },
});
const monthly = item({
  kind: 'dk_monthly_report',
  status: 'due',
  citation: CITATIONS.dk17_1_1,
  messageKey: 'rules.dk.due.monthlyReport',
  params: { period: 2, dueDate: '2026-03-02' },
});
const action = item({
  kind: 'no_meeting_action',
  status: 'upcoming',
  citation: CITATIONS.no12,
  messageKey: 'rules.no.due.meetingActionThatHasNoText',
  params: { meetingType: 'startup', actionStatus: 'open', dueDate: '2026-03-09' },
});

describe('due list text', () => {
  it('names the recipient and the provision of an unsent plan copy', () => {
    expect(dueItemText('nb', planCopy)).toEqual({
      title: 'Kopi av oppfølgingsplan til KDI',
      message: 'Mottaker uten siste versjon (3) av oppfølgingsplanen: KDI',
      citation: 'NO pkt 11',
    });
  });

  it('writes the due date in the locale format', () => {
    expect(dueItemText('nb', monthly).message).toBe('Månedlig rapport fra mentor nr. 2, frist 02.03.2026');
    expect(dueItemText('en', monthly).message).toBe('Monthly mentor report no. 2, due 02/03/2026');
  });

  it('still explains a meeting item whose rule text is missing, with its meeting type', () => {
    expect(dueItemText('nb', action)).toEqual({
      title: 'Tiltak fra koordineringsmøte',
      message: 'Tiltak fra møtet (Oppstartsmøte), frist 09.03.2026.',
      citation: 'NO pkt 12',
    });
  });

  it('groups overdue, due today and upcoming items, keeping their order', () => {
    const groups = groupDueItems([planCopy, monthly, action, { ...planCopy, caseReference: 'K-2026-0002' }]);
    expect(groups.overdue.map((i) => i.caseReference)).toEqual(['K-2026-0001', 'K-2026-0002']);
    expect(groups.due).toEqual([monthly]);
    expect(groups.upcoming).toEqual([action]);
  });
});
