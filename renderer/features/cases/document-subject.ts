import type { KindedContent, Locale } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { MEETING_TYPE_KEY } from '../../lib/document-labels';
import { formatIsoDate, formatTimestamp } from '../../lib/format';

/** A short preview of what a document says, at most this long. */
const PREVIEW_LENGTH = 80;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

function joined(parts: readonly (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(' · ');
}

/**
 * One line that tells documents of a kind apart in a list: the date that matters for the kind and a
 * word or two of what it is about. Empty when the draft has nothing yet.
 */
export function documentSubject(locale: Locale, data: KindedContent): string {
  const date = (value: string | undefined) => (value ? formatIsoDate(locale, value) : undefined);
  switch (data.kind) {
    case 'observation':
      return joined([
        data.content.observedAt ? formatTimestamp(locale, data.content.observedAt) : undefined,
        preview(data.content.seenOrHeard),
      ]);
    case 'concern':
      return joined([date(data.content.raisedOn), preview(data.content.description)]);
    case 'concern_report':
      return joined([date(data.content.reportDate), preview(data.content.cause)]);
    case 'follow_up_plan':
      return joined([date(data.content.completionAssessment.assessedOn), data.content.responsibleUnitHead]);
    case 'future_plan':
      return joined([date(data.content.offeredOn), preview(data.content.plan)]);
    case 'meeting':
      return joined([
        translate(locale, MEETING_TYPE_KEY[data.content.meetingType]),
        date(data.content.date),
        data.content.place,
      ]);
    case 'visit_routine':
      return joined([data.content.mentorName, data.content.visitFrequency]);
    case 'mentor_course':
      return joined([date(data.content.startDate)]);
  }
}
