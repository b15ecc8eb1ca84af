import { CalendarCheck, CalendarClock, CalendarX, CircleCheck, type LucideIcon } from 'lucide-react';
import type { DueListItem } from '../../../shared/ipc/due';
import { citationText } from '../../../shared/rules/finding-text';
import { useI18n } from '../../app/i18n';
import { formatIsoDate } from '../../lib/date-format';
import type { MentorCourse } from './mentor-findings';
import { courseTimeline, type TimelineState } from './timeline';

const STATE_ICON: Record<TimelineState, LucideIcon> = {
  done: CircleCheck,
  due: CalendarClock,
  overdue: CalendarX,
  upcoming: CalendarCheck,
};

const STATE_KEY = {
  done: 'mentors.timeline.state.done',
  due: 'mentors.timeline.state.due',
  overdue: 'mentors.timeline.state.overdue',
  upcoming: 'mentors.timeline.state.upcoming',
} as const satisfies Record<TimelineState, string>;

/** Meetings and reports of one course in date order, with what is due or overdue marked and cited. */
export function CourseTimeline({ course, due }: { course: MentorCourse; due: readonly DueListItem[] }) {
  const { t, locale } = useI18n();
  const entries = courseTimeline(course.id, course.content, due);
  if (entries.length === 0) return <p className="panel-description">{t('mentors.timeline.empty')}</p>;
  return (
    <ol
      className="timeline"
      aria-label={t('mentors.timeline.label', { reference: course.caseReference || '–' })}
      data-testid="course-timeline"
    >
      {entries.map((entry, index) => {
        const Icon = STATE_ICON[entry.state];
        const params = { ...entry.params, dueDate: formatIsoDate(locale, entry.date) };
        return (
          <li key={index} className={`timeline-entry timeline-${entry.state}`} data-state={entry.state}>
            <Icon className="icon timeline-icon" aria-hidden="true" />
            <span className="timeline-date">{formatIsoDate(locale, entry.date)}</span>
            <span className="timeline-text">
              {t(entry.messageKey, params)}
              {entry.citation ? <cite className="finding-citation">{citationText(locale, entry.citation)}</cite> : null}
            </span>
            <span className={`timeline-state timeline-state-${entry.state}`}>{t(STATE_KEY[entry.state])}</span>
          </li>
        );
      })}
    </ol>
  );
}
