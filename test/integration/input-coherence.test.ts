// What a form holds that its schema alone did not say (audit 7): names of blanks, an end before its
// start, a release before the arrival, the same entry twice, a DK-only setting in a NO vault. Each is
// refused through the real router with its own message, in every catalog, naming the field, and the
// vault is left as it was. Fictional people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasMessage } from '../../shared/i18n/translate';
import { DK_GRADING, eligibleDkCourse, offeredNoCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { caseWithCourse, conversationInput, MENTOR_SCHEME_PASSPHRASE } from '../support/compartment-fixtures';
import { GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());
let no: ServiceApp;
let dk: ServiceApp;
let noCase: string;
let dkCase: string;
let dkMentor: string;
let noMentor: string;
const base = {
  name: 'Ola Testmann',
  caseReference: 'KOMPIS-COH-1',
  unit: 'Fiktivby fengsel',
  status: 'fengsel' as const,
  grading: GRADING,
};
const { id: _id, ...mentor } = suitableMentor();
const entry = {
  role: 'radikaliseringskontakt' as const,
  name: 'Kari Fiktiv',
  unit: 'Fiktivby fengsel',
  region: 'Øst',
  phone: '',
  email: '',
};

beforeAll(async () => {
  no = await apps.make('NO');
  dk = await apps.make('DK');
  noCase = (await no.call('cases.create', base)).id;
  dkCase = (await dk.call('cases.create', { ...base, grading: DK_GRADING })).id;
  dkMentor = (await dk.call('mentors.save', { mentor })).id;
  noMentor = (await no.call('mentors.save', { mentor })).id;
}, 120_000);

/** Refused with `messageKey` naming `fields`, a message in every catalog, and no row of any table changed. */
async function expectRefused(s: ServiceApp, channel: string, input: unknown, messageKey: string, fields: string[]) {
  const before = s.rows();
  const error = await s.fail(channel, input);
  expect(error).toMatchObject({ code: 'invalid_input', messageKey, fields });
  for (const locale of ['nb', 'da', 'en'] as const) expect(hasMessage(locale, messageKey)).toBe(true);
  expect(s.rows()).toEqual(before);
}

const dkCourse = () => eligibleDkCourse({ mentors: [{ ...eligibleDkCourse().mentors[0]!, mentorId: dkMentor }] });
const noCourse = () => offeredNoCourse({ mentors: [{ ...offeredNoCourse().mentors[0]!, mentorId: noMentor }] });

describe('names and references', () => {
  it('refuses a case, mentor or register entry named by blanks alone, and an empty reference', async () => {
    const blank = 'error.invalid_input';
    await expectRefused(no, 'cases.create', { ...base, caseReference: 'R-WS', name: '   ' }, blank, ['name']);
    await expectRefused(no, 'cases.create', { ...base, caseReference: ' ', name: 'Per Fiktiv' }, blank, [
      'caseReference',
    ]);
    await expectRefused(no, 'mentors.save', { mentor: { ...mentor, name: '\t ' } }, blank, ['mentor.name']);
    await expectRefused(no, 'contacts.save', { entry: { ...entry, name: '  ' } }, blank, ['entry.name']);
  });

  it('keeps a name and reference without the blanks around them', async () => {
    const kase = await no.call('cases.create', { ...base, name: '  Åse Fiktiv ', caseReference: ' KOMPIS-COH-2 ' });
    expect([kase.name, kase.caseReference]).toEqual(['Åse Fiktiv', 'KOMPIS-COH-2']);
  });
});

describe('dates in order', () => {
  it('refuses a course that ends before it starts, DK and NO', async () => {
    const dkEnd = { ...dkCourse(), startDate: '2026-02-01', endDate: '2025-01-01', endReason: 'purpose_achieved' };
    await expectRefused(
      dk,
      'documents.create',
      { caseId: dkCase, kind: 'mentor_course', content: dkEnd },
      'error.end_before_start',
      ['content.endDate'],
    );
    const noEnd = { ...noCourse(), startDate: '2025-02-01', end: { ...noCourse().end, endDate: '2020-01-01' } };
    await expectRefused(
      no,
      'documents.create',
      { caseId: noCase, kind: 'mentor_course', content: noEnd },
      'error.end_before_start',
      ['content.end.endDate'],
    );
    // Ending the day it started is an end.
    const sameDay = { ...dkCourse(), startDate: '2026-02-01', endDate: '2026-02-01', endReason: 'purpose_achieved' };
    await dk.call('documents.create', { caseId: dkCase, kind: 'mentor_course', content: sameDay });
  });

  it('refuses a register entry until before since, a release before the arrival, a registration before its request', async () => {
    await expectRefused(
      no,
      'contacts.save',
      { entry: { ...entry, since: '2026-01-01', until: '2020-01-01' } },
      'error.end_before_start',
      ['until'],
    );
    await expectRefused(
      no,
      'cases.create',
      { ...base, caseReference: 'R-ORDER', arrivalDate: '2026-05-01', expectedReleaseDate: '2020-01-01' },
      'error.release_before_arrival',
      ['expectedReleaseDate'],
    );
    const infoflyt = {
      status: 'registered',
      requestSentOn: '2026-03-01',
      registeredOn: '2020-01-01',
      requestReason: '',
    };
    await expectRefused(
      no,
      'cases.create',
      { ...base, caseReference: 'R-INFO', infoflyt },
      'error.registered_before_request',
      ['infoflyt.registeredOn'],
    );
  });
});

describe('the same entry twice', () => {
  it('refuses the same mentor twice on one DK course (DK § 15 would count the hours twice)', async () => {
    const course = dkCourse();
    const twice = [course.mentors[0]!, { ...course.mentors[0]!, agreedWeeklyHours: 10 }];
    await expectRefused(
      dk,
      'documents.create',
      { caseId: dkCase, kind: 'mentor_course', content: { ...course, mentors: twice } },
      'error.duplicate_entry',
      ['content.mentors.1.mentorId'],
    );
  });

  it('refuses two meeting actions with one id', async () => {
    const meeting = await no.call('documents.create', { caseId: noCase, kind: 'meeting', meetingType: 'startup' });
    const action = {
      id: '11111111-1111-4111-8111-111111111111',
      description: 'Ringe PST',
      owner: 'Kari',
      status: 'open',
    };
    const content = { ...meeting.data.content, actions: [action, { ...action, description: 'Møte kommunen' }] };
    await expectRefused(no, 'documents.save', { id: meeting.document.id, content }, 'error.duplicate_entry', [
      'content.actions.1.id',
    ]);
  });
});

describe('a DK-only setting', () => {
  it('is refused in a NO vault and kept in a DK vault (DK § 15)', async () => {
    await expectRefused(no, 'settings.setWorkloadLimit', { hours: 10 }, 'settings.workload.dkOnly', ['hours']);
    expect(await dk.call('settings.setWorkloadLimit', { hours: 10 })).toMatchObject({ hours: 10 });
  });
});

describe('a day that has not come, for what has already happened', () => {
  it('refuses an observation made ahead, a birth in the future or before 1900, a conversation held ahead', async () => {
    const observation = (observedAt: string) => ({
      caseId: noCase,
      kind: 'observation' as const,
      content: { observedAt, observer: 'Kari', seenOrHeard: 'Sa noe', context: '', sourceDetail: '', grading: GRADING },
    });
    await expectRefused(no, 'documents.create', observation('2999-01-01T10:00:00+01:00'), 'error.date_in_future', [
      'content.observedAt',
    ]);
    await no.call('documents.create', observation('2026-01-05T10:00:00+01:00'));
    for (const [birthDate, key] of [
      ['2999-01-01', 'error.date_in_future'],
      ['0000-01-01', 'error.birth_date_implausible'],
    ] as const) {
      await expectRefused(no, 'cases.create', { ...base, caseReference: `R-B-${birthDate}`, birthDate }, key, [
        'birthDate',
      ]);
      await expectRefused(no, 'mentors.save', { mentor: { ...mentor, birthDate } }, key, ['mentor.birthDate']);
    }
    const { courseId } = await caseWithCourse(no, 'KOMPIS-COH-CONV');
    await no.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    await expectRefused(
      no,
      'conversations.save',
      { ...conversationInput(courseId), date: '2999-01-01' },
      'error.date_in_future',
      ['date'],
    );
    await no.call('conversations.save', conversationInput(courseId));
  });
});
