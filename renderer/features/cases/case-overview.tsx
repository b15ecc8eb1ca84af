import { CalendarClock } from 'lucide-react';
import type { KindedContent } from '../../../shared/domain';
import type { DueListItem } from '../../../shared/ipc/due';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { DueItemList } from '../home/due-item-list';
import { DocumentTable } from './document-table';
import { formatIsoDate, localToday } from './format';
import { openMeetingActions } from './open-actions';

const ACTION_STATUS_KEY = {
  open: 'domain.actionStatus.open',
  in_progress: 'domain.actionStatus.in_progress',
  done: 'domain.actionStatus.done',
  cancelled: 'domain.actionStatus.cancelled',
} as const;

const MEETING_TYPE_KEY = {
  startup: 'domain.meetingType.startup',
  follow_up_prison: 'domain.meetingType.follow_up_prison',
  release: 'domain.meetingType.release',
  follow_up_probation: 'domain.meetingType.follow_up_probation',
} as const;

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
    <section
      className="overview-section"
      aria-labelledby="case-actions-title"
      data-testid="case-open-actions"
      aria-busy={loading || undefined}
    >
      <h2 className="section-title" id="case-actions-title">
        {t('cases.overview.actions.title')}
      </h2>
      {actions.length === 0 ? (
        <p className="kind-empty">{loading ? t('common.loading') : t('cases.overview.actions.none')}</p>
      ) : (
        <div className="table-frame">
          <table className="data-table" aria-labelledby="case-actions-title">
            <thead>
              <tr>
                <th scope="col">{t('domain.meeting.action.description')}</th>
                <th scope="col">{t('domain.meeting.action.owner')}</th>
                <th scope="col">{t('domain.meeting.action.deadline')}</th>
                <th scope="col">{t('domain.meeting.action.status')}</th>
                <th scope="col">{t('cases.overview.actions.meeting')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map(({ action, documentId, meetingType, meetingDate }) => {
                const overdue = action.deadline !== undefined && action.deadline < today;
                return (
                  <tr key={`${documentId}:${action.id}`} data-testid="open-action">
                    <td className="action-description">{action.description || t('cases.view.notSet')}</td>
                    <td>{action.owner || t('cases.view.notSet')}</td>
                    <td className={overdue ? 'nowrap overdue' : 'nowrap'}>
                      {action.deadline ? formatIsoDate(locale, action.deadline) : t('cases.view.notSet')}
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
            </tbody>
          </table>
        </div>
      )}
    </section>
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
      <section className="overview-section" aria-labelledby="case-due-title" data-testid="case-due">
        <h2 className="section-title" id="case-due-title">
          {t('cases.overview.due.title')}
        </h2>
        {due.length > 0 ? (
          <DueItemList items={due} showCase={false} />
        ) : (
          <p className="kind-empty">
            <CalendarClock className="icon" aria-hidden="true" />
            <span>{t('cases.overview.due.none')}</span>
          </p>
        )}
      </section>
      <OpenActions documents={documents} contents={contents} loading={contentsLoading} />
      <section className="overview-section" aria-labelledby="case-recent-title" data-testid="case-recent">
        <h2 className="section-title" id="case-recent-title">
          {t('cases.overview.recent.title')}
        </h2>
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
      </section>
    </div>
  );
}
