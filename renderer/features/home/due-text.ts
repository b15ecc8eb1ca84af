import type { Locale } from '../../../shared/domain/profile';
import { hasMessage, translate } from '../../../shared/i18n/translate';
import type { DueListItem } from '../../../shared/ipc/due';
import { describeFinding, type DueStatus, type FindingParams } from '../../../shared/rules';
import { formatIsoDate, isIsoDate } from '../../lib/format';

/** Kind labels: the rules catalog's where it has them, the home area's for the meeting kinds. */
export const DUE_KIND_KEY = {
  dk_monthly_report: 'rules.due.kind.dk_monthly_report',
  dk_quarterly_report: 'rules.due.kind.dk_quarterly_report',
  dk_quarterly_meeting: 'rules.due.kind.dk_quarterly_meeting',
  no_plan_copy_region: 'rules.due.kind.no_plan_copy_region',
  no_plan_copy_kdi: 'rules.due.kind.no_plan_copy_kdi',
  no_concern_report: 'rules.due.kind.no_concern_report',
  no_startup_meeting: 'rules.due.kind.no_startup_meeting',
  no_infoflyt_request: 'rules.due.kind.no_infoflyt_request',
  no_arrival_meeting: 'rules.due.kind.no_arrival_meeting',
  no_visit_routine: 'rules.due.kind.no_visit_routine',
  no_future_plan: 'rules.due.kind.no_future_plan',
  no_agency_problem_report: 'rules.due.kind.no_agency_problem_report',
  no_cooperation_meeting: 'rules.due.kind.no_cooperation_meeting',
  no_municipality_contact: 'rules.due.kind.no_municipality_contact',
  no_next_meeting: 'home.due.kind.no_next_meeting',
  no_meeting_action: 'home.due.kind.no_meeting_action',
  no_release_meeting: 'home.due.kind.no_release_meeting',
  no_transfer_contact: 'handover.due.kind.no_transfer_contact',
  no_transfer_package: 'handover.due.kind.no_transfer_package',
  no_transfer_meeting: 'handover.due.kind.no_transfer_meeting',
  retention_expired: 'retention.due.kind.retention_expired',
  retention_expired_deleted: 'retention.due.kind.retention_expired_deleted',
} as const satisfies Record<DueListItem['kind'], string>;

/** Used while the rules catalog has no text of its own for a meeting item's message key. */
const FALLBACK_MESSAGE_KEY: Partial<Record<DueListItem['kind'], string>> = {
  no_next_meeting: 'home.due.message.no_next_meeting',
  no_meeting_action: 'home.due.message.no_meeting_action',
  no_release_meeting: 'home.due.message.no_release_meeting',
};

export const DUE_STATUS_KEY = {
  overdue: 'rules.due.status.overdue',
  due: 'rules.due.status.due',
  upcoming: 'rules.due.status.upcoming',
} as const satisfies Record<DueStatus, string>;

export const DUE_STATUSES: readonly DueStatus[] = ['overdue', 'due', 'upcoming'];

export type DueGroups = Record<DueStatus, DueListItem[]>;

/** Items by status, keeping the vault's order (by date, then case) within each group. */
export function groupDueItems(items: readonly DueListItem[]): DueGroups {
  const groups: DueGroups = { overdue: [], due: [], upcoming: [] };
  for (const item of items) groups[item.status].push(item);
  return groups;
}

/** Dates in the params (due date, meeting date, release date) in the locale's format. */
function localisedParams(locale: Locale, params: FindingParams): FindingParams {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params))
    out[name] = isIsoDate(value) ? formatIsoDate(locale, value) : value;
  return out;
}

export interface DueItemText {
  /** What kind of thing is due, e.g. "Kopi av oppfølgingsplan til KDI". */
  title: string;
  /** The rule's own sentence, without the citation; empty when there is none. */
  message: string;
  /** The provision, e.g. "NO pkt 11" or "DK § 17, stk. 1". */
  citation: string;
}

export function dueItemText(locale: Locale, item: DueListItem): DueItemText {
  const title = translate(locale, DUE_KIND_KEY[item.kind]);
  const messageKey = hasMessage(locale, item.messageKey) ? item.messageKey : FALLBACK_MESSAGE_KEY[item.kind];
  const described = describeFinding(locale, {
    messageKey: messageKey ?? DUE_KIND_KEY[item.kind],
    params: localisedParams(locale, item.params),
    citation: item.citation,
  });
  return { title, message: messageKey ? described.message : '', citation: described.citation };
}
