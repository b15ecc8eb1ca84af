import { useState } from 'react';
import { Save } from 'lucide-react';
import type { TemplateSummary, TemplateView } from '../../../shared/ipc/templates';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { failureOf, useLoad } from '../../lib/use-load';
import { TextAreaField } from '../../components/text-area-field';
import '../mentors/forms.css';

interface Draft {
  title: string;
  intro: string;
  sections: { field: string; heading: string; guidance: string }[];
}

function draftOf(template: TemplateView): Draft {
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
  const { t, tError, locale } = useI18n();
  const shown = template ? `${template.id}:${locale}` : null;
  const load = useLoad(shown, () => api.invoke('templates.get', { id: template?.id ?? '', locale }));
  const loaded = load.loaded.state === 'ready' ? load.loaded.value : null;
  const failure = failureOf(load);
  // What the user changed, and the save's outcome, belong to one template in one language.
  const [editing, setEditing] = useState(shown);
  const [edited, setDraft] = useState<Draft | null>(null);
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

  const invalid = draft ? !draft.title.trim() || draft.sections.some((s) => !s.heading.trim()) : true;
  const save = async () => {
    if (!draft || !loaded) return;
    if (invalid) return setShowErrors(true);
    setBusy(true);
    const base = loaded.source === 'vault' ? { id: loaded.id } : { basedOn: loaded.id };
    const result = await api.invoke('templates.save', {
      ...base,
      locale: loaded.locale,
      title: draft.title,
      intro: draft.intro,
      sections: draft.sections,
    });
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
              error={showErrors && !draft.title.trim() ? t('exchange.templates.required') : undefined}
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
                  error={showErrors && !section.heading.trim() ? t('exchange.templates.required') : undefined}
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
