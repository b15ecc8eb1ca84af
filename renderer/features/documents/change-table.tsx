import type { DocumentKind } from '../../../shared/domain';
import type { FieldChange } from '../../../shared/ipc/record-views';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n, type Translate } from '../../app/i18n';
import { changeRows, type DisplayValue, type LabelPart } from './diff-view';
import { DocTable } from './doc-table';
import { formatIsoDate, formatIsoDateTime, formatNumber } from './format';

function labelText(t: Translate, parts: readonly LabelPart[]): string {
  return parts
    .map((part) =>
      'raw' in part
        ? part.raw
        : part.row !== undefined
          ? t('editors.diff.row', { group: t(part.key), n: part.row })
          : t(part.key),
    )
    .join(' – ');
}

function Value({ value, mentors }: { value: DisplayValue; mentors: readonly MentorView[] }) {
  const { t, locale } = useI18n();
  switch (value.type) {
    case 'empty':
      return <span className="diff-empty">{t('editors.diff.empty')}</span>;
    case 'key':
      return <>{t(value.key)}</>;
    case 'date':
      return <>{formatIsoDate(locale, value.iso)}</>;
    case 'dateTime':
      return <>{formatIsoDateTime(locale, value.iso)}</>;
    case 'number':
      return <>{formatNumber(locale, value.value)}</>;
    case 'mentor':
      return <>{mentors.find((m) => m.id === value.id)?.name ?? t('editors.diff.unknownMentor')}</>;
    case 'text':
      return <span className="diff-text">{value.text}</span>;
  }
}

/** Field-by-field changes as a table: field, before, after. */
export function ChangeTable({
  kind,
  changes,
  mentors,
  caption,
  testId,
}: {
  kind: DocumentKind;
  changes: readonly FieldChange[];
  mentors: readonly MentorView[];
  caption: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const rows = changeRows(kind, changes);
  if (rows.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {t('editors.diff.noChanges')}
      </p>
    );
  return (
    <DocTable
      caption={caption}
      className="diff-table"
      testId={testId}
      columns={[
        { label: t('editors.diff.field') },
        { label: t('editors.diff.before') },
        { label: t('editors.diff.after') },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.path} className={`diff-${row.change}`}>
          <th scope="row">{labelText(t, row.label)}</th>
          <td>
            <Value value={row.before} mentors={mentors} />
          </td>
          <td>
            <Value value={row.after} mentors={mentors} />
          </td>
        </tr>
      ))}
    </DocTable>
  );
}
