import { useCallback, useEffect, useRef, useState } from 'react';
import { ArrowLeft, LoaderCircle } from 'lucide-react';
import { DocumentKindSchema } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { NEW_KIND_TITLE_KEY } from '../../lib/document-labels';
import './documents.css';

/**
 * Starts a document in a case: the choice (kind, and for templated kinds the template or meeting type)
 * was made on the case screen, so this screen creates the first draft from the template, graded as
 * the case, and opens it in the editor.
 */
export function NewDocumentScreen({ caseId, kind, templateId }: { caseId: string; kind: string; templateId?: string }) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const parsedKind = DocumentKindSchema.safeParse(kind);
  const [error, setError] = useState<IpcError | null>(null);
  // One create per visit, also when React runs effects twice in development.
  const started = useRef(false);

  const create = useCallback(async () => {
    if (!parsedKind.success) return;
    setError(null);
    const result = await api.invoke('documents.create', {
      caseId,
      kind: parsedKind.data,
      ...(templateId ? { templateId } : {}),
    });
    if (result.ok) navigate({ screen: 'document', documentId: result.value.document.id });
    else setError(result.error);
  }, [caseId, parsedKind.success, parsedKind.data, templateId, navigate]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void create();
  }, [create]);

  const title = parsedKind.success ? t(NEW_KIND_TITLE_KEY[parsedKind.data]) : t('editors.new.unknownKind');
  return (
    <UnlockedShell screen="documentNew">
      <div className="content doc-screen">
        <PageHeader
          title={title}
          actions={
            <Button variant="ghost" icon={ArrowLeft} onClick={() => navigate({ screen: 'case', caseId })}>
              {t('editors.header.backToCase')}
            </Button>
          }
        />
        {!parsedKind.success ? <StatusMessage tone="error" title={t('editors.new.unknownKind')} /> : null}
        {error ? (
          <StatusMessage tone="error" title={t('editors.new.failed')} testId="new-document-error">
            <p>{tError(error)}</p>
            <Button variant="link" onClick={() => void create()}>
              {t('common.retry')}
            </Button>
          </StatusMessage>
        ) : parsedKind.success ? (
          <p className="doc-creating" role="status">
            <LoaderCircle className="icon spin" aria-hidden="true" />
            {t('editors.new.creating')}
          </p>
        ) : null}
      </div>
    </UnlockedShell>
  );
}
