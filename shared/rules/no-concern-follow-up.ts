import type { IsoDate } from '../domain';
import { compareDates } from '../domain';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem } from './due-items';

/** What follows a finalised concern in its case: the concern report and the start-up meeting. */
export interface ConcernFollowUpFacts {
  /** When the concern was first finalised (a UTC timestamp) and the local day that was. */
  readonly finalisedAt: string;
  readonly finalisedOn: IsoDate;
  /** When the case's newest concern report was finalised (UTC timestamp), if ever. */
  readonly reportFinalisedAt?: string;
  /** Dates of the case's start-up meetings (NO pkt 12), held or called. */
  readonly startupMeetingDates: readonly IsoDate[];
}

export const CONCERN_REPORT_DUE = { messageKey: 'rules.no.due.concernReport', citation: CITATIONS.no6 } as const;
export const STARTUP_MEETING_DUE = { messageKey: 'rules.no.due.startupMeeting', citation: CITATIONS.no12 } as const;

/**
 * NO pkt 6: "Dersom det foreligger informasjon som gir grunnlag for bekymring skal lokalt nivå sendes
 * bekymringsmelding til politiet og PST" — a concern finalised with no concern report finalised since
 * is due from that day. NO pkt 12: "Dersom bekymringen oppstår under gjennomføring skal det innkalles
 * til møte så tidlig som mulig" — a start-up meeting dated on or after that day clears it. The texts
 * give no later deadline, so both are due on the day of the concern.
 */
export function concernFollowUpDueItems(facts: ConcernFollowUpFacts, today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  const dueDate = facts.finalisedOn;
  const status = dueStatus(dueDate, today);
  // Stryker disable next-line ConditionalExpression: undefined >= a date is false, as the guard is
  const reported = facts.reportFinalisedAt !== undefined && facts.reportFinalisedAt >= facts.finalisedAt;
  if (!reported) items.push({ kind: 'no_concern_report', dueDate, status, ...CONCERN_REPORT_DUE, params: {} });
  const met = facts.startupMeetingDates.some((date) => compareDates(date, facts.finalisedOn) >= 0);
  if (!met) items.push({ kind: 'no_startup_meeting', dueDate, status, ...STARTUP_MEETING_DUE, params: {} });
  return items;
}
