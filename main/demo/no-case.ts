import type {
  DocumentContent,
  DocumentKind,
  IsoDate,
  MeetingAction,
  MeetingContent,
  NewCase,
} from '../../shared/domain';
import { addDays } from '../../shared/domain';
import {
  demoCase,
  newCaseRecord,
  pickMentor,
  timeOn,
  type CaseContext,
  type DemoCase,
  type DemoDistribution,
  type DemoVersion,
} from './demo-case';
import type { DemoMentor } from './demo-mentors';
import * as no from './no-documents';

type Doc<K extends DocumentKind> = {
  id: string;
  kind: K;
  versions: DemoVersion<K>[];
  distributions: DemoDistribution[];
};

function doc<K extends DocumentKind>(
  ctx: CaseContext,
  kind: K,
  versions: [DocumentContent<K>, 'draft' | 'final', IsoDate][],
  distributions: DemoDistribution[] = [],
): Doc<K> {
  return {
    id: ctx.random.uuid(),
    kind,
    versions: versions.map(([content, status, date]) => ({ content, status, at: timeOn(date, ctx.random) })),
    distributions,
  };
}

/**
 * Every tenth case of a situation (index % 10 === `at`) leaves this record out, so the due list has it
 * outstanding (NO pkt 9, 10). The record is still made, so the demo's random sequence is unchanged.
 */
function outstanding(
  ctx: CaseContext,
  at: number,
  kind: DocumentKind,
  documents: DemoCase['documents'],
): DemoCase['documents'] {
  return ctx.index % 10 === at ? documents.filter((d) => d.kind !== kind) : documents;
}

function sent(version: number, recipient: DemoDistribution['recipient'], sentOn: IsoDate): DemoDistribution {
  return { version, recipient, sentOn, format: recipient === 'kdi' ? 'signed_container' : 'signed_pdf' };
}

/** A concern report's first version sent as NO pkt 6 asks: to police and PST, with a copy to region and KDI. */
function sentAsPkt6(sentOn: IsoDate): DemoDistribution[] {
  return (['politi', 'pst', 'region', 'kdi'] as const).map((recipient) => sent(1, recipient, sentOn));
}

/** Days from today; the first cases keep exact offsets so the demo always shows each boundary. */
function day(ctx: CaseContext, offset: number, jitter: number): IsoDate {
  return addDays(ctx.today, offset + jitter);
}

function observations(ctx: CaseContext, daysAgo: number[]) {
  return daysAgo.map((d) => doc(ctx, 'observation', [[no.observation(ctx, d), 'final', addDays(ctx.today, -d)]]));
}

/** A fresh concern in prison: plan changed two days ago and not yet sent to KDI (NO pkt 11). */
function newConcernCase(ctx: CaseContext, j: number): DemoCase {
  const obs = observations(ctx, [40 + j, 25 + j]);
  const concern = doc(ctx, 'concern', [
    [
      no.concern(
        ctx,
        20 + j,
        obs.map((o) => o.id),
        true,
      ),
      'final',
      day(ctx, -19, -j),
    ],
  ]);
  const actions: MeetingAction[] = [
    no.action(ctx, 'Sende anmodning om registrering i Infoflyt til KDI.', day(ctx, -3, 0), 'open'),
    no.action(ctx, 'Avklare skoleplass.', day(ctx, -10, -j), 'done'),
    no.action(ctx, 'Innhente opplysninger fra kommunen.', day(ctx, 7, j), 'in_progress'),
  ];
  const plan1 = no.followUpPlan(ctx, day(ctx, -10, 0), 1);
  const plan2 = no.followUpPlan(ctx, day(ctx, -2, 0), 2);
  return caseOf(
    ctx,
    'fengsel',
    day(ctx, 300, j * 10),
    outstanding(ctx, 5, 'future_plan', [
      ...obs,
      concern,
      doc(
        ctx,
        'concern_report',
        [[no.concernReport(ctx, 18 + j, concern.id), 'final', day(ctx, -18, -j)]],
        sentAsPkt6(day(ctx, -18, -j)),
      ),
      doc(ctx, 'meeting', [
        [no.meeting(ctx, 'startup', day(ctx, -14, -j), actions, day(ctx, 10, j)), 'final', day(ctx, -13, -j)],
      ]),
      doc(
        ctx,
        'follow_up_plan',
        [
          [{ ...plan1, measuresDuringSentence: '' }, 'draft', day(ctx, -12, 0)],
          [plan1, 'final', day(ctx, -10, 0)],
          [plan2, 'final', day(ctx, -2, 0)],
        ],
        [sent(2, 'region', day(ctx, -9, 0)), sent(2, 'kdi', day(ctx, -9, 0)), sent(3, 'region', day(ctx, -1, 0))],
      ),
      doc(ctx, 'future_plan', [[no.futurePlan(ctx, 30 + j), 'final', day(ctx, -30, -j)]]),
    ]),
  );
}

