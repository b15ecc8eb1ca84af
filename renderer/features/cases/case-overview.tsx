import { CalendarClock } from 'lucide-react';
import type { KindedContent } from '../../../shared/domain';
import type { DueListItem } from '../../../shared/ipc/due';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { ACTION_STATUS_KEY, MEETING_TYPE_KEY } from '../../lib/document-labels';
import { DueItemList } from '../home/due-item-list';
import { DocumentTable } from './document-table';
import { formatDeadline } from '../../../shared/i18n/dates';
import { formatIsoDate, localToday } from '../../lib/format';
import { FramedTable } from './framed-table';
import { openMeetingActions } from './open-actions';
import { OverviewSection } from './overview-section';

const RECENT_DOCUMENTS = 5;

function OpenActions({
  documents,
  contents,
  loading,
}: {
  documents: readonly DocumentSummary[];
  contents: ReadonlyMap<string, KindedContent>;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  const actions = openMeetingActions(documents, contents);
  const today = localToday();
  return (
    <OverviewSection
      titleId="case-actions-title"
      title={t('cases.overview.actions.title')}
      testId="case-open-actions"
      busy={loading}
    >
      {actions.length === 0 ? (
        <p className="kind-empty">{loading ? t('common.loading') : t('cases.overview.actions.none')}</p>
      ) : (
        <FramedTable
          labelledBy="case-actions-title"
          columns={[
            { label: t('domain.meeting.action.description') },
            { label: t('domain.meeting.action.owner') },
            { label: t('domain.meeting.action.deadline') },
            { label: t('domain.meeting.action.status') },
            { label: t('cases.overview.actions.meeting') },
          ]}
        >
          {actions.map(({ action, documentId, meetingType, meetingDate }) => {
            const overdue = action.deadline !== undefined && action.deadline < today;
            return (
              <tr key={`${documentId}:${action.id}`} data-testid="open-action">
                <td className="action-description">{action.description || t('cases.view.notSet')}</td>
                <td>{action.owner || t('cases.view.notSet')}</td>
                <td className={overdue ? 'nowrap overdue' : 'nowrap'}>
                  {action.deadline ? formatDeadline(locale, action.deadline) : t('cases.view.notSet')}
                  {overdue ? <span className="overdue-note">{t('cases.overview.actions.overdue')}</span> : null}
                </td>
                <td>{t(ACTION_STATUS_KEY[action.status])}</td>
                <td>
                  <button
                    type="button"
                    className="row-link"
                    onClick={() => navigate({ screen: 'document', documentId })}
                  >
                    <span>
                      {t(MEETING_TYPE_KEY[meetingType])}
                      {meetingDate ? ` · ${formatIsoDate(locale, meetingDate)}` : ''}
                    </span>
                  </button>
                </td>
              </tr>
            );
          })}
        </FramedTable>
      )}
    </OverviewSection>
  );
}

export interface CaseOverviewProps {
  due: readonly DueListItem[];
  documents: readonly DocumentSummary[];
  contents: ReadonlyMap<string, KindedContent>;
  contentsLoading: boolean;
}

/** What needs doing in the case: its deadlines, open meeting actions, and the latest documents. */
export function CaseOverview({ due, documents, contents, contentsLoading }: CaseOverviewProps) {
  const { t } = useI18n();
  return (
    <div className="overview">
      <OverviewSection titleId="case-due-title" title={t('cases.overview.due.title')} testId="case-due">
        {due.length > 0 ? (
          <DueItemList items={due} showCase={false} />
        ) : (
          <p className="kind-empty">
            <CalendarClock className="icon" aria-hidden="true" />
            <span>{t('cases.overview.due.none')}</span>
          </p>
        )}
      </OverviewSection>
      <OpenActions documents={documents} contents={contents} loading={contentsLoading} />
      <OverviewSection titleId="case-recent-title" title={t('cases.overview.recent.title')} testId="case-recent">
        {documents.length > 0 ? (
          <DocumentTable
            documents={documents.slice(0, RECENT_DOCUMENTS)}
            contents={contents}
            labelledBy="case-recent-title"
            showKind
          />
        ) : (
          <p className="kind-empty">{t('cases.overview.recent.none')}</p>
        )}
      </OverviewSection>
    </div>
  );
}
