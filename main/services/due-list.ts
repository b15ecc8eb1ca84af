import type { DistributionEntry, DkMentorReport, DocumentKind, IsoDate, MeetingType, Profile } from '../../shared/domain';
import { ActionStatusSchema, addDays, IdSchema, IsoDateSchema, MeetingTypeSchema } from '../../shared/domain';
import { CITATIONS, dkCourseDueItems, dueStatus, planCopyDueItems, type DueItem, type DueKind, type FindingParams } from '../../shared/rules';
import { newDkMentorCourseDraft } from '../../shared/templates/drafts';
import type { Db } from '../db/connection';
import { casesReleasedBy, dkCourseRows, finalisedPlans, lastPlanVersionsSent, meetingRows, type MeetingRow } from './due-list-queries';

/**
 * Due-list kinds beyond the rules' own (NO pkt 12): the next coordination meeting agreed in the
 * minutes, meeting actions by their deadline, and the release meeting before an expected release.
 * They belong in DueKindSchema (shared/rules/due-items.ts) beside the others; the IPC output schema
 * accepts only kinds listed there.
 */
export const MEETING_DUE_KINDS = ['no_next_meeting', 'no_meeting_action', 'no_release_meeting'] as const;
export type DueListKind = DueKind | (typeof MEETING_DUE_KINDS)[number];

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
  /** Only this case; a deleted or unknown case gives an empty list. */
  caseId?: string;
  /** Upcoming items are listed when due within this many days (default 14). */
  horizonDays?: number;
  /** Bro's reading of "as release approaches" (NO pkt 12): a release meeting 30 days before, by default. */
  releaseMeetingLeadDays?: number;
}

interface Window {
  today: IsoDate;
  /** Last date on which an upcoming item is still listed. */
  until: IsoDate;
}

// Stored versions were validated when saved; these checks only keep a damaged row from misleading.
const isDate = (value: unknown): value is IsoDate => typeof value === 'string' && IsoDateSchema.safeParse(value).success;
const parseJsonArray = (text: string | null): unknown[] => {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value : [];
};

type Place = { caseId: string; caseReference: string };

function entry(place: Place, item: Omit<DueListEntry, 'caseId' | 'caseReference'>, extra: Partial<DueListEntry> = {}): DueListEntry {
  return { ...item, caseId: place.caseId, caseReference: place.caseReference, params: { ...item.params, dueDate: item.dueDate }, ...extra };
}

function meetingItem(kind: DueListKind, dueDate: IsoDate, w: Window, messageKey: string, params: FindingParams) {
  return { kind, dueDate, status: dueStatus(dueDate, w.today), citation: CITATIONS.no12, messageKey, params };
}

function actionItem(row: MeetingRow, type: MeetingType, w: Window): DueListEntry | null {
  const status = ActionStatusSchema.safeParse(row.actionStatus);
  const id = IdSchema.safeParse(row.actionId);
  if (!status.success || !id.success || !isDate(row.deadline)) return null;
  const item = meetingItem('no_meeting_action', row.deadline, w, 'rules.no.due.meetingAction', { meetingType: type, actionStatus: status.data });
  return entry(row, item, { documentId: row.documentId, documentKind: 'meeting', actionId: id.data });
}

/**
 * NO pkt 12, from the minutes: every open action by its deadline, and the next meeting agreed at the
 * latest held meeting of each case. Also returns the cases that have had a release meeting.
 */
function meetingDueItems(rows: readonly MeetingRow[], w: Window): { items: DueListEntry[]; releaseMeetingCases: Set<string> } {
  const items: DueListEntry[] = [];
  const latest = new Map<string, { row: MeetingRow; type: MeetingType; date: IsoDate; next: IsoDate }>();
  const releaseMeetingCases = new Set<string>();
  for (const row of rows) {
    const type = MeetingTypeSchema.safeParse(row.meetingType);
    if (!type.success) continue;
    if (type.data === 'release') releaseMeetingCases.add(row.caseId);
    if (row.actionId !== null) {
      const action = actionItem(row, type.data, w);
      if (action) items.push(action);
    }
    if (!isDate(row.date) || (latest.get(row.caseId)?.date ?? '') >= row.date) continue;
    latest.set(row.caseId, { row, type: type.data, date: row.date, next: isDate(row.nextDate) ? row.nextDate : '' });
  }
  for (const { row, type, date, next } of latest.values()) {
    if (next <= date || next > w.until) continue;
    const item = meetingItem('no_next_meeting', next, w, 'rules.no.due.nextMeeting', { meetingDate: date, meetingType: type });
    items.push(entry(row, item, { documentId: row.documentId, documentKind: 'meeting' }));
  }
  return { items, releaseMeetingCases };
}

