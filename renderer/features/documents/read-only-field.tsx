import { useI18n } from '../../app/i18n';
import { joinTokens } from './field-shell';
import { fieldId } from './findings-view';
import { formatIsoDate, formatIsoDateTime } from './format';

/**
 * A field of a finalised or older version: its label and its value as text, with no control. It keeps
 * the field's id, so a finding can still link to it.
 */
export function ReadOnlyField({
  path,
  label,
  value,
  format = 'text',
  className,
}: {
  path?: string;
  label: string;
  value: string | undefined;
  format?: 'text' | 'multiline' | 'date' | 'datetime';
  className?: string;
}) {
  const { t, locale } = useI18n();
  const given = value !== undefined && value.trim() !== '';
  const shown = !given
    ? t('editors.field.notGiven')
    : format === 'date'
      ? formatIsoDate(locale, value)
      : format === 'datetime'
        ? formatIsoDateTime(locale, value)
        : value;
  return (
    <div
      className={joinTokens('field doc-read-field', className)}
      id={path ? fieldId(path) : undefined}
      data-testid="read-only-field"
    >
      <p className="doc-read-label">{label}</p>
      <p className={joinTokens('doc-read-value', format === 'multiline' && 'doc-read-multiline', !given && 'muted')}>
        {shown}
      </p>
    </div>
  );
}
