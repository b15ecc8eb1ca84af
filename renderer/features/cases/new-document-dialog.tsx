import { useEffect, useState } from 'react';
import { FilePlus } from 'lucide-react';
import type { TemplateKind } from '../../../shared/templates/template';
import type { TemplateSummary } from '../../../shared/ipc/templates';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { RadioGroup } from '../../components/radio-group';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { NEW_DOCUMENT_KEY } from './case-labels';

type Templates =
  { phase: 'loading' } | { phase: 'failed'; error: IpcError } | { phase: 'ready'; templates: TemplateSummary[] };

export interface NewDocumentDialogProps {
  caseId: string;
  kind: TemplateKind;
  open: boolean;
  onClose(): void;
}

/**
 * Kinds that start from a template (follow-up plan, meeting minutes, visit routine) ask which one:
 * for meetings that is the meeting type of NO pkt 12. The vault's own edited copies are listed too.
 */
export function NewDocumentDialog({ caseId, kind, open, onClose }: NewDocumentDialogProps) {
  const { t, tError, locale } = useI18n();
  const { navigate } = useRouter();
  const [templates, setTemplates] = useState<Templates>({ phase: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    void api.invoke('templates.list', { kind, locale }).then((result) => {
      if (!current) return;
      if (!result.ok) return setTemplates({ phase: 'failed', error: result.error });
      setTemplates({ phase: 'ready', templates: result.value.templates });
      setChosen((previous) => previous ?? result.value.templates[0]?.id ?? null);
    });
    return () => {
      current = false;
    };
  }, [open, kind, locale]);

  const start = () => navigate({ screen: 'documentNew', caseId, kind, ...(chosen ? { templateId: chosen } : {}) });
  const options =
    templates.phase === 'ready'
      ? templates.templates.map((template) => ({
          value: template.id,
          label: template.title,
          ...(template.source === 'vault'
            ? { description: t('cases.newDocument.vaultCopy', { version: template.version }) }
            : {}),
        }))
      : [];

  return (
    <Dialog
      open={open}
      title={t(NEW_DOCUMENT_KEY[kind])}
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            icon={FilePlus}
            onClick={start}
            disabled={templates.phase === 'loading'}
            data-testid="new-document-start"
          >
            {t('cases.newDocument.start')}
          </Button>
        </>
      }
    >
      <div className="template-choice">
        {templates.phase === 'failed' ? (
          <StatusMessage tone="warning" title={tError(templates.error)}>
            {t('cases.newDocument.noTemplates')}
          </StatusMessage>
        ) : null}
        {templates.phase === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
        {templates.phase === 'ready' && options.length > 0 ? (
          <RadioGroup
            legend={t('cases.newDocument.template')}
            hint={t('cases.newDocument.templateHint')}
            name={`template-${kind}`}
            value={chosen}
            options={options}
            onValueChange={setChosen}
          />
        ) : null}
        {templates.phase === 'ready' && options.length === 0 ? <p>{t('cases.newDocument.noTemplates')}</p> : null}
      </div>
    </Dialog>
  );
}
