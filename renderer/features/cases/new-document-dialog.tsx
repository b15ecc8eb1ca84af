import { useState } from 'react';
import { FilePlus } from 'lucide-react';
import type { TemplateKind } from '../../../shared/templates/template';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { RadioGroup } from '../../components/radio-group';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { mapOk, useLoad } from '../../lib/use-load';
import { NEW_DOCUMENT_KEY } from './case-labels';

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
  const { loaded: templates } = useLoad(open ? `${kind}:${locale}` : null, async () =>
    mapOk(await api.invoke('templates.list', { kind, locale }), (value) => value.templates),
  );
  const [picked, setChosen] = useState<string | null>(null);
  // The first template until the user picks one.
  const chosen = picked ?? (templates.state === 'ready' ? (templates.value[0]?.id ?? null) : null);

  const start = () => navigate({ screen: 'documentNew', caseId, kind, ...(chosen ? { templateId: chosen } : {}) });
  const options =
    templates.state === 'ready'
      ? templates.value.map((template) => ({
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
            disabled={templates.state !== 'ready' && templates.state !== 'failed'}
            data-testid="new-document-start"
          >
            {t('cases.newDocument.start')}
          </Button>
        </>
      }
    >
      <div className="template-choice">
        {templates.state === 'failed' ? (
          <StatusMessage tone="warning" title={tError(templates.error)}>
            {t('cases.newDocument.noTemplates')}
          </StatusMessage>
        ) : null}
        {templates.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
        {templates.state === 'ready' && options.length > 0 ? (
          <RadioGroup
            legend={t('cases.newDocument.template')}
            hint={t('cases.newDocument.templateHint')}
            name={`template-${kind}`}
            value={chosen}
            options={options}
            onValueChange={setChosen}
          />
        ) : null}
        {templates.state === 'ready' && options.length === 0 ? <p>{t('cases.newDocument.noTemplates')}</p> : null}
      </div>
    </Dialog>
  );
}
