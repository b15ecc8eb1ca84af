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
};

function labelledParams(locale: Locale, params: FindingParams): FindingParams {
  const out: Record<string, string | number | boolean> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const prefix = PARAM_LABELS[name];
    if (prefix && typeof value === 'string' && hasMessage(locale, prefix + value))
      out[name] = translate(locale, prefix + value);
  }
  return out;
}

/** "NO pkt 6", "DK § 5, stk. 1, nr. 1", or the name of one of Bro's own rules in the locale. */
export function citationText(locale: Locale, citation: Citation): string {
  return citation.source === 'policy' ? translate(locale, citation.labelKey) : citation.text;
}

/** The finding's message in the locale, without and with its citation. */
export function describeFinding(locale: Locale, finding: Pick<Finding, 'messageKey' | 'params' | 'citation'>) {
  const message = translate(locale, finding.messageKey, labelledParams(locale, finding.params));
  const citation = citationText(locale, finding.citation);
  return { message, citation, text: `${message} (${citation})` };
}
