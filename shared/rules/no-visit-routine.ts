import type { VisitRoutineContent } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 9: what the routine for mentor visits should ("bør") contain — warnings, not blocks. */
export const NO_VISIT_ROUTINE_RULES = {
  mentor: defineRule('no.visitRoutine.mentor', 'rules.no.visitRoutine.mentor', CITATIONS.no9, 'warning'),
  arrangements: defineRule(
    'no.visitRoutine.arrangements',
    'rules.no.visitRoutine.arrangements',
    CITATIONS.no9,
    'warning',
  ),
  items: defineRule('no.visitRoutine.items', 'rules.no.visitRoutine.items', CITATIONS.no9, 'warning'),
  /** The fourth point of pkt 9: "Andre forhold som kan ha betydning …" ("ingen" is an answer). */
  otherMatters: defineRule(
    'no.visitRoutine.otherMatters',
    'rules.no.visitRoutine.otherMatters',
    CITATIONS.no9,
    'warning',
  ),
  contactPerson: defineRule(
    'no.visitRoutine.contactPerson',
    'rules.no.visitRoutine.contactPerson',
    CITATIONS.no9,
    'warning',
  ),
} as const;

const R = NO_VISIT_ROUTINE_RULES;
const ARRANGEMENTS = ['visitFrequency', 'visitBooking', 'visitConduct', 'visitRoom'] as const;

export function checkVisitRoutine(content: VisitRoutineContent): Finding[] {
  const findings: Finding[] = [];
  // One finding for both, at the field the user has to fill (the name first).
  if (!isFilled(content.mentorName)) findings.push(emit(R.mentor, { field: 'mentorName' }));
  else if (!isFilled(content.mentorContact)) findings.push(emit(R.mentor, { field: 'mentorContact' }));
  for (const field of ARRANGEMENTS) {
    if (!isFilled(content[field])) findings.push(emit(R.arrangements, { field, params: { routineSection: field } }));
  }
  if (!isFilled(content.itemsMentorMayBring)) findings.push(emit(R.items, { field: 'itemsMentorMayBring' }));
  if (!isFilled(content.otherMatters)) findings.push(emit(R.otherMatters, { field: 'otherMatters' }));
  const { contactPerson } = content;
  const named = contactPerson.isLocalContact ? isFilled(contactPerson.name) : isFilled(contactPerson.otherArrangement);
  if (!named) findings.push(emit(R.contactPerson, { field: 'contactPerson' }));
  return findings;
}
