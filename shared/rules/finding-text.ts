import type { Locale } from '../domain';
import { hasMessage, translate } from '../i18n/translate';
import type { Citation, Finding, FindingParams } from './finding';

/**
 * Params that hold an enum value or a field name are shown by their label: `{agency}` = "politi"
 * becomes "Politiet". Prefix + value is the label's message key in the `domain` catalog.
 */
const PARAM_LABELS: Readonly<Record<string, string>> = {
  agency: 'domain.agency.',
  meetingType: 'domain.meetingType.',
  party: 'domain.reportParty.',
  recipient: 'domain.recipient.',
  point: 'domain.concern.',
  section: 'domain.followUpPlan.',
  routineSection: 'domain.visitRoutine.',
  planPart: 'domain.mentorCourse.plan.',
  purpose: 'domain.subsidyPurpose.',
  profile: 'domain.profile.',
  statusElement: 'regulatory.statusReport.label.',
};

function labelledParams(locale: Locale, params: FindingParams): FindingParams {
  const out: Record<string, string | number | boolean> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const prefix = PARAM_LABELS[name];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: no catalog key starts with "undefined" and no label key is a number, so hasMessage refuses what the guards would
    if (prefix && typeof value === 'string' && hasMessage(locale, prefix + value))
      out[name] = translate(locale, prefix + value);
  }
  return out;
}

/**
 * "NO pkt 6", "DK § 5, stk. 1, nr. 1", or for Bro's own practice its badge in the locale ("Bro's
 * practice"), so a reader never takes Bro's figure for the text.
 */
export function citationText(locale: Locale, citation: Citation): string {
  return citation.source === 'local' ? translate(locale, 'rules.local.badge') : citation.text;
}

/** Bro's practice, shown as a badge with its reason (and the provision it reads), or undefined for a provision. */
export function localPracticeText(
  locale: Locale,
  citation: Citation,
): { badge: string; reason: string; reading?: string } | undefined {
  if (citation.source !== 'local') return undefined;
  const { reasonKey, reading } = citation.localPractice;
  const badge = translate(locale, 'rules.local.badge');
  const reason = translate(locale, reasonKey);
  return reading === undefined ? { badge, reason } : { badge, reason, reading };
}

/** The finding's message in the locale, without and with its citation, and Bro's practice if it is that. */
export function describeFinding(locale: Locale, finding: Pick<Finding, 'messageKey' | 'params' | 'citation'>) {
  const message = translate(locale, finding.messageKey, labelledParams(locale, finding.params));
  const citation = citationText(locale, finding.citation);
  const practice = localPracticeText(locale, finding.citation);
  return { message, citation, practice, text: `${message} (${citation})` };
}
