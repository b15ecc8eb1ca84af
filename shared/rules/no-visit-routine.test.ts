import { describe, expect, it } from 'vitest';
import { newVisitRoutineDraft } from '../templates/drafts';
import type { Profile, VisitRoutineContent } from '../domain';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { checkVisitRoutine } from './no-visit-routine';
import { NO_GRADING } from './test-fixtures';

const complete = {
  ...newVisitRoutineDraft(NO_GRADING),
  mentorName: 'Jens Opdigtet',
  mentorContact: '+47 000 00 000',
  visitFrequency: 'Hver tirsdag',
  visitBooking: 'Via besøksavdelingen',
  visitConduct: 'Uten tilsyn i rommet',
  visitRoom: 'Besøksrom 2',
  itemsMentorMayBring: 'Bøker etter kontroll',
  otherMatters: 'Ingen',
  contactPerson: { isLocalContact: true, name: 'Kari Fiktiv', otherArrangement: '' },
};

describe('NO pkt 9: routine for mentor visits', () => {
  it('accepts a routine with everything the guideline lists', () => {
    expect(checkVisitRoutine(complete)).toEqual([]);
  });

  it('only warns, since the guideline says the routine "bør" contain these', () => {
    const findings = checkVisitRoutine(newVisitRoutineDraft(NO_GRADING));
    expect(findings.length).toBe(8);
    expect(findings.every((f) => f.severity === 'warning' && f.citation.text === 'NO pkt 9')).toBe(true);
    expect(canFinalise(findings)).toBe(true);
  });

  it('warns when "Andre forhold" is left empty, the fourth point pkt 9 lists (audit 9)', () => {
    expect(checkVisitRoutine({ ...complete, otherMatters: ' ' }).map((f) => [f.ruleId, f.severity, f.field])).toEqual([
      ['no.visitRoutine.otherMatters', 'warning', 'otherMatters'],
    ]);
  });

  it('names each missing visit arrangement', () => {
    const findings = checkVisitRoutine({ ...complete, visitRoom: '' });
    expect(findings.map((f) => f.params.routineSection)).toEqual(['visitRoom']);
  });

  it('accepts another contact person when the arrangement is recorded', () => {
    const other = { isLocalContact: false, name: '', otherArrangement: 'Avtalt at KDI er kontaktperson.' };
    expect(checkVisitRoutine({ ...complete, contactPerson: other })).toEqual([]);
    expect(
      checkVisitRoutine({ ...complete, contactPerson: { ...other, otherArrangement: '' } }).map((f) => f.ruleId),
    ).toEqual(['no.visitRoutine.contactPerson']);
  });
});

describe('NO pkt 9 rules at their boundaries, in a NO vault', () => {
  const TODAY = '2025-03-10';
  const judged = (content: VisitRoutineContent, profile: Profile = 'NO') =>
    findingsFor('visit_routine', { profile, content }, TODAY);
  const shown = (content: VisitRoutineContent) =>
    judged(content).map((f) => [f.ruleId, f.severity, f.citation.text, f.field]);

  it.each(['no.visitRoutine.mentor', 'no.visitRoutine.arrangements', 'no.visitRoutine.items'])(
    '%s is run by NO vaults only',
    (id) => {
      expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === id))).toEqual(['NO']);
    },
  );

  it("no.visitRoutine.mentor: warns at the field left blank when the mentor's name or contact is only whitespace, not when each has a character", () => {
    const at = (field: string) => [['no.visitRoutine.mentor', 'warning', 'NO pkt 9', field]];
    expect(shown({ ...complete, mentorContact: ' ' })).toEqual(at('mentorContact'));
    expect(shown({ ...complete, mentorName: '\t' })).toEqual(at('mentorName'));
    expect(shown({ ...complete, mentorName: ' ', mentorContact: ' ' })).toEqual(at('mentorName'));
    expect(judged({ ...complete, mentorName: 'J', mentorContact: '1' })).toEqual([]);
  });

  it.each(['visitFrequency', 'visitBooking', 'visitConduct', 'visitRoom'] as const)(
    'no.visitRoutine.arrangements: warns when %s is only whitespace, not when it has a character',
    (field) => {
      const blank = judged({ ...complete, [field]: ' ' });
      expect(blank.map((f) => [f.ruleId, f.severity, f.citation.text, f.field, f.params.routineSection])).toEqual([
        ['no.visitRoutine.arrangements', 'warning', 'NO pkt 9', field, field],
      ]);
      expect(canFinalise(blank)).toBe(true);
      expect(judged({ ...complete, [field]: 'x' })).toEqual([]);
    },
  );

  it('no.visitRoutine.items: warns when what the mentor may bring is only whitespace, not when it has a character', () => {
    expect(shown({ ...complete, itemsMentorMayBring: ' ' })).toEqual([
      ['no.visitRoutine.items', 'warning', 'NO pkt 9', 'itemsMentorMayBring'],
    ]);
    expect(judged({ ...complete, itemsMentorMayBring: 'x' })).toEqual([]);
  });

  it('none of them is run on a visit routine in a DK vault', () => {
    const empty = newVisitRoutineDraft(NO_GRADING);
    expect(judged(empty, 'DK').map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});

// NO pkt 9: a visit routine without a contact person is pointed at the contact person.
describe('NO visit routine without a contact person', () => {
  it('is pointed at the contact person', () => {
    const contactPerson = { isLocalContact: true, name: ' ', otherArrangement: 'Avtalt med KDI.' };
    expect(checkVisitRoutine({ ...complete, contactPerson })).toStrictEqual([
      {
        ruleId: 'no.visitRoutine.contactPerson',
        severity: 'warning',
        messageKey: 'rules.no.visitRoutine.contactPerson',
        params: {},
        citation: { source: 'NO', point: '9', text: 'NO pkt 9' },
        field: 'contactPerson',
      },
    ]);
  });
});
