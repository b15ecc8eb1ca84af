import { describe, expect, it } from 'vitest';
import { newVisitRoutineDraft } from '../templates/drafts';
import { canFinalise } from './finding';
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
  contactPerson: { isLocalContact: true, name: 'Kari Fiktiv', otherArrangement: '' },
};

describe('NO pkt 9: routine for mentor visits', () => {
  it('accepts a routine with everything the guideline lists', () => {
    expect(checkVisitRoutine(complete)).toEqual([]);
  });

  it('only warns, since the guideline says the routine "bør" contain these', () => {
    const findings = checkVisitRoutine(newVisitRoutineDraft(NO_GRADING));
    expect(findings.length).toBe(7);
    expect(findings.every((f) => f.severity === 'warning' && f.citation.text === 'NO pkt 9')).toBe(true);
    expect(canFinalise(findings)).toBe(true);
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
