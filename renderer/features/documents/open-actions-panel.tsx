import type { MeetingAction } from '../../../shared/domain';
import { useI18n } from '../../app/i18n';
import { DocTable } from './doc-table';
import { formatIsoDate } from './format';
import { ACTION_STATUS_KEY, AGENCY_KEY } from '../../lib/document-labels';
import { EditorSection } from './titled-section';

/** Open actions decided in the case's meetings, shown beside the plan they feed into (NO pkt 12). */
export function OpenActionsPanel({ actions }: { actions: readonly MeetingAction[] | null }) {
  const { t, locale } = useI18n();
  return (
    <EditorSection
      id="open-actions-heading"
      title={t('editors.plan.openActionsHeading')}
      intro={t('editors.plan.openActionsIntro')}
      testId="plan-open-actions"
    >
      {actions === null ? (
        <div className="doc-skeleton" />
      ) : actions.length === 0 ? (
        <p className="muted">{t('editors.plan.noOpenActions')}</p>
      ) : (
        <DocTable
          caption={t('editors.plan.openActionsHeading')}
          columns={[
            { label: t('domain.meeting.action.description') },
            { label: t('domain.meeting.action.owner') },
            { label: t('domain.meeting.action.deadline') },
            { label: t('domain.meeting.action.status') },
          ]}
        >
          {actions.map((action) => (
            <tr key={action.id}>
              <td className="doc-note-cell">{action.description}</td>
              <td>
                {[action.owner, action.ownerAgency ? t(AGENCY_KEY[action.ownerAgency]) : null]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>{action.deadline ? formatIsoDate(locale, action.deadline) : ''}</td>
              <td>{t(ACTION_STATUS_KEY[action.status])}</td>
            </tr>
          ))}
        </DocTable>
      )}
    </EditorSection>
  );
}
