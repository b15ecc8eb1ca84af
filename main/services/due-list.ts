import type { CaseScope, CaseSet, CaseSpan } from '../db/repositories/case-filter';
import type { z } from 'zod';
import type {
  DistributionEntry,
  DkMentorCourseContent,
  DocumentKind,
  IsoDate,
  MeetingType,
  Profile,
} from '../../shared/domain';
import { addDays, addMonths, localDayOf } from '../../shared/domain';
import {
  CITATIONS,
  concernFollowUpDueItems,
  dkCourseDueItems,
  dueStatus,
  planCopyDueItems,
  type Citation,
  type DueItem,
  type DueKind,
  type DueStatus,
  type FindingParams,
} from '../../shared/rules';
import { newDkMentorCourseDraft } from '../../shared/templates/drafts';
import type { MeetingDueKindSchema, RetentionDueKindSchema } from '../../shared/ipc/due';
import type { Db } from '../db/connection';
import { isDate, parseJsonArray, type DkCourseFacts, type DueFactsSource, type OpenAction } from './due-list-facts';
import {
  casesReleasedBy,
  type FinalisedConcernRow,
  type FinalisedPlanRow,
  type LiveDocumentRow,
} from '../db/repositories/due-list-repo';
import { noCaseEntries } from './due-list-no-case';
import { storedFactsSource } from './due-facts-stored';
import { retentionDueItems } from './due-list-retention';
import { cachedList, knownList } from './due-list-cache';
import type { TransferDueKind } from '../../shared/domain/transfer';
import { transferDueEntries } from './transfer-due';
import { sortDueEntries } from './due-list-order';
import { dueListFromStore, zoneOf } from './due-list-store';

/**
 * Due-list kinds beyond the rules' own (NO pkt 12): the next coordination meeting agreed in the
 * minutes, meeting actions by their deadline, and the release meeting before an expected release.
 * Declared with the IPC contract (shared/ipc/due.ts), which the entries below must satisfy.
 */
export type DueListKind =
  DueKind | z.infer<typeof MeetingDueKindSchema> | TransferDueKind | z.infer<typeof RetentionDueKindSchema>;

/** A due item with where it comes from, so a screen can open the case, the document, the action. */
export interface DueListEntry extends Omit<DueItem, 'kind'> {
  kind: DueListKind;
  caseId: string;
  caseReference: string;
  documentId?: string;
  documentKind?: DocumentKind;
  actionId?: string;
}

export interface DueListOptions {
  profile: Profile;
  today: IsoDate;
  /** Only this case; an unknown case gives an empty list, a deleted one at most its retention item. */
  caseId?: string;
  /**
   * Only part of the vault: the cases whose ids fall in a span (as keeping works the whole list out a
   * part at a time), or a set of cases (those written to since the list was kept, worked out at once).
   */
  part?: CaseSpan | CaseSet;
  /** Upcoming items are listed when due within this many days (default 14). */
  horizonDays?: number;
  /**
   * Bro's reading of "as release approaches" (NO pkt 12): a release meeting 30 days before, by default;
   * the same lead for contacting the municipality before release (NO 13.7).
   */
  releaseMeetingLeadDays?: number;
  /** IANA zone whose calendar days stored timestamps are read in; the machine's own by default. */
  timeZone?: string;
  /** Where the facts come from: the vault's stored due facts, unless a test asks for the documents. */
  source?: DueFactsSource;
}

export interface Window {
  today: IsoDate;
  timeZone?: string;
  /** Last date on which an upcoming item is still listed. */
  until: IsoDate;
  source: DueFactsSource;
}

export type Place = { caseId: string; caseReference: string };

const NO_DETAIL: Partial<DueListEntry> = {};

/** Every entry has the same shape (absent details are undefined), which keeps building 20 000 of them cheap. */
export function entry(
  place: Place,
  item: Omit<DueListEntry, 'caseId' | 'caseReference'>,
  detail = NO_DETAIL,
): DueListEntry {
  return {
    kind: item.kind,
    dueDate: item.dueDate,
    status: item.status,
    citation: item.citation,
    messageKey: item.messageKey,
    params: { ...item.params, dueDate: item.dueDate },
    period: item.period,
    caseId: place.caseId,
    caseReference: place.caseReference,
    documentId: detail.documentId,
    documentKind: detail.documentKind,
    actionId: detail.actionId,
  };
}

