import { CircleAlert, CircleCheck } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../lib/date-format';
import { isSuitable, mentorFindings } from './mentor-findings';
import { localToday } from './today';
import { workloadBar } from './workload';

/** The register as a list of buttons; the chosen mentor is marked as the current one. */
export function MentorList({
  mentors,
  profile,
  limit,
  selectedId,
  onSelect,
}: {
  mentors: readonly MentorView[];
  profile: Profile;
  limit: number;
  selectedId: string | undefined;
  onSelect(id: string): void;
}) {
  const { t, locale } = useI18n();
  const today = localToday();
  return (
    <ul className="mentor-list" data-testid="mentor-list">
      {mentors.map((mentor) => {
        const suitable = isSuitable(mentorFindings(profile, mentor, [], today));
        const over = profile === 'DK' && workloadBar(mentor.weeklyHours, limit).over;
        const Icon = suitable ? CircleCheck : CircleAlert;
        return (
          <li key={mentor.id}>
            <button
              type="button"
              className="mentor-list-item"
              aria-current={mentor.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(mentor.id)}
              data-testid="mentor-list-item"
            >
              <span className="mentor-list-name">{mentor.name}</span>
              <span className={suitable ? 'mentor-list-meta' : 'mentor-list-meta mentor-list-meta-alert'}>
                <Icon className="icon" aria-hidden="true" />
                {suitable ? t('mentors.list.suitable') : t('mentors.list.notSuitable')}
                {profile === 'DK' ? (
                  <span className={over ? 'mentor-list-hours mentor-list-meta-alert' : 'mentor-list-hours'}>
                    {t('mentors.list.hours', { hours: formatNumber(locale, mentor.weeklyHours, 2) })}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
