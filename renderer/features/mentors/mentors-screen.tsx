import { useEffect, useState } from 'react';
import { UserPlus, Users } from 'lucide-react';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { MentorDetail } from './mentor-detail';
import { MentorFormView } from './mentor-form';
import { MentorList } from './mentor-list';
import { useMentorCourses, useMentors } from './use-mentor-data';
import { useWorkloadLimit } from '../../lib/use-workload-limit';
import '../exchange/exchange.css';
import './mentors.css';
import { DeletedRecords } from '../purge/deleted-records';

type Mode = 'view' | 'edit' | 'new';

function focusHeading(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The mentor register (DOMAIN.md item 9): every mentor with suitability and its citations, workload
 * against the half-time limit (DK § 15), courses with their timelines, and the mentor compartment.
 */
export function MentorsScreen({ mentorId }: { mentorId?: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const { hours: limit, failure: limitFailure } = useWorkloadLimit(profile === 'DK');
  const [loaded, reload, altered] = useMentors();
  const [mode, setMode] = useState<Mode>('view');
  // The record just saved, until the reloaded list has caught up with it.
  const [recent, setRecent] = useState<MentorView | null>(null);
  const mentors = loaded.state === 'ready' ? loaded.value : [];
  const found = mentorId ? mentors.find((m) => m.id === mentorId) : mentors[0];
  const selected =
    recent && recent.id === (mentorId ?? found?.id) && (!found || recent.currentVersion >= found.currentVersion)
      ? recent
      : found;
  const courses = useMentorCourses(selected?.courseIds ?? []);

  useEffect(() => setMode('view'), [mentorId]);

  const select = (id: string) => {
    navigate({ screen: 'mentors', mentorId: id });
    focusHeading('mentor-detail-title');
  };
  const startNew = () => {
    setMode('new');
    focusHeading('mentor-form-title');
  };

  return (
    <UnlockedShell screen="mentors">
      <div className="content">
        <PageHeader
          title={t('mentors.title')}
          description={<p>{t(profile === 'DK' ? 'mentors.introDk' : 'mentors.introNo')}</p>}
          actions={
            <Button variant="primary" icon={UserPlus} onClick={startNew} data-testid="mentor-new">
              {t('mentors.new')}
            </Button>
          }
        />
        {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reload} /> : null}
        {altered > 0 ? <StatusMessage tone="error" title={t('mentors.altered', { count: altered })} /> : null}
        {limitFailure ? <LoadFailed error={limitFailure.error} onRetry={limitFailure.retry} /> : null}
        {loaded.state === 'loading' ? <div className="mentors-skeleton" aria-busy="true" /> : null}
        {loaded.state === 'ready' && mentors.length === 0 && mode !== 'new' ? (
          <EmptyState
            icon={Users}
            titleId="mentors-empty-title"
            title={t('mentors.empty.title')}
            text={t('mentors.empty.hint')}
            testId="mentors-empty"
          />
        ) : null}
        {loaded.state === 'ready' && (mentors.length > 0 || mode === 'new') ? (
          <div className="mentors-layout">
            {mentors.length > 0 ? (
              <nav className="mentors-sidebar" aria-label={t('mentors.list.label')}>
                <MentorList
                  mentors={mentors}
                  profile={profile}
                  limit={limit}
                  selectedId={mode === 'new' ? undefined : selected?.id}
                  onSelect={select}
                />
              </nav>
            ) : null}
            <div className="mentors-main">
              {mode === 'new' ? (
                <MentorFormView
                  profile={profile}
                  courses={[]}
                  limit={limit}
                  onCancel={() => setMode('view')}
                  onSaved={(saved) => {
                    setRecent(saved);
                    reload();
                    setMode('view');
                    select(saved.id);
                  }}
                />
              ) : selected && mode === 'edit' ? (
                <MentorFormView
                  key={selected.id}
                  profile={profile}
                  mentor={selected}
                  courses={courses.state === 'ready' ? courses.value.courses : []}
                  limit={limit}
                  onCancel={() => {
                    setMode('view');
                    focusHeading('mentor-detail-title');
                  }}
                  onSaved={(saved) => {
                    setRecent(saved);
                    reload();
                    setMode('view');
                    focusHeading('mentor-detail-title');
                  }}
                />
              ) : selected ? (
                <MentorDetail
                  key={selected.id}
                  mentor={selected}
                  profile={profile}
                  limit={limit}
                  courses={courses}
                  onEdit={() => {
                    setMode('edit');
                    focusHeading('mentor-form-title');
                  }}
                  onDeleted={() => {
                    reload();
                    navigate({ screen: 'mentors' });
                  }}
                />
              ) : (
                <StatusMessage tone="warning" title={t('mentors.notFound')} />
              )}
            </div>
          </div>
        ) : null}
        <DeletedRecords kind="mentor" refreshKey={String(mentors.length)} />
      </div>
    </UnlockedShell>
  );
}
