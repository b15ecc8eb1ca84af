// A due item's status on its exact day, and how due items show among a document's findings.
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { dueItemFindings, dueStatus, type DueItem } from './due-items';

const item = (dueDate: string, status: DueItem['status']): DueItem => ({
  kind: 'dk_monthly_report',
  dueDate,
  status,
  citation: CITATIONS.dk17_1_1,
  messageKey: 'rules.dk.due.monthlyReport',
  params: { period: 2 },
  period: 2,
});

describe('due status around the due day', () => {
  it('is upcoming the day before, due on the day, overdue from the day after', () => {
    expect(dueStatus('2025-03-01', '2025-02-28')).toBe('upcoming');
    expect(dueStatus('2025-03-01', '2025-03-01')).toBe('due');
    expect(dueStatus('2025-03-01', '2025-03-02')).toBe('overdue');
  });
});

describe('due items among a document’s findings', () => {
  it('shows an item due today as information and an overdue one as a warning, with message, citation and date', () => {
    const findings = dueItemFindings([
      item('2025-03-01', 'due'),
      item('2025-02-01', 'overdue'),
      item('2025-04-01', 'upcoming'),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'due.dk_monthly_report',
        severity: 'info',
        messageKey: 'rules.dk.due.monthlyReport',
        citation: CITATIONS.dk17_1_1,
        params: { period: 2, dueDate: '2025-03-01', status: 'due' },
      }),
      expect.objectContaining({
        ruleId: 'due.dk_monthly_report',
        severity: 'warning',
        params: { period: 2, dueDate: '2025-02-01', status: 'overdue' },
      }),
    ]);
  });
});