function meetingItem(
  kind: DueListKind,
  dueDate: IsoDate,
  w: Window,
  messageKey: string,
  params: FindingParams,
  citation: Citation = CITATIONS.no12,
) {
  return { kind, dueDate, status: dueStatus(dueDate, w.today), citation, messageKey, params };
}

function actionItem(doc: LiveDocumentRow, type: MeetingType, action: OpenAction, w: Window): DueListEntry {
  const item = meetingItem('no_meeting_action', action.deadline, w, 'rules.no.due.meetingAction', {
    meetingType: type,
    actionStatus: action.status,
  });
  return entry(doc, item, { documentId: doc.documentId, documentKind: 'meeting', actionId: action.id });
}

/** The list kept under `key`, made empty the first time. */
export function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * NO pkt 12, from the minutes: every open action by its deadline, and the next meeting agreed at the
 * latest held meeting of each case. Also returns the cases that have had a release meeting.
 */
function meetingDueItems(
  db: Db,
  w: Window,
  scope: CaseScope,
): { items: DueListEntry[]; releaseMeetings: Map<string, ReleaseMeeting[]>; startupDates: Map<string, IsoDate[]> } {
  const items: DueListEntry[] = [];
  const latest = new Map<string, { doc: LiveDocumentRow; type: MeetingType; date: IsoDate; next?: IsoDate }>();
  const releaseMeetings = new Map<string, ReleaseMeeting[]>();
  const startupDates = new Map<string, IsoDate[]>();
  for (const { doc, facts: meeting } of w.source.meetings(db, scope)) {
    if (meeting.type === 'startup' && meeting.date) listIn(startupDates, doc.caseId).push(meeting.date);
    if (meeting.finalRelease) listIn(releaseMeetings, doc.caseId).push(meeting.finalRelease);
    for (const action of meeting.actions)
      if (action.deadline <= w.until) items.push(actionItem(doc, meeting.type, action, w));
    const { date } = meeting;
    if (date !== undefined && later(date, doc.documentId, latest.get(doc.caseId)))
      latest.set(doc.caseId, { doc, type: meeting.type, date, next: meeting.next });
  }
  for (const { doc, type, date, next } of latest.values()) {
    if (next === undefined || next <= date || next > w.until) continue;
    const item = meetingItem('no_next_meeting', next, w, 'rules.no.due.nextMeeting', {
      meetingDate: date,
      meetingType: type,
    });
    items.push(entry(doc, item, { documentId: doc.documentId, documentKind: 'meeting' }));
  }
  return { items, releaseMeetings, startupDates };
}

/**
 * NO pkt 6, 7 and 12: a finalised concern asks for its concern report and a start-up meeting, and for
 * the request to KDI when it found registration in Infoflyt needed.
 */
function concernItems(
  w: Window,
  startupDates: ReadonlyMap<string, readonly IsoDate[]>,
  concerns: readonly FinalisedConcernRow[],
): DueListEntry[] {
  return concerns.flatMap((row) => {
    const facts = {
      finalisedOn: localDayOf(row.finalisedAt, w.timeZone),
      ...(isDate(row.raisedOn) ? { raisedOn: row.raisedOn } : {}),
      ...(isDate(row.reportSentOn) ? { reportSentOn: row.reportSentOn } : {}),
      startupMeetingDates: startupDates.get(row.caseId) ?? [],
      ...(row.infoflytNeededAt === null ? {} : { infoflytNeededOn: localDayOf(row.infoflytNeededAt, w.timeZone) }),
      infoflytRequested: row.infoflytStatus === 'requested' || row.infoflytStatus === 'registered',
    };
    return concernFollowUpDueItems(facts, w.today).map((item) =>
      entry(row, item, { documentId: row.documentId, documentKind: 'concern' }),
    );
  });
}

