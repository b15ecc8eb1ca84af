import type { CaseScope } from '../db/repositories/case-filter';
import type { ActionStatus, IsoDate, MeetingType } from '../../shared/domain';
import { z } from 'zod';
import { ActionStatusSchema, MeetingTypeSchema } from '../../shared/domain';
import type { DueItem } from '../../shared/rules';
import type { Db } from '../db/connection';
import {
  dkCourseFactRows,
  finalisedConcerns,
  finalisedPlans,
  liveDocuments,
  meetingFactRows,
  type DkCourseFactRow,
  type FinalisedConcernRow,
  type FinalisedPlanRow,
  type LiveDocumentRow,
  type MeetingFactRow,
} from '../db/repositories/due-list-repo';
import { documentCaseFacts, type CaseFactsSource } from './due-case-facts';
import { isDate, parseJsonArray } from './due-values';

/**
 * The few facts of a document version the due list needs. A saved version never changes, so facts
 * read once for (document, version) stay true: they are kept per open database and only documents
 * with a new current version are read again. That keeps repeated due lists (the home screen, every
 * case view) from decrypting and parsing every meeting of the vault each time.
 */

export interface OpenAction {
  id: string;
  deadline: IsoDate;
  status: ActionStatus;
}

export interface MeetingFacts {
  type: MeetingType;
  /** For a release meeting: the release or transfer date it prepares. */
  releaseDate?: IsoDate;
  /**
   * The newest finalised minutes, when they are a release meeting's (NO pkt 12): the meeting held and the
   * release it prepared. A correction saved as a draft after them leaves them standing.
   */
  finalRelease?: { date?: IsoDate; releaseDate?: IsoDate };
  date?: IsoDate;
  next?: IsoDate;
  actions: OpenAction[];
}

export interface DkCourseFacts {
  startDate: IsoDate;
  endDate?: IsoDate;
  meetingsHeld: IsoDate[];
  reports: { period: 'monthly' | 'quarterly'; receivedOn: IsoDate }[];
  /** DK § 13, stk. 4: the person responsible for the course, named on its meeting items. */
  responsible?: string;
  /** The course's due items as last worked out, and for which day (see due-list.ts). */
  computed?: { today: IsoDate; items: DueItem[] };
}

export { isDate, parseJsonArray } from './due-values';
const MEETING_TYPES: ReadonlySet<unknown> = new Set(MeetingTypeSchema.options);
const isMeetingType = (value: unknown): value is MeetingType => MEETING_TYPES.has(value);

type Key = string;
const key = (documentId: string, version: number): Key => `${documentId}:${version}`;

/** Per document: the version the facts were read from, and the facts (null: not usable). */
type Cache<T> = Map<string, { version: number; facts: T | null }>;

const meetingCaches = new WeakMap<Db, Cache<MeetingFacts>>();
const courseCaches = new WeakMap<Db, Cache<DkCourseFacts>>();

function cacheFor<T>(caches: WeakMap<Db, Cache<T>>, db: Db): Cache<T> {
  const existing = caches.get(db);
  if (existing) return existing;
  const made: Cache<T> = new Map();
  caches.set(db, made);
  return made;
}

/**
 * Facts of the current version of each live document, reading only what is not known yet: the whole
 * kind in one statement when most is missing, else just the missing documents, in one statement.
 * A whole-vault call also forgets documents that are no longer live, so the cache never outgrows it.
 */
function currentFacts<T>(
  cache: Cache<T>,
  live: readonly LiveDocumentRow[],
  wholeVault: boolean,
  read: (ids: readonly string[] | null) => Map<Key, T | null>,
): Map<string, T> {
  const missing = live.filter((doc) => cache.get(doc.documentId)?.version !== doc.version);
  if (missing.length > 0) {
    const fresh = read(wholeVault && missing.length * 2 > live.length ? null : missing.map((doc) => doc.documentId));
    for (const doc of missing) {
      // A version written by another process between the two reads is picked up next time.
      const facts = fresh.get(key(doc.documentId, doc.version));
      if (facts !== undefined) cache.set(doc.documentId, { version: doc.version, facts });
    }
  }
  if (wholeVault && cache.size > live.length) {
    const liveIds = new Set(live.map((doc) => doc.documentId));
    for (const id of cache.keys()) if (!liveIds.has(id)) cache.delete(id);
  }
  const result = new Map<string, T>();
  for (const doc of live) {
    const facts = cache.get(doc.documentId)?.facts;
    if (facts) result.set(doc.documentId, facts);
  }
  return result;
}

const ACTION_STATUSES: ReadonlySet<unknown> = new Set(ActionStatusSchema.options);
const isActionStatus = (value: unknown): value is ActionStatus => ACTION_STATUSES.has(value);
/** IdSchema's own pattern: the same answer without a parse per action (20 000 of them took 55-70 ms cold). */
const ID_PATTERN = z.regexes.uuid();
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** An open action with a deadline, or null when a stored value is not one. */
export function openAction(row: Pick<MeetingFactRow, 'actionId' | 'deadline' | 'actionStatus'>): OpenAction | null {
  const { actionId, deadline, actionStatus } = row;
  return isActionStatus(actionStatus) && isId(actionId) && isDate(deadline)
    ? { id: actionId, deadline, status: actionStatus }
    : null;
}

