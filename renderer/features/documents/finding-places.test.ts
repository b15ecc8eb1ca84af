import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/rules';
import { CITATIONS, defineRule, emit } from '../../../shared/rules';
import { newConcernReportDraft } from '../../../shared/templates';
import { liveFindings } from './findings-view';
import { futureDate, placeFindings, requirementBaseline } from './finding-places';

const grading = { level: 'BEGRENSET' } as const;
const today = '2026-12-01';
const facts = { profile: 'NO', today, mentors: [] } as const;
const blank = newConcernReportDraft(grading);
const baseline = requirementBaseline({ kind: 'concern_report', content: blank }, 'NO', today);
const report = (content: Partial<typeof blank>) =>
  liveFindings({ kind: 'concern_report', content: { ...blank, ...content } }, facts, []);

const warning = emit(defineRule('test.warning', 'rules.test.warning', CITATIONS.no11, 'warning'), { params: {} });
const dueSoon = (dueDate: string): Finding =>
  emit(defineRule('test.due', 'rules.test.due', CITATIONS.no11, 'info'), { params: { dueDate } });

describe('where the editor shows each finding', () => {
  it('counts a concern report with cause and notified as 2 of 3 requirements met, listed calmly in the panel', () => {
    const places = placeFindings(report({ cause: 'Fiktiv årsak', whoHasBeenNotified: 'Fiktiv politikontakt' }), {
      showInvalid: false,
      today,
      baseline,
    });
    expect(baseline.map((f) => f.field)).toEqual(expect.arrayContaining(['cause', 'measures', 'whoHasBeenNotified']));
    expect([places.met, places.total]).toEqual([2, baseline.length]);
    expect(places.inline).toEqual([]);
    expect(places.open.map((f) => f.field)).toEqual(['measures']);
  });

  it('moves the unmet requirements to their fields after a refused finalise, and out of the panel', () => {
    const places = placeFindings(report({ cause: 'Fiktiv årsak' }), { showInvalid: true, today, baseline });
    expect(places.inline.map((f) => f.field).sort()).toEqual(['measures', 'whoHasBeenNotified']);
    expect(places.open.filter((f) => f.field)).toEqual([]);
    expect(places.met).toBe(places.total - 2);
  });

  it('shows every finding in exactly one place', () => {
    const findings = [...report({}), warning, dueSoon('2026-12-10'), dueSoon('2026-11-10')];
    for (const showInvalid of [false, true]) {
      const places = placeFindings(findings, { showInvalid, today, baseline });
      const shown = [...places.inline, ...places.open, ...places.others, ...places.deadlines];
      expect(shown).toHaveLength(findings.length);
      expect(new Set(shown).size).toBe(findings.length);
    }
  });

  it('puts findings about a date after today in the deadlines box, soonest first, and past ones with the others', () => {
    const later = dueSoon('2027-01-05');
    const sooner = dueSoon('2026-12-10');
    const past = dueSoon('2026-11-10');
    const places = placeFindings([later, past, sooner, warning], { showInvalid: false, today, baseline: [] });
    expect(places.deadlines).toEqual([sooner, later]);
    expect(places.others).toEqual([warning, past]);
    expect(futureDate(dueSoon(today), today)).toBeNull();
  });

  it('counts a requirement only the current content fails (a repeated row) in the total', () => {
    const extra: Finding = { ...report({})[0]!, ruleId: 'test.row', field: 'addressees.0.name' };
    const places = placeFindings([extra], { showInvalid: false, today, baseline });
    expect([places.met, places.total]).toEqual([baseline.length, baseline.length + 1]);
  });
});
