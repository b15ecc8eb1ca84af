import type { KindedContent, Profile } from '../../../shared/domain';
import { describeFinding } from '../../../shared/rules/finding-text';
import { FINDINGS_MAX, type DocumentViewInput } from '../pdf/document-view';
import { concernBlocks, concernReportBlocks, futurePlanBlocks, observationBlocks } from './case-document-views';
import { local } from './local-time';
import { dkMentorCourseBlocks, noMentorCourseBlocks } from './mentor-course-views';
import { followUpPlanBlocks, meetingBlocks, visitRoutineBlocks } from './template-views';
import { EMPTY, label, ViewBuilder } from './view-builder';
import type { ViewSource } from './view-source';

const CONTENT_LANGUAGE: Readonly<Record<Profile, string>> = { NO: 'nb-NO', DK: 'da-DK' };

/** The title when no template gives one: the template's default title for the kinds that have one. */
function defaultTitleKey(data: KindedContent): string {
  switch (data.kind) {
    case 'follow_up_plan':
      return 'domain.template.followUpPlan.title';
    case 'meeting':
      return `domain.template.meeting.${data.content.meetingType}.title`;
    case 'visit_routine':
      return 'domain.template.visitRoutine.title';
    default:
      return `domain.kind.${data.kind}`;
  }
}

function kindBlocks(b: ViewBuilder, source: ViewSource): void {
  const { data, template } = source;
  const names = source.mentorNames ?? {};
  switch (data.kind) {
    case 'observation':
      return observationBlocks(b, data.content);
    case 'concern':
      return concernBlocks(b, data.content);
    case 'concern_report':
      return concernReportBlocks(b, data.content);
    case 'follow_up_plan':
      return followUpPlanBlocks(b, data.content, template);
    case 'future_plan':
      return futurePlanBlocks(b, data.content);
    case 'meeting':
      return meetingBlocks(b, data.content, template);
    case 'visit_routine':
      return visitRoutineBlocks(b, data.content, template);
    case 'mentor_course':
      return data.content.variant === 'NO'
        ? noMentorCourseBlocks(b, data.content, names)
        : dkMentorCourseBlocks(b, data.content, names);
  }
}

function findingBlocks(b: ViewBuilder, source: ViewSource): void {
  if (source.findings.length === 0) return;
  b.heading(b.t('export.view.findings'));
  const findings = source.findings.map((finding) => {
    const { message, citation } = describeFinding(source.locale, finding);
    return { severity: finding.severity, text: message, citation };
  });
  // A DK course with a thousand reports can raise more than one block holds: every one is printed.
  for (let start = 0; start < findings.length; start += FINDINGS_MAX)
    b.blocks.push({ type: 'findings', findings: findings.slice(start, start + FINDINGS_MAX) });
}

/**
 * One document version as a printable view: who it concerns, a draft notice when it is not final (and
 * the draft flag, so the page frame marks every page), the kind's sections (with the template's
 * headings where it came from one) and the rule findings with their citations. Exactly one document:
 * a future plan and a follow-up plan are never merged (NO pkt 10), and conversation records are never
 * read (NO pkt 13.5).
 */
export function documentViewFor(source: ViewSource): DocumentViewInput {
  const b = new ViewBuilder(source.locale, source.template);
  b.keyValues([
    [b.t('domain.case.name'), b.text(source.person.name)],
    [b.t('domain.case.birthDate'), b.date(source.person.birthDate)],
    [b.t('domain.case.unit'), b.text(source.person.unit)],
  ]);
  if (source.version.status === 'draft') b.notice(b.t('export.view.draftNotice'));
  kindBlocks(b, source);
  findingBlocks(b, source);
  const defaultTitle = b.t(defaultTitleKey(source.data));
  return {
    locale: source.locale,
    contentLanguage: CONTENT_LANGUAGE[source.profile],
    title: label(source.template?.title ?? '', defaultTitle),
    kindLabel: b.t(`domain.kind.${source.data.kind}`),
    caseReference: label(source.person.caseReference, EMPTY),
    version: source.version.number,
    draft: source.version.status === 'draft',
    dates: {
      created: local(source.version.documentCreatedAt),
      ...(source.version.finalisedAt ? { finalised: local(source.version.finalisedAt) } : {}),
      printed: local(source.printedAt),
    },
    grading: source.grading,
    blocks: b.blocks,
  };
}
