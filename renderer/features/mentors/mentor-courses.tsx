import { ExternalLink } from 'lucide-react';
import type { DueListItem } from '../../../shared/ipc/due';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { formatIsoDate, formatNumber } from '../../lib/date-format';
import { CourseTimeline } from './course-timeline';
import type { MentorCourse } from './mentor-findings';

/** What this mentor's place on the course says: agreed hours and relation (DK), contract (NO). */
function AssignmentLine({ course, mentorId }: { course: MentorCourse; mentorId: string }) {
  const { t, locale } = useI18n();
  const content = course.content;
  if (content.variant === 'DK') {
    const assignment = content.mentors.find((m) => m.mentorId === mentorId);
    if (!assignment) return null;
    const relation =
      assignment.closeRelation === undefined
        ? t('mentors.courses.relationUnknown')
        : assignment.closeRelation
          ? t('mentors.courses.closeRelation')
          : t('mentors.courses.noCloseRelation');
    return (
      <p className="course-assignment">
        {t('mentors.courses.hours', { hours: formatNumber(locale, assignment.agreedWeeklyHours, 2) })} · {relation}
        {assignment.relationDescription ? ` (${assignment.relationDescription})` : ''}
      </p>
    );
  }
  const assignment = content.mentors.find((m) => m.mentorId === mentorId);
  return (
    <p className="course-assignment">
      {assignment?.contractSignedOn
        ? t('mentors.courses.contractSigned', { date: formatIsoDate(locale, assignment.contractSignedOn) })
        : t('mentors.courses.noContract')}
    </p>
  );
}

/** Each course the mentor is on, with its timeline of meetings, reports and what is due. */
export function MentorCourses({
  courses,
  due,
  mentorId,
}: {
  courses: readonly MentorCourse[];
  due: readonly DueListItem[];
  mentorId: string;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  if (courses.length === 0) return <p className="panel-description">{t('mentors.courses.none')}</p>;
  return (
    <ul className="course-list">
      {courses.map((course) => (
        <li key={course.id} className="course-card" data-testid="mentor-course">
          <div className="course-card-header">
            <h4 className="course-card-title">
              {t('mentors.courses.title', { reference: course.caseReference || '–' })}
            </h4>
            <Button
              variant="link"
              icon={ExternalLink}
              onClick={() => navigate({ screen: 'document', documentId: course.id })}
            >
              {t('mentors.courses.open', { reference: course.caseReference || '–' })}
            </Button>
          </div>
          <AssignmentLine course={course} mentorId={mentorId} />
          <CourseTimeline course={course} due={due} />
        </li>
      ))}
    </ul>
  );
}