/** Whether a meeting on `date` is later than the latest so far (the same day: the higher id, so either way gives one answer). */
function later(
  date: IsoDate,
  documentId: string,
  latest: { date: IsoDate; doc: LiveDocumentRow } | undefined,
): boolean {
  if (!latest) return true;
  return latest.date < date || (latest.date === date && latest.doc.documentId < documentId);
}

interface ReleaseMeeting {
  date?: IsoDate;
  releaseDate?: IsoDate;
}

/** Minutes without a recorded release date count for a release up to six months after the meeting. */
const UNDATED_RELEASE_MEETING_MONTHS = 6;

/**
 * Whether finalised release-meeting minutes exist for this release date: minutes naming that date, or
 * (older minutes that name none) held on or before it and at most six months earlier. A release date
 * moved since the meeting asks for a new one.
 */
function preparesRelease(meeting: ReleaseMeeting, release: IsoDate): boolean {
  if (meeting.releaseDate) return meeting.releaseDate === release;
  const { date } = meeting;
  return date !== undefined && date <= release && date >= addMonths(release, -UNDATED_RELEASE_MEETING_MONTHS);
}

/**
 * NO pkt 12: a release meeting "når det nærmer seg løslatelse", for cases in custody that have had none.
 * The text gives no figure; the lead time is Bro's practice and the item says so.
 */
function releaseMeetingItems(
  db: Db,
  w: Window,
  leadDays: number,
  held: ReadonlyMap<string, readonly ReleaseMeeting[]>,
  scope: CaseScope,
): DueListEntry[] {
  const prepared = (caseId: string, release: IsoDate) =>
    (held.get(caseId) ?? []).some((meeting) => preparesRelease(meeting, release));
  return casesReleasedBy(db, addDays(w.until, leadDays), scope)
    .filter((row) => isDate(row.expectedRelease) && !prepared(row.caseId, row.expectedRelease))
    .map((row) => {
      const dueDate = addDays(row.expectedRelease, -leadDays);
      return entry(
        row,
        meetingItem(
          'no_release_meeting',
          dueDate,
          w,
          'rules.no.due.releaseMeeting',
          { releaseDate: row.expectedRelease },
          CITATIONS.localReleaseLead,
        ),
      );
    });
}

function sentEntry(recipient: 'region' | 'kdi', pair: string | null): DistributionEntry[] {
  const [version, sentOn] = parseJsonArray(pair);
  return typeof version === 'number' && isDate(sentOn) ? [{ version, recipient, sentOn }] : [];
}

/** NO pkt 11: copies of the newest finalised follow-up plan still to be sent to region and KDI. */
function planCopyItems(w: Window, plans: readonly FinalisedPlanRow[]): DueListEntry[] {
  return plans.flatMap((plan) => {
    const log = [...sentEntry('region', plan.regionSent), ...sentEntry('kdi', plan.kdiSent)];
    // The local day of finalising, not the UTC one: "today" is local too (issue 13, across midnight).
    const finalisedOn = localDayOf(plan.finalisedAt, w.timeZone);
    const dayOf = (at: string | null) => (at === null ? undefined : localDayOf(at, w.timeZone));
    const unsentSince = { region: dayOf(plan.regionDueAt), kdi: dayOf(plan.kdiDueAt) };
    const facts = { finalisedVersion: plan.finalVersion, finalisedOn, unsentSince, log };
    return planCopyDueItems(facts, w.today).map((item) =>
      entry(plan, item, { documentId: plan.documentId, documentKind: 'follow_up_plan' }),
    );
  });
}

/**
 * The DK recurrences of one course for `today`. Working them out walks every period of the course,
 * so the result is kept with the course's facts (which belong to one saved version) for the day.
 */
function courseDueItems(course: DkCourseFacts, today: IsoDate, blank: DkMentorCourseContent): DueItem[] {
  if (course.computed?.today !== today) {
    const { startDate, endDate, meetingsHeld } = course;
    const mentorReports = course.reports.map((r) => ({ ...r, form: 'written' as const }));
    // DK § 13, stk. 4: the meeting items name the person responsible for the course.
    const responsiblePerson = course.responsible ?? '';
    const items = dkCourseDueItems(
      { ...blank, startDate, ...(endDate ? { endDate } : {}), meetingsHeld, mentorReports, responsiblePerson },
      today,
    );
    course.computed = { today, items };
  }
  return course.computed.items;
}

