import type { DkMentorCourseContent, DkMentorReport, IsoDate } from '../../shared/domain';
import { addDays, addMonths } from '../../shared/domain';
import { newDkMentorCourseDraft } from '../../shared/templates/drafts';
import { demoCase, newCaseRecord, pickMentor, someGrading, timeOn, type CaseContext, type DemoCase } from './demo-case';
import type { DemoMentor } from './demo-mentors';
import { DK_AREAS } from './fictional-words';

/** How far a course has come: months since start, and which § 17 / § 13, stk. 3 periods were met. */
interface Progress {
  start: IsoDate;
  monthlyReceived: number[];
  quarterlyReceived: number[];
  meetingsHeld: number[];
  end?: IsoDate;
}

/** Received two days before each met period's due date, as a diligent mentor would. */
function reports(
  start: IsoDate,
  periods: number[],
  months: number,
  period: DkMentorReport['period'],
  mentorId: string,
): DkMentorReport[] {
  return periods.map((n, i) => {
    const form = i % 3 === 2 ? 'phone' : 'written';
    const report: DkMentorReport = { receivedOn: addDays(addMonths(start, n * months), -2), period, form, mentorId };
    if (form === 'phone') return report;
    // DK § 17, stk. 2: a written report fills the template's elements for its period.
    const work = { ...report, workDone: 'Samtaler hver uge om bolig og job; aftaler overholdt.' };
    if (period === 'monthly') return work;
    return {
      ...work,
      actionPlanFollowUp: 'Målene om bolig og arbejde følges.',
      actionPlanRevision: 'Ingen ændringer.',
    };
  });
}

