import type { PurgePlan } from '../../../shared/ipc/purge';
import { useI18n } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';

/** What the purge removes, counted by the service; mentor records wait for the compartment. */
export function PurgeCounts({ plan }: { plan: PurgePlan }) {
  const { t } = useI18n();
  return (
    <div className="purge-counts" data-testid="purge-counts">
      <p>
        {plan.closedOn === null
          ? t('purge.plan.open')
          : plan.dueOn === null
            ? t('purge.dialog.courseRunning', { closedOn: plan.closedOn })
            : t(plan.due ? 'purge.dialog.due' : 'purge.dialog.notDue', { closedOn: plan.closedOn, dueOn: plan.dueOn })}
      </p>
      <ul>
        <li>{t('purge.dialog.documents', { documents: plan.documents.length, versions: plan.versions })}</li>
        <li>{t('purge.dialog.received', { count: plan.receivedFiles })}</li>
        <li>{t('purge.dialog.exports', { count: plan.exportLogEntries })}</li>
        <li>{t('purge.dialog.distributions', { count: plan.distributions })}</li>
        <li>{t('purge.dialog.search', { count: plan.searchEntries })}</li>
        <li>
          {plan.mentorRecords === null
            ? t('purge.dialog.mentorSealed')
            : t('purge.dialog.mentor', { count: plan.mentorRecords })}
        </li>
        <li>{t('purge.dialog.handover', { count: plan.handoverRecords })}</li>
        <li>{t('purge.dialog.innsyn', { count: plan.innsynCopies })}</li>
      </ul>
      {plan.compartmentNeeded && plan.mentorRecords === null ? (
        <StatusMessage tone="warning" title={t('purge.dialog.mentorWaits')} />
      ) : null}
    </div>
  );
}