/** DK § 17, stk. 1 (monthly and quarterly reports) and § 13, stk. 3 (meetings every third month). */
function dkCourseItems(db: Db, w: Window, scope: CaseScope): DueListEntry[] {
  const blank = newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' });
  const items: DueListEntry[] = [];
  for (const { doc, facts: course } of w.source.courses(db, scope)) {
    for (const item of courseDueItems(course, w.today, blank)) {
      if (item.dueDate <= w.until)
        items.push(entry(doc, item, { documentId: doc.documentId, documentKind: 'mentor_course' }));
    }
  }
  return items;
}

/**
 * Everything overdue, due today or due within the horizon, for the whole vault or one case: live
 * cases and documents only, current versions only, each item with its citation and its place.
 * The profile chooses the provisions: NO pkt 11-12 in a NO vault, DK §§ 13 and 17 in a DK vault.
 * Asked again with nothing written to the vault since, the list comes from due-list-cache.ts; the
 * whole-vault list, on a later unlock the same day, from the list kept in the vault (due-list-store.ts).
 */
export function computeDueList(db: Db, options: DueListOptions): DueListEntry[] {
  if (options.source) return computeFresh(db, options);
  return cachedList(db, cacheKey(options), () =>
    dueListFromStore(db, options, (only) =>
      computeFresh(db, only === undefined ? options : { ...options, part: { cases: only } }),
    ),
  );
}

/** The list computeDueList would answer from memory for `options`, if it has it; never worked out here. */
export function knownDueList(db: Db, options: DueListOptions): DueListEntry[] | undefined {
  return options.source ? undefined : knownList<DueListEntry>(db, cacheKey(options));
}

function cacheKey(options: DueListOptions): string {
  const { profile, today, caseId, part, horizonDays, releaseMeetingLeadDays, timeZone } = options;
  // The zone resolved: the machine's may change while the vault is open.
  return JSON.stringify([profile, today, caseId, part, horizonDays, releaseMeetingLeadDays, zoneOf(timeZone)]);
}

function computeFresh(db: Db, options: DueListOptions): DueListEntry[] {
  const scope: CaseScope = options.caseId ?? options.part ?? null;
  const w: Window = {
    today: options.today,
    until: addDays(options.today, options.horizonDays ?? 14),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    source: options.source ?? storedFactsSource,
  };
  const retention = retentionDueItems(db, w, options.profile, scope);
  if (options.profile === 'DK') return sortDueEntries([...dkCourseItems(db, w, scope), ...retention]);
  const leadDays = options.releaseMeetingLeadDays ?? 30;
  const meetings = meetingDueItems(db, w, scope);
  const releases = releaseMeetingItems(db, w, leadDays, meetings.releaseMeetings, scope);
  const plans = w.source.plans(db, scope);
  const concerns = w.source.concerns(db, scope);
  const transfers = transferDueEntries(db, scope, w.today, w.until);
  const caseEvents = noCaseEntries(db, w, { startupDates: meetings.startupDates, plans, concerns, leadDays }, scope);
  return sortDueEntries([
    ...meetings.items,
    ...planCopyItems(w, plans),
    ...releases,
    ...concernItems(w, meetings.startupDates, concerns),
    ...transfers,
    ...caseEvents,
    ...retention,
  ]);
}

/**
 * Counts per status over the whole list, and at most `limitPerStatus` items of each status, in the
 * list's order. The home screen asks for the first few: rendering every item of a large vault froze it.
 */
export function limitDueList<T extends { status: DueStatus }>(
  items: readonly T[],
  limitPerStatus = Number.POSITIVE_INFINITY,
): { items: T[]; counts: Record<DueStatus, number> } {
  const counts: Record<DueStatus, number> = { overdue: 0, due: 0, upcoming: 0 };
  const kept: T[] = [];
  for (const item of items) {
    counts[item.status] += 1;
    if (counts[item.status] <= limitPerStatus) kept.push(item);
  }
  return { items: kept, counts };
}
