import type {
  ConcernContent,
  ConcernReportContent,
  FollowUpPlanContent,
  FuturePlanContent,
  IsoDate,
  MeetingAction,
  MeetingContent,
  MeetingType,
  NoMentorCourseContent,
  ObservationContent,
  VisitRoutineContent,
} from '../../shared/domain';
import { addDays, defaultAddressees } from '../../shared/domain';
import {
  expectedParticipantRows,
  newFollowUpPlanDraft,
  newNoMentorCourseDraft,
  newVisitRoutineDraft,
} from '../../shared/templates/drafts';
import { someGrading, type CaseContext } from './demo-case';
import type { DemoMentor } from './demo-mentors';
import { NO_TEXTS } from './no-texts';

/** The same case always gets the same variant, so a plan's versions differ only where it was revised. */
function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new RangeError('no text variants');
  return item;
}

/** Builders of realistic, invented NO documents (NO pkt 4-13); dates are relative to `ctx.today`. */

export function observation(ctx: CaseContext, daysAgo: number): ObservationContent {
  const { random, words } = ctx;
  const source = random.pick(['own_observation', 'own_observation', 'information_from_others', 'judgment'] as const);
  return {
    observedAt: `${addDays(ctx.today, -daysAgo)}T${String(random.int(8, 20)).padStart(2, '0')}:15:00+01:00`,
    observer: random.pick(words.staff),
    seenOrHeard: random.pick(words.observations),
    context: random.pick(words.contexts),
    source,
    sourceDetail:
      source === 'own_observation'
        ? ''
        : source === 'judgment'
          ? 'Dom fra Fiktivby tingrett (oppdiktet)'
          : 'Skoleavdelingen',
    grading: someGrading(ctx),
  };
}

export function concern(
  ctx: CaseContext,
  raisedDaysAgo: number,
  observationIds: string[],
  decided: boolean,
): ConcernContent {
  const position = (assessment: string) =>
    decided ? { stance: 'needed' as const, assessment } : { stance: 'undecided' as const, assessment: '' };
  return {
    raisedOn: addDays(ctx.today, -raisedDaysAgo),
    basis: 'observations',
    description: ctx.random.pick(NO_TEXTS.concernDescription),
    observationIds,
    investigation: {
      startedOn: addDays(ctx.today, -raisedDaysAgo + 1),
      findings: decided ? ctx.random.pick(NO_TEXTS.findings) : '',
    },
    positions: {
      securityMeasures: position('Beholdes på avdeling med høyere sikkerhet inntil videre; økt kontroll av post.'),
      specialReporting: position('Ukentlig rapport fra kontaktbetjent til radikaliseringskontakten.'),
      changeAndMotivationWork: { stance: 'needed', assessment: 'Tilbud om samtaler og skole; mentorordning vurderes.' },
      infoflytRegistration: position('Anmodning om registrering i Infoflyt sendes KDI.'),
    },
    grading: someGrading(ctx),
  };
}

