import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Select } from '../../components/select';
import { api } from '../../lib/api';
import { KIND_KEY } from '../../lib/document-labels';

/** What the copy covers: the whole case (the future plan apart, NO pkt 10) or one of its documents. */
export function ScopeChoice({ caseId, documentId }: { caseId: string; documentId?: string }) {
  const { t, formatDate } = useI18n();
  const { navigate } = useRouter();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    let live = true;
    void api.invoke('documents.list', { caseId }).then((result) => {
      if (live && result.ok) setDocuments(result.value.documents);
    });
    return () => {
      live = false;
    };
  }, [caseId]);
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
    <Select
      label={t('innsyn.scope.label')}
      value={documentId ?? ''}
      options={options}
      onValueChange={(value) => navigate({ screen: 'innsyn', caseId, ...(value ? { documentId: value } : {}) })}
    />
  );
}