function dkCourse(
  ctx: CaseContext,
  mentor: DemoMentor,
  basis: DkMentorCourseContent['basis'],
  p: Progress,
): DkMentorCourseContent {
  const { random } = ctx;
  const area = random.pick(DK_AREAS);
  return {
    ...newDkMentorCourseDraft(someGrading(ctx)),
    basis,
    underSupervision: basis === 'supervision',
    lsRnrLevel: random.pick(['mellem', 'hoejt', 'meget_hoejt'] as const),
    specialNeed: true,
    specialNeedDescription: 'Behov for støtte til struktur i hverdagen og til at holde sig fra et ekstremistisk miljø.',
    motivated: true,
    ...(basis === 'inmate_release_preparation'
      ? {
          inmate: {
            partOfReleasePreparation: true,
            expectedReleaseDate: addMonths(ctx.today, 2),
            continuesAfterRelease: true,
            noContinuationJustification: '',
          },
        }
      : {}),
    decidingArea: area,
    supervisionArea: area,
    personUnit: random.pick(ctx.words.probationOffices),
    // DK § 5, stk. 2: an inmate's course that goes on after release names the department supervising then
    // (picked by index, so the random sequence is unchanged).
    ...(basis === 'inmate_release_preparation'
      ? { afterReleaseUnit: ctx.words.probationOffices[ctx.index % ctx.words.probationOffices.length] ?? '' }
      : {}),
    mentorProposal: { opportunityGiven: true, proposal: '' },
    actionPlan: {
      mentorNeed: 'En voksen at tale med om hverdag, uddannelse og netværk.',
      divisionOfWork: 'Mentor: samtaler hver uge. KiF: tilsyn og handleplan.',
      goals: 'Fast bolig, uddannelse eller arbejde, og et netværk uden kriminalitet.',
    },
    ...(basis === 'inmate_release_preparation'
      ? { assessingArea: 'Kriminalforsorgsområde Opdigtet Fængsel', supervisionAreaContactedOn: addDays(p.start, -20) }
      : {}),
    startMeeting: { date: p.start, notes: 'Rammer for samarbejdet aftalt med mentor og den dømte.' },
    responsiblePerson: random.pick(ctx.words.staff),
    // DK § 18: the area's mentortovholder the course's staff turn to (fixed, so the random sequence is unchanged).
    mentortovholder: { name: 'Mentortovholder Område Opdigtet', unit: 'KiF Opdigtet afdeling' },
    mentors: [
      {
        mentorId: mentor.id,
        appointedOn: p.start,
        agreedWeeklyHours: random.pick([3, 4, 4.5, 5]),
        closeRelation: false,
        relationDescription: '',
        ownUnitExceptionJustification: '',
        fee: {
          amount: 2400,
          basis: 'Opgavens omfang: samtaler hver uge; de månedlige statusrapporter indgår (§ 17).',
          setOn: p.start,
        },
      },
    ],
    startDate: p.start,
    meetingsHeld: p.meetingsHeld.map((n) => addDays(addMonths(p.start, n * 3), -3)),
    mentorReports: [
      ...reports(p.start, p.monthlyReceived, 1, 'monthly', mentor.id),
      ...reports(p.start, p.quarterlyReceived, 3, 'quarterly', mentor.id),
    ],
    ...(p.end ? { endDate: p.end, endReason: 'purpose_achieved' as const } : {}),
  };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * DK case number `ctx.index`, four situations in turn (§ 17 reports, § 13, stk. 3 meetings):
 * monthly reports behind (one overdue, one due today) and the first quarterly status missing; a course
 * just started for an inmate before release (§ 3); the second quarterly meeting due today (overdue in
 * later cases); and a course ended with its purpose achieved (§ 19).
 */
export function buildDkCase(ctx: CaseContext, mentors: readonly DemoMentor[]): DemoCase {
  const j = ctx.index < 4 ? 0 : ctx.random.int(0, 9);
  const mentor = pickMentor(mentors, ctx.index);
  const startedMonthsAgo = (months: number, days = 0) => addDays(addMonths(ctx.today, -months), -days);
  let status: 'proveloslatt' | 'fengsel' | 'loslatt' = 'proveloslatt';
  let course: DkMentorCourseContent;
  switch (ctx.index % 4) {
    case 0:
      course = dkCourse(ctx, mentor, 'supervision', {
        start: startedMonthsAgo(5, j),
        monthlyReceived: range(1, 3),
        quarterlyReceived: [],
        meetingsHeld: [1],
      });
      break;
    case 1:
      status = 'fengsel';
      course = dkCourse(ctx, mentor, 'inmate_release_preparation', {
        start: addDays(startedMonthsAgo(1), 10 - j),
        monthlyReceived: [],
        quarterlyReceived: [],
        meetingsHeld: [],
      });
      break;
    case 2:
      course = dkCourse(ctx, mentor, 'supervision', {
        start: startedMonthsAgo(6, j),
        monthlyReceived: range(1, 6),
        quarterlyReceived: [1, 2],
        meetingsHeld: [1],
      });
      break;
    default: {
      status = 'loslatt';
      const start = startedMonthsAgo(14, j);
      course = dkCourse(ctx, mentor, 'supervision', {
        start,
        monthlyReceived: range(1, 12),
        quarterlyReceived: range(1, 4),
        meetingsHeld: range(1, 4),
        end: addMonths(start, 12),
      });
    }
  }
  const release = status === 'fengsel' ? course.inmate.expectedReleaseDate : undefined;
  return demoCase(ctx, newCaseRecord(ctx, status, release), [courseDocument(ctx, course)]);
}

/** Saved when the course started, and again when the last report, meeting or ending was recorded. */
function courseDocument(ctx: CaseContext, course: DkMentorCourseContent): DemoCase['documents'][number] {
  const started = course.startDate ?? ctx.today;
  const first: DkMentorCourseContent = { ...course, meetingsHeld: [], mentorReports: [] };
  delete first.endDate;
  delete first.endReason;
  const lastRecord = [
    ...course.meetingsHeld,
    ...course.mentorReports.map((r) => r.receivedOn),
    ...(course.endDate ? [course.endDate] : []),
  ]
    .sort()
    .at(-1);
  const versions = [{ content: first, status: 'final' as const, at: timeOn(started, ctx.random) }];
  if (lastRecord) versions.push({ content: course, status: 'final', at: timeOn(lastRecord, ctx.random) });
  return { id: ctx.random.uuid(), kind: 'mentor_course', versions, distributions: [] };
}
