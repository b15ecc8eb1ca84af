import { offeredNoCourse } from '../../shared/rules/test-fixtures';
import type { ServiceApp } from './service-app';

/** A fictional mentor's id, as the mentor register would give it. */
export const MENTOR_ID = '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21';
export const MENTOR_SCHEME_PASSPHRASE = 'Mentorordningens eget lange passord';

/** A NO mentor course, offered by KDI and graded BEGRENSET, on `caseId`; returns the course id. */
export async function newCourse(s: ServiceApp, caseId: string): Promise<string> {
  const created = await s.call('documents.create', {
    caseId,
    kind: 'mentor_course',
    content: offeredNoCourse({ grading: { level: 'BEGRENSET' } }),
  });
  return created.document.id;
}

/** A NO case in prison with one mentor course: what the compartment tests work on. */
export async function caseWithCourse(
  s: ServiceApp,
  caseReference: string,
): Promise<{ caseId: string; courseId: string }> {
  const { id: caseId } = await s.call('cases.create', {
    name: 'Ola Testmann',
    caseReference,
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  });
  return { caseId, courseId: await newCourse(s, caseId) };
}

/** A conversation record for `courseId`, as the mentor scheme saves it. */
export const conversationInput = (courseId: string, notes = 'Samtale om skolegang') => ({
  courseId,
  mentorId: MENTOR_ID,
  place: 'Fiktivby fengsel, besøksrom 2',
  date: '2026-03-01',
  durationMinutes: 60,
  notes,
  grading: { level: 'BEGRENSET' as const },
});
