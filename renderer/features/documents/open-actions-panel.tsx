import type { MeetingAction } from '../../../shared/domain';
import { useI18n } from '../../app/i18n';
import { formatIsoDate } from './format';
import { ACTION_STATUS_KEY, AGENCY_KEY } from './labels';

/** Open actions decided in the case's meetings, shown beside the plan they feed into (NO pkt 12). */
export function OpenActionsPanel({ actions }: { actions: readonly MeetingAction[] | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="doc-section" aria-labelledby="open-actions-heading" data-testid="plan-open-actions">
      <h2 className="doc-section-title" id="open-actions-heading">
        {t('editors.plan.openActionsHeading')}
      </h2>
      <p className="doc-section-intro">{t('editors.plan.openActionsIntro')}</p>
      {actions === null ? (
        <div className="doc-skeleton" />
      ) : actions.length === 0 ? (
        <p className="muted">{t('editors.plan.noOpenActions')}</p>
      ) : (
        <div className="doc-table-scroll">
          <table className="doc-table">
            <caption className="visually-hidden">{t('editors.plan.openActionsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('domain.meeting.action.description')}</th>
                <th scope="col">{t('domain.meeting.action.owner')}</th>
                <th scope="col">{t('domain.meeting.action.deadline')}</th>
                <th scope="col">{t('domain.meeting.action.status')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
