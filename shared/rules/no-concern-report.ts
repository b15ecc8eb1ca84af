import type { ConcernReportContent, ReportParty } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 6: the report's three contents, to police and PST, with a copy to region and KDI. */
export const NO_CONCERN_REPORT_RULES = {
  cause: defineRule('no.concernReport.cause', 'rules.no.concernReport.cause', CITATIONS.no6, 'blocking'),
  measures: defineRule('no.concernReport.measures', 'rules.no.concernReport.measures', CITATIONS.no6, 'blocking'),
  notified: defineRule('no.concernReport.notified', 'rules.no.concernReport.notified', CITATIONS.no6, 'blocking'),
  recipient: defineRule('no.concernReport.recipient', 'rules.no.concernReport.recipient', CITATIONS.no6, 'blocking'),
  copy: defineRule('no.concernReport.copy', 'rules.no.concernReport.copy', CITATIONS.no6, 'blocking'),
} as const;

const R = NO_CONCERN_REPORT_RULES;
const RECIPIENTS: readonly ReportParty[] = ['politi', 'pst'];
const COPIES: readonly ReportParty[] = ['region', 'kdi'];

export function checkConcernReport(content: ConcernReportContent): Finding[] {
  const findings: Finding[] = [];
  if (!isFilled(content.cause)) findings.push(emit(R.cause, { field: 'cause' }));
  if (!isFilled(content.measures)) findings.push(emit(R.measures, { field: 'measures' }));
  if (!isFilled(content.whoHasBeenNotified)) findings.push(emit(R.notified, { field: 'whoHasBeenNotified' }));
  const has = (role: 'recipient' | 'copy', party: ReportParty) =>
    content.addressees.some((a) => a.role === role && a.party === party);
  for (const party of RECIPIENTS) {
    if (!has('recipient', party)) findings.push(emit(R.recipient, { field: 'addressees', params: { party } }));
  }
  for (const party of COPIES) {
    if (!has('copy', party)) findings.push(emit(R.copy, { field: 'addressees', params: { party } }));
  }
  return findings;
}
