import { useT } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';
import { AUDIT_FINDING_KEY, type AuditFinding } from '../../lib/labels';

/**
 * Shown on every screen of an unlocked vault whose audit check at unlock found tampering (a cut
 * tail, a rewritten chain, a database older than its key file). The finding is already in the log.
 */
export function AuditAlarm({ findings }: { findings: readonly AuditFinding[] | undefined }) {
  const t = useT();
  if (!findings || findings.length === 0) return null;
  return (
    <div className="content" data-testid="audit-alarm">
      <StatusMessage tone="error" title={t('security.audit.alarmTitle')}>
        {findings.map((finding) => (
          <p key={finding}>{t(AUDIT_FINDING_KEY[finding])}</p>
        ))}
        <p>{t('security.audit.alarmBody')}</p>
      </StatusMessage>
    </div>
  );
}