/** A meeting's facts without its actions, or null when its type is not a meeting type. */
export function meetingFactsOf(row: {
  meetingType: unknown;
  date: unknown;
  nextDate: unknown;
  releaseDate: unknown;
  /** [date, release date] of the newest finalised release-meeting minutes, parsed. */
  finalRelease: unknown;
}): MeetingFacts | null {
  const type = row.meetingType;
  const finalRelease = Array.isArray(row.finalRelease) ? row.finalRelease : null;
  const [heldOn, releaseOn]: unknown[] = finalRelease ?? [];
  return isMeetingType(type)
    ? {
        type,
        ...(finalRelease
          ? {
              finalRelease: {
                ...(isDate(heldOn) ? { date: heldOn } : {}),
                ...(isDate(releaseOn) ? { releaseDate: releaseOn } : {}),
              },
            }
          : {}),
        ...(isDate(row.releaseDate) ? { releaseDate: row.releaseDate } : {}),
        ...(isDate(row.date) ? { date: row.date } : {}),
        ...(isDate(row.nextDate) ? { next: row.nextDate } : {}),
        actions: [],
      }
    : null;
}

function readMeetings(db: Db, ids: readonly string[] | null): Map<Key, MeetingFacts | null> {
  const out = new Map<Key, MeetingFacts | null>();
  for (const row of meetingFactRows(db, ids)) {
    const k = key(row.documentId, row.version);
    let facts = out.get(k);
    if (facts === undefined) {
      facts = meetingFactsOf({
        ...row,
        finalRelease: row.finalRelease === null ? null : parseJsonArray(row.finalRelease),
      });
      out.set(k, facts);
    }
    const action = row.actionId === null ? null : openAction(row);
    if (facts && action) facts.actions.push(action);
  }
  return out;
}

function report(pair: unknown): DkCourseFacts['reports'] {
  if (!Array.isArray(pair)) return [];
  const period: unknown = pair[0];
  const receivedOn: unknown = pair[1];
  return (period === 'monthly' || period === 'quarterly') && isDate(receivedOn) ? [{ period, receivedOn }] : [];
}

/** A DK course's facts (`meetingsHeld` and `reports` as parsed JSON arrays); NO-variant courses have none. */
export function dkFacts(row: {
  variant: unknown;
  startDate: unknown;
  endDate: unknown;
  meetingsHeld: readonly unknown[];
  reports: readonly unknown[];
  responsible: unknown;
}): DkCourseFacts | null {
  if (row.variant !== 'DK' || !isDate(row.startDate)) return null;
  const responsible = typeof row.responsible === 'string' ? row.responsible.trim() : '';
  return {
    startDate: row.startDate,
    ...(isDate(row.endDate) ? { endDate: row.endDate } : {}),
    meetingsHeld: row.meetingsHeld.filter(isDate),
    reports: row.reports.flatMap(report),
    ...(responsible ? { responsible } : {}),
  };
}

function readDkCourses(db: Db, ids: readonly string[] | null): Map<Key, DkCourseFacts | null> {
  return new Map(
    dkCourseFactRows(db, ids).map((row: DkCourseFactRow) => [
      key(row.documentId, row.version),
      dkFacts({ ...row, meetingsHeld: parseJsonArray(row.meetingsHeld), reports: parseJsonArray(row.reports) }),
    ]),
  );
}

/** Meeting facts by document id, for the given live meetings (`wholeVault`: all of them). */
export function meetingFacts(db: Db, live: readonly LiveDocumentRow[], wholeVault: boolean): Map<string, MeetingFacts> {
  return currentFacts(cacheFor(meetingCaches, db), live, wholeVault, (ids) => readMeetings(db, ids));
}

/** DK course facts by document id; NO-variant courses have none. */
export function dkCourseFacts(
  db: Db,
  live: readonly LiveDocumentRow[],
  wholeVault: boolean,
): Map<string, DkCourseFacts> {
  return currentFacts(cacheFor(courseCaches, db), live, wholeVault, (ids) => readDkCourses(db, ids));
}

/** A live document of a case with the facts of its current version. */
export interface WithFacts<T> {
  doc: LiveDocumentRow;
  facts: T;
}

/**
 * Where the due list takes its facts from. The vault's stored facts (due-facts-stored.ts) serve the
 * app; the documents themselves (below) are the reference the stored facts are tested against.
 */
export interface DueFactsSource extends CaseFactsSource {
  meetings(db: Db, scope: CaseScope): WithFacts<MeetingFacts>[];
  courses(db: Db, scope: CaseScope): WithFacts<DkCourseFacts>[];
  plans(db: Db, scope: CaseScope): FinalisedPlanRow[];
  concerns(db: Db, scope: CaseScope): FinalisedConcernRow[];
}

function withFacts<T>(live: readonly LiveDocumentRow[], facts: ReadonlyMap<string, T>): WithFacts<T>[] {
  return live.flatMap((doc) => {
    const found = facts.get(doc.documentId);
    return found ? [{ doc, facts: found }] : [];
  });
}

/** The facts read from each live document's current version (and its finalised versions). */
export const documentFactsSource: DueFactsSource = {
  meetings(db, scope) {
    const live = liveDocuments(db, 'meeting', scope);
    return withFacts(live, meetingFacts(db, live, scope === null));
  },
  courses(db, scope) {
    const live = liveDocuments(db, 'mentor_course', scope);
    return withFacts(live, dkCourseFacts(db, live, scope === null));
  },
  plans: finalisedPlans,
  concerns: finalisedConcerns,
  ...documentCaseFacts,
};