/** A NO mentor course under way (NO pkt 13), its visit routine (pkt 9), an action due today. */
function mentorCourseCase(ctx: CaseContext, j: number, mentor: DemoMentor): DemoCase {
  const obs = observations(ctx, [200 + j]);
  const concern = doc(ctx, 'concern', [
    [
      no.concern(
        ctx,
        190 + j,
        obs.map((o) => o.id),
        true,
      ),
      'final',
      day(ctx, -185, -j),
    ],
  ]);
  const done = [no.action(ctx, 'Melde behov for mentor til KDI.', day(ctx, -100, -j), 'done')];
  const dueToday = [no.action(ctx, 'Oppdatere oppfølgingsplanen etter møtet.', day(ctx, 0, 0), 'open')];
  return caseOf(
    ctx,
    'fengsel',
    day(ctx, 150, j * 5),
    outstanding(ctx, 6, 'visit_routine', [
      ...obs,
      concern,
      doc(
        ctx,
        'concern_report',
        [[no.concernReport(ctx, 180 + j, concern.id), 'final', day(ctx, -180, -j)]],
        sentAsPkt6(day(ctx, -180, -j)),
      ),
      doc(ctx, 'meeting', [
        [no.meeting(ctx, 'startup', day(ctx, -120, -j), done, day(ctx, -40, -j)), 'final', day(ctx, -119, -j)],
      ]),
      doc(ctx, 'meeting', [
        [no.meeting(ctx, 'follow_up_prison', day(ctx, -40, -j), dueToday, day(ctx, -5, 0)), 'final', day(ctx, -39, -j)],
      ]),
      doc(
        ctx,
        'follow_up_plan',
        [[no.followUpPlan(ctx, day(ctx, -100, -j), 1), 'final', day(ctx, -100, -j)]],
        [sent(1, 'region', day(ctx, -99, -j)), sent(1, 'kdi', day(ctx, -99, -j))],
      ),
      doc(ctx, 'future_plan', [[no.futurePlan(ctx, 170 + j), 'final', day(ctx, -170, -j)]]),
      doc(ctx, 'mentor_course', [[no.noMentorCourse(ctx, mentor, 60 + j), 'final', day(ctx, -60, -j)]]),
      doc(ctx, 'visit_routine', [[no.visitRoutine(ctx, mentor), 'final', day(ctx, -58, -j)]]),
    ]),
  );
}

/** Release a few weeks ahead without a release meeting yet (NO pkt 12); plan change not sent anywhere. */
function nearReleaseCase(ctx: CaseContext, j: number): DemoCase {
  const overdue = [no.action(ctx, 'Avtale møte med kommunen om bolig.', day(ctx, -1, 0), 'open')];
  return caseOf(ctx, 'fengsel', day(ctx, 40, -j * 3), [
    ...observations(ctx, [320 + j]),
    doc(ctx, 'meeting', [
      [no.meeting(ctx, 'startup', day(ctx, -300, -j), [], day(ctx, -60, -j)), 'final', day(ctx, -299, -j)],
    ]),
    doc(ctx, 'meeting', [
      [no.meeting(ctx, 'follow_up_prison', day(ctx, -60, -j), overdue, day(ctx, 12, j)), 'final', day(ctx, -59, -j)],
    ]),
    doc(
      ctx,
      'follow_up_plan',
      [
        [no.followUpPlan(ctx, day(ctx, -200, -j), 1), 'final', day(ctx, -200, -j)],
        [no.followUpPlan(ctx, day(ctx, -30, -j), 2), 'final', day(ctx, -30, -j)],
      ],
      [sent(1, 'region', day(ctx, -199, -j)), sent(1, 'kdi', day(ctx, -198, -j))],
    ),
    doc(ctx, 'future_plan', [[no.futurePlan(ctx, 280 + j), 'final', day(ctx, -280, -j)]]),
  ]);
}

/** Released on parole: all four meeting types held, plan up to date everywhere. */
function releasedCase(ctx: CaseContext, j: number): DemoCase {
  const upcoming = [
    no.action(ctx, 'Følge opp møteplikt hos friomsorgskontoret.', day(ctx, 5, j), 'open'),
    no.action(ctx, 'Sende referat til kommunen.', day(ctx, -15, -j), 'done'),
  ];
  return caseOf(ctx, 'proveloslatt', undefined, [
    doc(ctx, 'meeting', [
      [no.meeting(ctx, 'startup', day(ctx, -400, -j), [], day(ctx, -200, -j)), 'final', day(ctx, -399, -j)],
    ]),
    doc(ctx, 'meeting', [
      [no.meeting(ctx, 'follow_up_prison', day(ctx, -200, -j), [], day(ctx, -90, -j)), 'final', day(ctx, -199, -j)],
    ]),
    doc(ctx, 'meeting', [
      [
        no.meeting(ctx, 'release', day(ctx, -90, -j), [], day(ctx, -20, -j), day(ctx, -21, -j)),
        'final',
        day(ctx, -89, -j),
      ],
    ]),
    doc(ctx, 'meeting', [
      [
        no.meeting(ctx, 'follow_up_probation', day(ctx, -20, -j), upcoming, day(ctx, 30, j)),
        'final',
        day(ctx, -19, -j),
      ],
    ]),
    doc(
      ctx,
      'follow_up_plan',
      [
        [no.followUpPlan(ctx, day(ctx, -350, -j), 1), 'final', day(ctx, -350, -j)],
        [no.followUpPlan(ctx, day(ctx, -85, -j), 3), 'final', day(ctx, -85, -j)],
      ],
      [
        sent(1, 'region', day(ctx, -349, -j)),
        sent(1, 'kdi', day(ctx, -349, -j)),
        sent(2, 'region', day(ctx, -84, -j)),
        sent(2, 'kdi', day(ctx, -84, -j)),
      ],
    ),
    doc(ctx, 'future_plan', [[no.futurePlan(ctx, 380 + j), 'final', day(ctx, -380, -j)]]),
  ]);
}

