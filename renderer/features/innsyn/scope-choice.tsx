import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Select } from '../../components/select';
import { api } from '../../lib/api';
import { mapOk, useLoad, valueOr } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { KIND_KEY } from '../../lib/document-labels';

/** What the copy covers: the whole case (the future plan apart, NO pkt 10) or one of its documents. */
export function ScopeChoice({ caseId, documentId }: { caseId: string; documentId?: string }) {
  const { t, formatDate } = useI18n();
  const { navigate } = useRouter();
  const { loaded, reload } = useLoad(caseId, async () =>
    mapOk(await api.invoke('documents.list', { caseId }), (value) => value.documents),
  );
  const documents: DocumentSummary[] = valueOr(loaded, []);
  const options = [
    { value: '', label: t('innsyn.scope.case') },
    ...documents.map((d) => ({
      value: d.id,
      label: t('innsyn.scope.document', {
        kind: t(KIND_KEY[d.kind]),
        version: d.currentVersion,
        date: formatDate(new Date(d.createdAt)),
      }),
    })),
  ];
  return (
    <>
      <Select
        label={t('innsyn.scope.label')}
        value={documentId ?? ''}
        options={options}
        onValueChange={(value) => navigate({ screen: 'innsyn', caseId, ...(value ? { documentId: value } : {}) })}
      />
      {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reload} /> : null}
    </>
  );
}
