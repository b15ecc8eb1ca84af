import type { AuditEntryView } from '../../../shared/ipc/audit';
import type { DocumentSummary, VersionSummary } from '../../../shared/ipc/record-views';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { LoadFailed } from '../../components/load-failed';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { KIND_KEY } from '../../lib/document-labels';
import { AUDIT_ACTION_KEY, DOCUMENT_STATUS_KEY } from './case-labels';
import { FramedTable } from './framed-table';
import { formatTimestamp } from '../../lib/format';
import { GradingBadge } from './grading-badge';
import { OverviewSection } from './overview-section';

interface VersionRow extends VersionSummary {
  document: DocumentSummary;
}

interface History {
  entries: AuditEntryView[];
  versions: VersionRow[];
}

const AUDIT_LIMIT = 500;

/** The first refusal among the answers, or the values of all of them. */
function allOk<T>(results: readonly IpcResult<T>[]): IpcResult<T[]> {
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return { ok: true, value: values };
}

/** The case's own log entries and those of its documents, newest first, and every saved version. */
async function loadHistory(caseId: string, documents: readonly DocumentSummary[]): Promise<IpcResult<History>> {
  const logs = allOk(
    await Promise.all([
      api.invoke('audit.list', { objectId: caseId, limit: AUDIT_LIMIT }),
      ...documents.map((doc) => api.invoke('audit.list', { objectId: doc.id, limit: AUDIT_LIMIT })),
    ]),
  );
  if (!logs.ok) return logs;
  const entries = logs.value.flatMap((log) => log.entries).sort((a, b) => b.seq - a.seq);
  const versionLists = allOk(
    await Promise.all(documents.map((doc) => api.invoke('documents.versions', { id: doc.id }))),
  );
  if (!versionLists.ok) return versionLists;
  const versions = versionLists.value.flatMap((list, index) => {
    const document = documents[index];
    return document ? list.versions.map((version) => ({ ...version, document })) : [];
  });
  versions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { ok: true, value: { entries, versions } };
}

/** Ids are shown shortened; the whole id is in the cell's title for comparing with an export's log. */
function ShortId({ id }: { id: string }) {
  return (
    <span className="mono" title={id}>
      {id.slice(0, 8)}
    </span>
  );
}

export function CaseHistory({ caseId, documents }: { caseId: string; documents: readonly DocumentSummary[] }) {
  const { t, locale } = useI18n();
  const key = `${caseId}:${documents.map((doc) => `${doc.id}@${doc.updatedAt}`).join(',')}`;
  const { loaded, reload } = useLoad(key, () => loadHistory(caseId, documents));

  if (loaded.state === 'failed') return <LoadFailed error={loaded.error} onRetry={reload} />;
  const history = loaded.state === 'ready' ? loaded.value : null;
  const kindOf = new Map(documents.map((doc) => [doc.id, doc.kind]));
  const objectLabel = (entry: AuditEntryView) => {
    const kind = kindOf.get(entry.objectId);
    return kind ? t(KIND_KEY[kind]) : t('domain.record.case');
  };
  const actionLabel = (action: string) => {
    const key = AUDIT_ACTION_KEY[action];
    return key ? t(key) : action;
  };

  return (
    <div className="history" aria-busy={!history || undefined}>
      <OverviewSection titleId="case-log-title" title={t('cases.history.log.title')} testId="case-log">
        <p className="kind-intro">{t('cases.history.log.intro')}</p>
        {!history ? (
          <div className="table-skeleton" />
        ) : history.entries.length === 0 ? (
          <p className="kind-empty">{t('cases.history.log.none')}</p>
        ) : (
          <FramedTable
            labelledBy="case-log-title"
            columns={[
              { label: t('cases.history.column.at') },
              { label: t('cases.history.column.action') },
              { label: t('cases.history.column.object') },
              { label: t('cases.history.column.objectId') },
              { label: t('cases.history.column.actor') },
            ]}
          >
            {history.entries.map((entry) => (
              <tr key={entry.seq} data-testid="audit-entry" data-action={entry.action}>
                <td className="nowrap">{formatTimestamp(locale, entry.at)}</td>
                <td>{actionLabel(entry.action)}</td>
                <td>{objectLabel(entry)}</td>
                <td>
                  <ShortId id={entry.objectId} />
                </td>
                <td>
                  <ShortId id={entry.actor} />
                </td>
              </tr>
            ))}
          </FramedTable>
        )}
      </OverviewSection>
      <OverviewSection titleId="case-versions-title" title={t('cases.history.versions.title')} testId="case-versions">
        {!history ? (
          <div className="table-skeleton" />
        ) : history.versions.length === 0 ? (
          <p className="kind-empty">{t('cases.history.versions.none')}</p>
        ) : (
          <FramedTable
            labelledBy="case-versions-title"
            columns={[
              { label: t('cases.history.column.savedAt') },
              { label: t('cases.history.column.document') },
              { label: t('cases.documents.column.version'), className: 'numeric' },
              { label: t('cases.documents.column.status') },
              { label: t('cases.documents.column.grading') },
              { label: t('cases.history.column.actor') },
            ]}
          >
            {history.versions.map((version) => (
              <tr key={`${version.document.id}:${version.version}`} data-testid="version-entry">
                <td className="nowrap">{formatTimestamp(locale, version.createdAt)}</td>
                <td>
                  {t(KIND_KEY[version.document.kind])} <ShortId id={version.document.id} />
                </td>
                <td className="numeric">{version.version}</td>
                <td>
                  <span className={`status-badge status-badge-${version.status}`}>
                    {t(DOCUMENT_STATUS_KEY[version.status])}
                  </span>
                </td>
                <td>
                  <GradingBadge level={version.grading} />
                </td>
                <td>
                  <ShortId id={version.author} />
                </td>
              </tr>
            ))}
          </FramedTable>
        )}
      </OverviewSection>
    </div>
  );
}
