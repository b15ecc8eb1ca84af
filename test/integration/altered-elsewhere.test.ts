// A mentor course changed outside Bro (its text edited, its hash left) is refused where it is opened.
// It made every other DK course fail in its own name, since each course's rules read all courses'
// hours (DK § 15): an intact course of another case and mentor could not be opened (audit 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DkMentorAssignment, Mentor } from '../../shared/domain';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());
const DK_GRADING = { level: 'TIL TJENESTEBRUG' } as const;
let s: ServiceApp;

const assignment = (mentorId: string): DkMentorAssignment => ({
  mentorId,
  agreedWeeklyHours: 4,
  closeRelation: false,
  relationDescription: '',
  ownUnitExceptionJustification: '',
});

async function saveMentor(name: string) {
  const { id: _id, ...mentor } = suitableMentor({ name } as Partial<Mentor>);
  return (await s.call('mentors.save', { mentor, grading: DK_GRADING })).id;
}

async function courseIn(reference: string, mentorId: string) {
  const caseId = (
    await s.call('cases.create', {
      name: `Fiktiv ${reference}`,
      caseReference: reference,
      unit: 'KiF Testby',
      status: 'samfunnsstraff',
      grading: DK_GRADING,
    })
  ).id;
  const content = eligibleDkCourse({ mentors: [assignment(mentorId)], grading: DK_GRADING });
  return (await s.call('documents.create', { caseId, kind: 'mentor_course', content })).document.id;
}

beforeAll(async () => {
  s = await apps.make('DK');
});

describe('one DK mentor course changed outside Bro', () => {
  it('is refused by name where it is opened; an intact course of another case opens and finalises', async () => {
    const altered = await courseIn('KS-500001', await saveMentor('Mentor Alfa'));
    const intact = await courseIn('KS-500002', await saveMentor('Mentor Beta'));
    s.app.session
      .current()
      .db.prepare(
        `UPDATE document_versions SET content = replace(content, '"agreedWeeklyHours":4', '"agreedWeeklyHours":40')
         WHERE document_id = ?`,
      )
      .run([altered]);
    expect(await s.fail('documents.get', { id: altered })).toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'error.version_altered',
    });
    expect((await s.call('documents.get', { id: intact })).document.id).toBe(intact);
    expect((await s.call('documents.finalise', { id: intact })).version.status).toBe('final');
    expect((await s.call('mentors.list', {})).mentors.length).toBe(2);
  });
});

describe('one register entry changed outside Bro', () => {
  it('is named by the mentor and contact lists, which list the others (not the whole register refused)', async () => {
    const no = await apps.make('NO');
    const entry = (name: string) => ({
      name,
      role: 'radikaliseringskontakt' as const,
      region: 'Region sør',
      unit: 'Fiktivby fengsel',
      phone: '12345678',
      email: `${name.split(' ')[0]!.toLowerCase()}@example.invalid`,
    });
    const per = await no.call('contacts.save', { entry: entry('Per Fiktiv') });
    const paal = await no.call('contacts.save', { entry: entry('Paal Fiktiv') });
    const db = no.app.session.current().db;
    db.prepare(
      "UPDATE document_versions SET content = replace(content, 'Per Fiktiv', 'Per Plantet') WHERE document_id = ?",
    ).run([per.id]);
    const contacts = await no.call('contacts.list', {});
    expect(contacts.entries.map((e) => e.id)).toEqual([paal.id]);
    expect(contacts.altered).toEqual([per.id]);

    const alfa = await saveMentor('Mentor Alfa');
    const beta = await saveMentor('Mentor Beta');
    s.app.session
      .current()
      .db.prepare(
        "UPDATE document_versions SET content = replace(content, 'Mentor Alfa', 'Mentor Plantet') WHERE document_id = ?",
      )
      .run([alfa]);
    const mentors = await s.call('mentors.list', {});
    expect(mentors.mentors.map((m) => m.id)).toContain(beta);
    expect(mentors.mentors.map((m) => m.id)).not.toContain(alfa);
    expect(mentors.altered).toEqual([alfa]);
  });
});
