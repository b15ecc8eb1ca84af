import { useState } from 'react';
import { Pencil, Trash2 } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { CompartmentPanel } from './compartment-panel';
import { DeleteWithReasonDialog } from './delete-with-reason-dialog';
import { FindingsList } from './findings-list';
import { MentorCourses } from './mentor-courses';
import { MentorFacts } from './mentor-facts';
import { isSuitable, mentorFindings } from './mentor-findings';
import { localToday } from './today';
import type { CoursesAndDue, Loadable } from './use-mentor-data';
import { WorkloadMeter } from './workload-meter';
import './forms.css';

export interface MentorDetailProps {
  mentor: MentorView;
  profile: Profile;
  limit: number;
  courses: Loadable<CoursesAndDue>;
  onEdit(): void;
  onDeleted(): void;
}

/** One mentor: suitability with citations, workload, courses with their timelines, and the compartment. */
export function MentorDetail({ mentor, profile, limit, courses, onEdit, onDeleted }: MentorDetailProps) {
  const { t, tError } = useI18n();
  const [deleting, setDeleting] = useState(false);
  const loadedCourses = courses.state === 'ready' ? courses.value.courses : [];
  const findings = mentorFindings(profile, mentor, loadedCourses, localToday(), mentor.weeklyHours, limit);
  const suitable = isSuitable(findings);
  return (
    <article
      className="mentor-detail"
      aria-labelledby="mentor-detail-title"
      data-testid="mentor-detail"
      data-mentor-id={mentor.id}
    >
      <header className="mentor-detail-header">
        <div>
          <h2 id="mentor-detail-title" className="mentor-detail-title" tabIndex={-1}>
            {mentor.name}
          </h2>
          <p
            className={suitable ? 'suitability suitability-ok' : 'suitability suitability-blocked'}
            data-testid="mentor-suitability"
          >
            {suitable ? t('mentors.findings.suitable') : t('mentors.findings.notSuitable')}
          </p>
        </div>
        <div className="page-header-actions">
          <Button icon={Pencil} onClick={onEdit} data-testid="mentor-edit">
            {t('mentors.edit')}
          </Button>
          <Button variant="ghost" icon={Trash2} onClick={() => setDeleting(true)}>
            {t('mentors.delete.open')}
          </Button>
        </div>
      </header>

      <section className="panel" aria-labelledby="mentor-findings-title">
        <h3 id="mentor-findings-title" className="panel-title">
          {t('mentors.findings.title')}
        </h3>
        <p className="panel-description">
          {t(profile === 'DK' ? 'mentors.findings.introDk' : 'mentors.findings.introNo')}
        </p>
        <FindingsList findings={findings} courses={loadedCourses} testId="mentor-findings" />
      </section>

      {profile === 'DK' ? (
        <section className="panel" aria-labelledby="mentor-workload-title">
          <h3 id="mentor-workload-title" className="panel-title">
            {t('mentors.workload.title')}
          </h3>
          <p className="panel-description">{t('mentors.workload.intro')}</p>
          <WorkloadMeter hours={mentor.weeklyHours} limit={limit} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="mentor-facts-title">
        <h3 id="mentor-facts-title" className="panel-title">
          {t('mentors.facts.title')}
        </h3>
        <MentorFacts mentor={mentor} profile={profile} />
      </section>

      <section
        className="panel"
        aria-labelledby="mentor-courses-title"
        aria-busy={courses.state === 'loading' || undefined}
      >
        <h3 id="mentor-courses-title" className="panel-title">
          {t('mentors.courses.heading')}
        </h3>
        {courses.state === 'loading' ? <p className="export-loading">{t('common.loading')}</p> : null}
        {courses.state === 'failed' ? <StatusMessage tone="error" title={tError(courses.error)} /> : null}
        {courses.state === 'ready' ? (
          <MentorCourses courses={courses.value.courses} due={courses.value.due} mentorId={mentor.id} />
        ) : null}
      </section>

      <CompartmentPanel profile={profile} mentorId={mentor.id} courses={loadedCourses} />
      <DeleteWithReasonDialog
        open={deleting}
        title={t('mentors.delete.title', { name: mentor.name })}
        body={t('mentors.delete.body')}
        confirmLabel={t('mentors.delete.confirm')}
        remove={(reason) => api.invoke('mentors.delete', { id: mentor.id, reason })}
        onClose={() => setDeleting(false)}
        onDeleted={onDeleted}
      />
    </article>
  );
}
