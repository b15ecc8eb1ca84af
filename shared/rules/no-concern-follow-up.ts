import type { IsoDate } from '../domain';
import { compareDates } from '../domain';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem } from './due-items';

/** What follows a finalised concern in its case: the concern report and the start-up meeting. */
export interface ConcernFollowUpFacts {
  /** The local day the concern was first finalised. */
  readonly finalisedOn: IsoDate;
  /** The day the concern arose, as the concern records it (NO pkt 5), if it does. */
  readonly raisedOn?: IsoDate;
  /**
   * The newest day by which one of the case's concern reports had gone to police and PST, with its copy
   * to region and KDI, by the distribution log; absent while none has gone to all four.
   */
  readonly reportSentOn?: IsoDate;
  /** Dates of the case's start-up meetings (NO pkt 12), held or called. */
  readonly startupMeetingDates: readonly IsoDate[];
  /**
   * NO pkt 5 and 7: the local day the concern first took the position that registration in Infoflyt is
   * needed, while its newest final version still takes it; absent otherwise.
   */
  readonly infoflytNeededOn?: IsoDate;
  /** NO pkt 7: whether the case records the request to KDI as sent, or the registration as made. */
  readonly infoflytRequested: boolean;
}

export const CONCERN_REPORT_DUE = { messageKey: 'rules.no.due.concernReport', citation: CITATIONS.no6 } as const;
export const STARTUP_MEETING_DUE = { messageKey: 'rules.no.due.startupMeeting', citation: CITATIONS.no12 } as const;
export const INFOFLYT_REQUEST_DUE = { messageKey: 'rules.no.due.infoflytRequest', citation: CITATIONS.no7 } as const;

/**
 * The day of the concern: the day it arose, where recorded, else the day its document was finalised.
 * A concern cannot be finalised before it arose, so a later recorded day (a typing slip) gives way.
 */
export function concernDay(facts: Pick<ConcernFollowUpFacts, 'finalisedOn' | 'raisedOn'>): IsoDate {
  const { raisedOn, finalisedOn } = facts;
  // Stryker disable next-line EqualityOperator: on the same day either date is the day of the concern
  return raisedOn !== undefined && compareDates(raisedOn, finalisedOn) < 0 ? raisedOn : finalisedOn;
}

/**
 * NO pkt 6: "Dersom det foreligger informasjon som gir grunnlag for bekymring skal lokalt nivå sendes
 * bekymringsmelding til politiet og PST. Regionalt nivå og KDI skal varsles med kopi av oversendelsen"
 * — due from the day of the concern until a concern report has been sent to all four on or after it.
 * NO pkt 12: "Dersom bekymringen oppstår under gjennomføring skal det innkalles til møte så tidlig som
 * mulig" — a start-up meeting dated on or after that day clears it. The texts give no later deadline,
 * so both are due on the day of the concern. That day is when it arose, not when its investigation
 * (pkt 5) was finalised: a report and a meeting made promptly, before then, answer it.
 */
export function concernFollowUpDueItems(facts: ConcernFollowUpFacts, today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  const dueDate = concernDay(facts);
  const status = dueStatus(dueDate, today);
  const reported = facts.reportSentOn !== undefined && compareDates(facts.reportSentOn, dueDate) >= 0;
  if (!reported) items.push({ kind: 'no_concern_report', dueDate, status, ...CONCERN_REPORT_DUE, params: {} });
  const met = facts.startupMeetingDates.some((date) => compareDates(date, dueDate) >= 0);
  if (!met) items.push({ kind: 'no_startup_meeting', dueDate, status, ...STARTUP_MEETING_DUE, params: {} });
  return [...items, ...infoflytRequestItems(facts, today)];
}

/**
 * NO pkt 7: "Dersom lokalt eller regionalt nivå mener det bør foretas slik registrering, skal det sendes
 * anmodning til KDI om dette", and registration "skal … besluttes før videre behandling av
 * opplysningene". A finalised concern that finds registration needed (its pkt 5 position) asks for the
 * request from the day it took that position, until the case records the request sent or the
 * registration made. The text gives no later deadline.
 */
function infoflytRequestItems(facts: ConcernFollowUpFacts, today: IsoDate): DueItem[] {
  const dueDate = facts.infoflytNeededOn;
  if (dueDate === undefined || facts.infoflytRequested) return [];
  return [
    { kind: 'no_infoflyt_request', dueDate, status: dueStatus(dueDate, today), ...INFOFLYT_REQUEST_DUE, params: {} },
  ];
}
