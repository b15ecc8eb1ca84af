import { useState } from 'react';
import { Copy, Pencil } from 'lucide-react';
import type { TemplateSummary } from '../../../shared/ipc/templates';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { failureOf, mapOk, useLoad, valueOr } from '../../lib/use-load';
import { KIND_KEY, MEETING_TYPE_KEY } from '../../lib/document-labels';
import { formatDateTime } from '../../lib/date-format';
import { SettingsSection } from './settings-section';
import { TemplateEditor } from './template-editor';
import './settings-exchange.css';

/** Built-in templates and the vault's edited copies; a built-in one is edited as a copy, so it stays as shipped. */
export function TemplatesSection() {
  const { t, locale } = useI18n();
  const list = useLoad(`templates:${locale}`, async () =>
    mapOk(await api.invoke('templates.list', { locale }), (value) => value.templates),
  );
  const templates: TemplateSummary[] | null = valueOr(list.loaded, null);
  const failure = failureOf(list);
  const [editing, setEditing] = useState<TemplateSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <SettingsSection
      title={t('exchange.templates.title')}
      description={t('exchange.templates.intro')}
      testId="settings-templates"
    >
      {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
      {notice ? <StatusMessage tone="success" title={notice} /> : null}
      {templates === null && !failure ? <p className="export-loading">{t('common.loading')}</p> : null}
      {templates?.length === 0 ? (
        <p className="panel-description" data-testid="template-list-empty">
          {t('exchange.templates.none')}
        </p>
      ) : null}
      {templates && templates.length > 0 ? (
        <table className="data-table" data-testid="template-list">
          <caption className="visually-hidden">{t('exchange.templates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.templates.name')}</th>
              <th scope="col">{t('exchange.templates.kind')}</th>
              <th scope="col">{t('exchange.templates.source')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('mentors.contacts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id} data-template-id={template.id}>
                <th scope="row" className="template-name">
                  {template.title}
                </th>
                <td>
                  {t(KIND_KEY[template.kind])}
                  {template.meetingType ? ` · ${t(MEETING_TYPE_KEY[template.meetingType])}` : ''}
                </td>
                <td>
                  {template.source === 'builtin'
                    ? t('exchange.templates.builtin', { version: template.version })
                    : t('exchange.templates.copy', {
                        version: template.version,
                        date: template.savedAt ? formatDateTime(locale, template.savedAt) : '',
                      })}
                </td>
                <td className="template-actions">
                  <Button
                    variant="ghost"
                    icon={template.source === 'builtin' ? Copy : Pencil}
                    onClick={() => setEditing(template)}
                    aria-label={t(
                      template.source === 'builtin' ? 'exchange.templates.copyLabel' : 'exchange.templates.editLabel',
                      { title: template.title },
                    )}
                  >
                    {t(template.source === 'builtin' ? 'exchange.templates.makeCopy' : 'exchange.templates.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <TemplateEditor
        template={editing}
        onClose={() => setEditing(null)}
        onSaved={(title) => {
          setEditing(null);
          setNotice(t('exchange.templates.saved', { title }));
          list.reload();
        }}
      />
    </SettingsSection>
  );
}
