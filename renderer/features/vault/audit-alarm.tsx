import { useT } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';
import { AUDIT_FINDING_KEY, VAULT_REPAIR_KEY, type AuditFinding, type VaultRepair } from '../../lib/labels';

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

/**
 * Shown on every screen of an unlocked vault in which Bro found due facts or a kept due list edited
 * (they disagreed with the documents, so due items could be missing) and put them right. Logged already.
 */
export function RepairAlarm({ repairs }: { repairs: readonly VaultRepair[] | undefined }) {
  const t = useT();
  if (!repairs || repairs.length === 0) return null;
  return (
    <div className="content" data-testid="repair-alarm">
      <StatusMessage tone="error" title={t('security.repair.alarmTitle')}>
        {repairs.map((repair) => (
          <p key={repair}>{t(VAULT_REPAIR_KEY[repair])}</p>
        ))}
        <p>{t('security.audit.alarmBody')}</p>
      </StatusMessage>
    </div>
  );
}
