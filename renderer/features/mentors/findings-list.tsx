import { CircleAlert, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Locale } from '../../../shared/domain/profile';
import type { Finding, Severity } from '../../../shared/rules/finding';
import { describeFinding } from '../../../shared/rules/finding-text';
import { useI18n } from '../../app/i18n';
import { CitationLabel } from '../../components/citation-label';
import { formatNumber } from '../../lib/date-format';
import type { MentorCourse, MentorFinding } from './mentor-findings';

const ICON: Record<Severity, LucideIcon> = { blocking: CircleAlert, warning: TriangleAlert, info: Info };

const SEVERITY_KEY = {
  blocking: 'mentors.severity.blocking',
  warning: 'mentors.severity.warning',
  info: 'mentors.severity.info',
} as const satisfies Record<Severity, string>;

/** Numbers in a finding's message in the locale's form ("18,5 timer"). */
function localised(locale: Locale, finding: Finding): Finding {
  const params = Object.fromEntries(
    Object.entries(finding.params).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatNumber(locale, value, 2) : value,
    ]),
  );
  return { ...finding, params };
}

/**
 * Suitability findings with their citation beside the text ("Mentor skal forstå og tale dansk —
 * DK § 5, stk. 1, nr. 2"), and the course a finding concerns when it depends on the person.
 */
export function FindingsList({
  findings,
  courses = [],
  testId,
}: {
  findings: readonly MentorFinding[];
  courses?: readonly MentorCourse[];
  testId?: string;
}) {
  const { t, locale } = useI18n();
  if (findings.length === 0) {
    return (
      <p className="findings-none" data-testid={testId} data-count={0}>
        {t('mentors.findings.none')}
      </p>
    );
  }
  return (
    <ul className="findings" data-testid={testId} data-count={findings.length}>
      {findings.map(({ finding, courseId }, index) => {
        const Icon = ICON[finding.severity];
        const { message, citation, practice } = describeFinding(locale, localised(locale, finding));
        const course = courseId ? courses.find((c) => c.id === courseId) : undefined;
        return (
          <li
            key={`${finding.ruleId}-${courseId ?? ''}-${index}`}
            className={`finding finding-${finding.severity}`}
            data-rule={finding.ruleId}
          >
            <Icon className="icon finding-icon" aria-hidden="true" />
            <span className="visually-hidden">{t(SEVERITY_KEY[finding.severity])}</span>
            <span className="finding-text">
              {message}
              {course ? (
                <span className="finding-course">
                  {t('mentors.findings.inCourse', { reference: course.caseReference || '–' })}
                </span>
              ) : null}
            </span>
            <cite className="finding-citation" data-testid="finding-citation">
              {practice ? <CitationLabel citation={finding.citation} /> : citation}
            </cite>
          </li>
        );
      })}
    </ul>
  );
}
