import { useState } from 'react';
import { Save } from 'lucide-react';
import type { TemplateSummary, TemplateView } from '../../../shared/ipc/templates';
import { useI18n } from '../../app/i18n';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { failureOf, useLoad } from '../../lib/use-load';
import { TextAreaField } from '../../components/text-area-field';
import { isBlankText, templateLoadRequest, templateSaveRequest, type TemplateDraft } from './template-requests';
import '../mentors/forms.css';

function draftOf(template: TemplateView): TemplateDraft {
  return { title: template.title, intro: template.intro, sections: template.sections.map((s) => ({ ...s })) };
}

/**
 * Edit a template's title, intro and each section's heading and guidance. The sections themselves
 * (which fields a document has) stay as they are: a copy changes the words, not the form.
 */
export function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: TemplateSummary | null;
  onClose(): void;
  onSaved(title: string): void;
}) {
  const { t, tError } = useI18n();
  const profile = useVault().status.profile ?? 'NO';
  const shown = template ? `${template.id}:${profile}` : null;
  const load = useLoad(shown, () => api.invoke('templates.get', templateLoadRequest(template?.id ?? '', profile)));
  const loaded = load.loaded.state === 'ready' ? load.loaded.value : null;
  const failure = failureOf(load);
  // What the user changed, and the save's outcome, belong to one template.
  const [editing, setEditing] = useState(shown);
  const [edited, setDraft] = useState<TemplateDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  if (editing !== shown) {
    setEditing(shown);
    setDraft(null);
    setError(null);
    setShowErrors(false);
  }
  const draft = edited ?? (loaded ? draftOf(loaded) : null);

  const setSection = (index: number, key: 'heading' | 'guidance', value: string) =>
    setDraft((current) => {
      const base = current ?? draft;
      return base
        ? { ...base, sections: base.sections.map((s, i) => (i === index ? { ...s, [key]: value } : s)) }
        : base;
    });

  const invalid = draft ? isBlankText(draft.title) || draft.sections.some((s) => isBlankText(s.heading)) : true;
  const save = async () => {
    if (!draft || !loaded) return;
    if (invalid) return setShowErrors(true);
    setBusy(true);
    const result = await api.invoke('templates.save', templateSaveRequest(loaded, draft, profile));
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    onSaved(result.value.title);
  };

  return (
    <Dialog
      open={template !== null}
      title={template?.source === 'builtin' ? t('exchange.templates.copyTitle') : t('exchange.templates.editTitle')}
      onClose={onClose}
      actions={
        <>
          <Button
            variant="primary"
            icon={Save}
            busy={busy}
            disabled={!draft}
            onClick={() => void save()}
            data-testid="template-save"
          >
            {t('exchange.templates.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <div className="wide-dialog template-editor" data-testid="template-editor">
        {template?.source === 'builtin' ? (
          <p className="panel-description">{t('exchange.templates.copyHint')}</p>
        ) : null}
        {!draft && !failure ? <p className="export-loading">{t('common.loading')}</p> : null}
        {draft ? (
          <>
            <TextField
              label={t('exchange.templates.titleLabel')}
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              error={showErrors && isBlankText(draft.title) ? t('exchange.templates.required') : undefined}
            />
            <TextAreaField
              label={t('exchange.templates.introLabel')}
              value={draft.intro}
              onChange={(e) => setDraft({ ...draft, intro: e.target.value })}
            />
            {draft.sections.map((section, index) => (
              <fieldset key={section.field} className="template-section">
                <legend className="form-group-title">{t('exchange.templates.section', { number: index + 1 })}</legend>
                <TextField
                  label={t('exchange.templates.heading')}
                  value={section.heading}
                  onChange={(e) => setSection(index, 'heading', e.target.value)}
                  error={showErrors && isBlankText(section.heading) ? t('exchange.templates.required') : undefined}
                />
                <TextAreaField
                  label={t('exchange.templates.guidance')}
                  value={section.guidance}
                  onChange={(e) => setSection(index, 'guidance', e.target.value)}
                />
              </fieldset>
            ))}
          </>
        ) : null}
        {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
        {error ? <StatusMessage tone="error" title={error} /> : null}
      </div>
    </Dialog>
  );
}
