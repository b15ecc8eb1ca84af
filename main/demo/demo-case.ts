import type { DemoMentor } from './demo-mentors';
import type {
  CaseStatus,
  DistributionRecipient,
  DocumentContent,
  DocumentKind,
  Grading,
  IsoDate,
  NewCase,
  Profile,
} from '../../shared/domain';
import { addDays } from '../../shared/domain';
import type { Random } from './prng';
import { vocabulary, type Vocabulary } from './fictional-words';

/** One saved version of a demo document, with the time it was saved. */
export interface DemoVersion<K extends DocumentKind> {
  content: DocumentContent<K>;
  status: 'draft' | 'final';
  at: string;
}

export interface DemoDistribution {
  version: number;
  recipient: DistributionRecipient;
  sentOn: IsoDate;
  format: 'paper' | 'signed_pdf' | 'signed_container';
}

/** A document with its whole version history and distribution log, before it is written. */
export type DemoDocument = {
  [K in DocumentKind]: { id: string; kind: K; versions: DemoVersion<K>[]; distributions: DemoDistribution[] };
}[DocumentKind];

export interface DemoCase {
  id: string;
  record: NewCase;
  at: string;
  documents: DemoDocument[];
}

/** What the case builders share: the case's own generator, the date everything is relative to. */
export interface CaseContext {
  random: Random;
  index: number;
  today: IsoDate;
  profile: Profile;
  words: Vocabulary;
}

export function caseContext(random: Random, index: number, today: IsoDate, profile: Profile): CaseContext {
  return { random, index, today, profile, words: vocabulary(profile) };
}

/** A time on a given day, in UTC, with minutes that vary so lists are not all at 09:00. */
export function timeOn(date: IsoDate, random: Random): string {
  const hour = String(random.int(7, 15)).padStart(2, '0');
  const minute = String(random.int(0, 59)).padStart(2, '0');
  return `${date}T${hour}:${minute}:00.000Z`;
}

const NO_LEVELS: readonly Grading[] = [
  { level: 'BEGRENSET' },
  { level: 'BEGRENSET' },
  { level: 'KONFIDENSIELT' },
  { level: 'FORTROLIG', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
  { level: 'STRENGT FORTROLIG', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
  { level: 'UGRADERT' },
];
const DK_LEVELS: readonly Grading[] = [
  { level: 'TIL TJENESTEBRUG' },
  { level: 'TIL TJENESTEBRUG' },
  { level: 'FORTROLIGT' },
  { level: 'IKKE KLASSIFICERET' },
];

export function someGrading(ctx: CaseContext): Grading {
  return { ...ctx.random.pick(ctx.profile === 'DK' ? DK_LEVELS : NO_LEVELS) };
}

/** Case references are numbered, so a reference names its demo case and never clashes within a run. */
export function caseReference(words: Vocabulary, index: number): string {
  return `${words.referencePrefix}-${String(index + 1).padStart(5, '0')}`;
}

export function personName(ctx: CaseContext): string {
  return `${ctx.random.pick(ctx.words.firstNames)} ${ctx.random.pick(ctx.words.surnames)}`;
}

export function newCaseRecord(ctx: CaseContext, status: CaseStatus, expectedReleaseDate: IsoDate | undefined): NewCase {
  const year = Number(ctx.today.slice(0, 4)) - ctx.random.int(19, 45);
  const birthDate = `${year}-${String(ctx.random.int(1, 12)).padStart(2, '0')}-${String(ctx.random.int(1, 28)).padStart(2, '0')}`;
  return {
    name: personName(ctx),
    birthDate,
    caseReference: caseReference(ctx.words, ctx.index),
    unit: ctx.random.pick(
      status === 'samfunnsstraff' || status === 'proveloslatt' ? ctx.words.probationOffices : ctx.words.units,
    ),
    status,
    ...(expectedReleaseDate ? { expectedReleaseDate } : {}),
    grading: someGrading(ctx),
  };
}

/** The case was opened a day before its first document. */
export function demoCase(ctx: CaseContext, record: NewCase, documents: DemoDocument[]): DemoCase {
  const first = documents.flatMap((d) => d.versions.map((v) => v.at.slice(0, 10))).sort()[0] ?? ctx.today;
  return { id: ctx.random.uuid(), record, at: timeOn(addDays(first, -1), ctx.random), documents };
}

export function pickMentor(mentors: readonly DemoMentor[], n: number): DemoMentor {
  const mentor = mentors[n % mentors.length];
  if (!mentor) throw new RangeError('the demo needs at least one mentor');
  return mentor;
}
