import type { Finding } from '../../../shared/rules/finding';
import { describeFinding } from '../../../shared/rules/finding-text';
import { useI18n } from '../../app/i18n';
import { Checkbox } from '../../components/checkbox';

/**
 * The notes (open findings) that will be printed on the document: a summary the user opens to read
 * them, and a checkbox that accepts them. Export stays disabled until it is ticked, so nobody sends a
 * document with printed remarks they never saw.
 */
export function ExportNotes({
  findings,
  accepted,
  onAcceptedChange,
}: {
  findings: readonly Pick<Finding, 'messageKey' | 'params' | 'citation'>[];
  accepted: boolean;
  onAcceptedChange(accepted: boolean): void;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="export-notes" data-testid="export-notes" aria-label={t('exchange.export.findings')}>
      <details className="export-notes-details">
        <summary>
          <span className="export-notes-summary">{t('exportDialog.notes.summary', { count: findings.length })}</span>{' '}
          <span className="export-notes-hint">{t('exportDialog.notes.expandHint')}</span>
        </summary>
        <ul>
          {findings.map((finding, index) => (
            <li key={index}>{describeFinding(locale, finding).text}</li>
          ))}
        </ul>
      </details>
      <Checkbox
        label={t('exportDialog.notes.accept')}
        checked={accepted}
        onCheckedChange={onAcceptedChange}
        data-testid="export-notes-accept"
      />
    </section>
  );
}