export function concernReport(ctx: CaseContext, daysAgo: number, concernId: string): ConcernReportContent {
  return {
    concernId,
    reportDate: addDays(ctx.today, -daysAgo),
    cause: 'Gjentatte uttalelser som støtter voldelig ekstremisme, og forsøk på å påvirke medinnsatte.',
    measures: 'Økt kontroll av post og besøk; samtaler med radikaliseringskontakten; mentorordning vurderes.',
    whoHasBeenNotified: 'Enhetsleder, regional radikaliseringskoordinator og KDI.',
    addressees: defaultAddressees().map((a) => ({
      ...a,
      name: a.party === 'politi' ? 'Fiktivby politidistrikt' : a.party === 'region' ? 'Region Oppdiktet' : '',
    })),
    grading: { level: 'BEGRENSET', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
  };
}

/** A complete plan; `revision` changes the measures so later versions differ field by field. */
export function followUpPlan(ctx: CaseContext, assessedOn: IsoDate, revision: number): FollowUpPlanContent {
  const { words, random } = ctx;
  return {
    ...newFollowUpPlanDraft(
      { level: 'BEGRENSET', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
      { id: 'no-follow-up-plan', version: 1 },
    ),
    riskAndVulnerabilityFactors: pick(NO_TEXTS.risk, ctx.index),
    measuresDuringSentence:
      revision > 1 ? pick(NO_TEXTS.measuresRevised, ctx.index) : pick(NO_TEXTS.measures, ctx.index),
    securityMeasures:
      revision > 2
        ? 'Overført til avdeling med lavere sikkerhet; post kontrolleres fortsatt.'
        : 'Avdeling med høyere sikkerhet; post og besøk kontrolleres.',
    releasePlanning: pick(NO_TEXTS.releasePlanning, ctx.index),
    cooperation: pick(NO_TEXTS.cooperation, ctx.index),
    informationSharing: 'Utganger og progresjon meldes politiet og PST før de skjer.',
    divisionOfWork: `Radikaliseringskontakt ${random.pick(words.staff)} koordinerer; kontaktbetjent følger opp daglig.`,
    preparedWithoutPersonParticipation: true,
    responsibleUnitHead: random.pick(words.staff),
    coordinatingContact: random.pick(words.staff),
    completionAssessment: { personalDataAssessed: true, gradingAssessed: true, assessedOn, notes: '' },
    ...planParticipants(ctx, assessedOn),
  };
}

/** NO pkt 11: who took part, and now and then a problem with another agency, reported to KDI or not yet (no random draws). */
function planParticipants(
  ctx: CaseContext,
  assessedOn: IsoDate,
): Pick<FollowUpPlanContent, 'involved' | 'agencyProblems'> {
  const staff = ctx.words.staff;
  const involved = [
    { name: staff[ctx.index % staff.length] ?? 'Kontaktbetjent', role: 'Kontaktbetjent' },
    { name: 'Fiktivby politidistrikt', role: 'Politiet' },
    { name: 'PST (oppdiktet kontakt)', role: 'PST' },
  ];
  if (ctx.index % 4 !== 1) return { involved, agencyProblems: [] };
  const notedOn = addDays(assessedOn, -5);
  const problem = {
    notedOn,
    agency: 'NAV Fiktivby',
    description: 'Svar på henvendelser om bolig uteble i flere uker.',
  };
  // Every other one is still to be reported, so the due list shows the item (NO pkt 11).
  if (ctx.index % 8 === 5) return { involved, agencyProblems: [problem] };
  return { involved, agencyProblems: [{ ...problem, reportedToKdiOn: addDays(notedOn, 1) }] };
}

export function futurePlan(ctx: CaseContext, offeredDaysAgo: number): FuturePlanContent {
  const response = ctx.random.pick(['accepted', 'accepted', 'declined', 'pending'] as const);
  return {
    offeredOn: addDays(ctx.today, -offeredDaysAgo),
    personResponse: response,
    plan: response === 'accepted' ? 'Fullføre videregående skole, skaffe egen bolig og jobb innen bygg.' : '',
    notes: response === 'declined' ? 'Ønsker ikke fremtidsplan nå; tilbudet gjentas om tre måneder.' : '',
    grading: { level: 'UGRADERT' },
  };
}

export function action(
  ctx: CaseContext,
  description: string,
  deadline: IsoDate,
  status: MeetingAction['status'],
): MeetingAction {
  return {
    id: ctx.random.uuid(),
    description,
    owner: ctx.random.pick(ctx.words.staff),
    ownerAgency: 'kriminalomsorgen',
    deadline,
    status,
  };
}

const AGENDAS: Readonly<Record<MeetingType, string>> = {
  startup: 'Etablere samarbeidet, gjennomgå bekymringen, avtale oppfølgingsplan.',
  follow_up_prison: 'Status siden forrige møte, nye hendelser, behov for nye tiltak.',
  release: 'Tiltak ved løslatelse, bolig og arbeid, samarbeid med kommunen og friomsorgskontoret.',
  follow_up_probation: 'Oppfølging av møteplikt, samarbeid med kommunen, status for tiltak.',
};

export function meeting(
  ctx: CaseContext,
  type: MeetingType,
  date: IsoDate | undefined,
  actions: MeetingAction[],
  nextMeeting?: IsoDate,
  releaseDate?: IsoDate,
): MeetingContent {
  const { random, words } = ctx;
  const names = [
    'Kari Fiktiv',
    'Ola Testmann',
    'Politibetjent Per Oppdiktet',
    'Rådgiver i PST (oppdiktet)',
    'Saksbehandler i Fiktivby kommune',
  ];
  const participants = expectedParticipantRows(type).map((row, i) => ({
    ...row,
    name: names[i % names.length] ?? '',
    role: row.agency === 'kriminalomsorgen' ? 'radikaliseringskontakt' : 'kontaktperson',
  }));
  return {
    template: { id: `no-meeting-${type}`, version: 1 },
    meetingType: type,
    ...(date ? { date } : {}),
    // NO pkt 12: a release meeting records the release or transfer date it prepares.
    ...(type === 'release' && releaseDate ? { releaseDate } : {}),
    place: type === 'follow_up_probation' ? random.pick(words.probationOffices) : random.pick(words.units),
    participants,
    agenda: AGENDAS[type],
    informationShared: random.pick(NO_TEXTS.informationShared),
    decisions: random.pick(NO_TEXTS.decisions),
    actions,
    nextMeeting: {
      ...(nextMeeting ? { date: nextMeeting } : {}),
      place: nextMeeting ? random.pick(words.units) : '',
      notes: '',
    },
    grading: { level: 'BEGRENSET', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
  };
}

export function noMentorCourse(ctx: CaseContext, mentor: DemoMentor, startDaysAgo: number): NoMentorCourseContent {
  const start = addDays(ctx.today, -startDaysAgo);
  return {
    ...newNoMentorCourseDraft(someGrading(ctx)),
    kdiDecision: {
      outcome: 'offered',
      decidedOn: addDays(start, -30),
      basis: 'concern_report',
      basisDetail: 'Bekymringsmelding fra enheten.',
    },
    preliminaryTalks: [
      { date: addDays(start, -20), notes: 'Positiv til tilbudet.', with: 'person' },
      { date: addDays(start, -15), notes: 'Praktiske forhold avklart med avdelingen.', with: 'unit' },
    ],
    personInformed: {
      informedOn: addDays(start, -45),
      notes: 'Informert om mentorordningen og oppfordret til å delta.',
    },
    personConsents: true,
    plan: {
      meetingPlace: ctx.random.pick(ctx.words.rooms),
      frequency: 'Hver uke',
      focusAreas: 'Utdanning, nettverk og hverdagsmestring.',
    },
    mentors: [
      {
        mentorId: mentor.id,
        contractSignedOn: addDays(start, -10),
        suitabilityAssessment: {
          assessedOn: addDays(start, -12),
          suitable: true,
          notes: 'Egnet for oppdraget: erfaring med unge voksne, snakker samme språk.',
        },
        notProxyToldOn: start,
      },
    ],
    ...(ctx.index % 3 === 0
      ? {
          objections: [
            {
              raisedOn: addDays(start, 20),
              by: 'local' as const,
              text: 'Enheten melder uro på avdelingen etter besøk; ber KDI vurdere hyppigheten.',
              reportedToKdiOn: addDays(start, 21),
            },
          ],
        }
      : {}),
    startDate: start,
    cooperationMeetings: [{ date: addDays(start, 30), notes: 'Samarbeidsmøte KDI og enheten.' }],
  };
}

export function visitRoutine(ctx: CaseContext, mentor: DemoMentor): VisitRoutineContent {
  return {
    ...newVisitRoutineDraft({ level: 'BEGRENSET' }, { id: 'no-visit-routine', version: 1 }),
    mentorId: mentor.id,
    mentorName: mentor.record.name,
    mentorContact: `${mentor.record.phone}, ${mentor.record.email}`,
    visitFrequency: 'Én gang i uken, inntil to timer.',
    visitBooking: 'Mentor bestiller besøk hos besøksavdelingen senest to dager før.',
    visitConduct: 'Besøket skjer uten kontroll av samtalen; vanlig visitasjon ved inngang.',
    visitRoom: ctx.random.pick(ctx.words.rooms),
    itemsMentorMayBring: 'Bøker og blader etter kontroll; ingen mobiltelefon.',
    otherMatters: 'Mentor varsles om endringer i soningssituasjonen.',
    contactPerson: { isLocalContact: true, name: ctx.random.pick(ctx.words.staff), otherArrangement: '' },
  };
}
