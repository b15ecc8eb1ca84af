// NO pkt 9: a visit routine without a contact person is pointed at the contact person.
import { describe, expect, it } from 'vitest';
import { newVisitRoutineDraft } from '../templates/drafts';
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