/** On remand, days in: observations, a concern still being investigated, a start-up meeting being planned. */
function remandCase(ctx: CaseContext, j: number): DemoCase {
  const obs = observations(ctx, [9 + j, 6 + j, 2]);
  return caseOf(ctx, 'varetekt', undefined, [
    ...obs,
    doc(ctx, 'concern', [
      [
        no.concern(
          ctx,
          2,
          obs.map((o) => o.id),
          false,
        ),
        'draft',
        day(ctx, -1, 0),
      ],
    ]),
    doc(ctx, 'meeting', [[no.meeting(ctx, 'startup', undefined, []), 'draft', day(ctx, -1, 0)]]),
  ]);
}

function caseOf(
  ctx: CaseContext,
  status: 'fengsel' | 'varetekt' | 'proveloslatt',
  release: IsoDate | undefined,
  documents: DemoCase['documents'],
): DemoCase {
  const { arrivalDate: computed, ...records } = noCaseRecords(ctx);
  const arrivalDate = arrivalOf(documents) ?? (ctx.index % 10 === 4 ? computed : undefined);
  return demoCase(
    ctx,
    { ...newCaseRecord(ctx, status, release), ...records, ...(arrivalDate ? { arrivalDate } : {}) },
    documents,
  );
}

/**
 * NO pkt 12 "møte ved innkomst": a case with a dated start-up meeting arrived that day, so the meeting
 * is held. Of the others, every other remand case (index % 10 === 4) has an arrival date and no meeting
 * yet, so the due list shows the item; the rest have no arrival recorded.
 */
function arrivalOf(documents: DemoCase['documents']): IsoDate | undefined {
  return documents
    .flatMap((d) => (d.kind === 'meeting' ? d.versions.map((v) => v.content as Partial<MeetingContent>) : []))
    .flatMap((c) => (c.meetingType === 'startup' && c.date ? [c.date] : []))
    .sort()[0];
}

const TARGET_GROUPS = ['vulnerable', 'terror_related', 'hate_crime'] as const;

/** NO pkt 1, 7 and 12 on the case: why in the target group, Infoflyt, and the arrival (no extra random draws). */
function noCaseRecords(ctx: CaseContext): Pick<NewCase, 'targetGroup' | 'infoflyt' | 'arrivalDate'> {
  const reason = TARGET_GROUPS[ctx.index % TARGET_GROUPS.length] ?? 'vulnerable';
  const arrivalDate = addDays(ctx.today, -(40 + (ctx.index % 200)));
  const infoflyt: NewCase['infoflyt'] =
    ctx.index % 3 === 0
      ? {
          status: 'registered',
          requestSentOn: addDays(arrivalDate, 10),
          requestReason: '',
          registeredOn: addDays(arrivalDate, 14),
        }
      : ctx.index % 3 === 1
        ? {
            status: 'requested',
            requestSentOn: addDays(arrivalDate, 12),
            requestReason: 'Behov for å dele opplysninger med politiet og PST i samsvar med kap. 1B.',
          }
        : { status: 'not_registered', requestReason: '' };
  return {
    targetGroup: { reason, grounds: 'Vurdert av radikaliseringskontakten (oppdiktet).' },
    infoflyt,
    arrivalDate,
  };
}

/** NO case number `ctx.index`: five situations in turn, the first five with exact boundary dates. */
export function buildNoCase(ctx: CaseContext, mentors: readonly DemoMentor[]): DemoCase {
  const j = ctx.index < 5 ? 0 : ctx.random.int(0, 6);
  switch (ctx.index % 5) {
    case 0:
      return newConcernCase(ctx, j);
    case 1:
      return mentorCourseCase(ctx, j, pickMentor(mentors, Math.floor(ctx.index / 5)));
    case 2:
      return nearReleaseCase(ctx, j);
    case 3:
      return releasedCase(ctx, j);
    default:
      return remandCase(ctx, j);
  }
}