/** NO pkt 12: a release meeting before an expected release, for cases in custody that have had none. */
function releaseMeetingItems(db: Db, w: Window, leadDays: number, held: ReadonlySet<string>, caseId: string | null): DueListEntry[] {
  return casesReleasedBy(db, addDays(w.until, leadDays), caseId)
    .filter((row) => !held.has(row.caseId) && isDate(row.expectedRelease))
    .map((row) => {
      const dueDate = addDays(row.expectedRelease, -leadDays);
      return entry(row, meetingItem('no_release_meeting', dueDate, w, 'rules.no.due.releaseMeeting', { releaseDate: row.expectedRelease }));
    });
}

/** NO pkt 11: copies of the newest finalised follow-up plan still to be sent to region and KDI. */
function planCopyItems(db: Db, w: Window, caseId: string | null): DueListEntry[] {
  const sent = new Map<string, DistributionEntry[]>();
  for (const row of lastPlanVersionsSent(db, ['region', 'kdi'], caseId)) {
    if ((row.recipient !== 'region' && row.recipient !== 'kdi') || !isDate(row.sentOn)) continue;
    sent.set(row.documentId, [...(sent.get(row.documentId) ?? []), { version: row.version, recipient: row.recipient, sentOn: row.sentOn }]);
  }
  return finalisedPlans(db, caseId).flatMap((plan) => {
    const facts = { finalisedVersion: plan.finalVersion, finalisedOn: plan.finalisedAt.slice(0, 10), log: sent.get(plan.documentId) ?? [] };
    return planCopyDueItems(facts, w.today).map((item) => entry(plan, item, { documentId: plan.documentId, documentKind: 'follow_up_plan' }));
  });
}

function mentorReport(pair: unknown): DkMentorReport[] {
  if (!Array.isArray(pair)) return [];
  const period: unknown = pair[0];
  const receivedOn: unknown = pair[1];
  return (period === 'monthly' || period === 'quarterly') && isDate(receivedOn) ? [{ period, receivedOn, form: 'written' }] : [];
}

/** DK § 17, stk. 1 (monthly and quarterly reports) and § 13, stk. 3 (meetings every third month). */
function dkCourseItems(db: Db, w: Window, caseId: string | null): DueListEntry[] {
  const blank = newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' });
  return dkCourseRows(db, caseId).flatMap((row) => {
    if (row.variant !== 'DK' || !isDate(row.startDate)) return [];
    const course = {
      ...blank,
      startDate: row.startDate,
      ...(isDate(row.endDate) ? { endDate: row.endDate } : {}),
      meetingsHeld: parseJsonArray(row.meetingsHeld).filter(isDate),
      mentorReports: parseJsonArray(row.reports).flatMap(mentorReport),
    };
    return dkCourseDueItems(course, w.today)
      .filter((item) => item.dueDate <= w.until)
      .map((item) => entry(row, item, { documentId: row.documentId, documentKind: 'mentor_course' }));
  });
}

const STATUS_RANK = { overdue: 0, due: 1, upcoming: 2 } as const;

/** Overdue first, then due today, then upcoming; by date, then case, then kind within each. */
export function compareDueEntries(a: DueListEntry, b: DueListEntry): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.caseReference.localeCompare(b.caseReference) ||
    a.kind.localeCompare(b.kind) ||
    (a.period ?? 0) - (b.period ?? 0) ||
    (a.actionId ?? '').localeCompare(b.actionId ?? '')
  );
}

/**
 * Everything overdue, due today or due within the horizon, for the whole vault or one case: live
 * cases and documents only, current versions only, each item with its citation and its place.
 * The profile chooses the provisions: NO pkt 11-12 in a NO vault, DK §§ 13 and 17 in a DK vault.
 */
export function computeDueList(db: Db, options: DueListOptions): DueListEntry[] {
  const caseId = options.caseId ?? null;
  const w: Window = { today: options.today, until: addDays(options.today, options.horizonDays ?? 14) };
  if (options.profile === 'DK') return dkCourseItems(db, w, caseId).sort(compareDueEntries);
  const meetings = meetingDueItems(meetingRows(db, w.until, caseId), w);
  const releases = releaseMeetingItems(db, w, options.releaseMeetingLeadDays ?? 30, meetings.releaseMeetingCases, caseId);
  return [...meetings.items, ...planCopyItems(db, w, caseId), ...releases].sort(compareDueEntries);
}
