import { useT } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';
import { AUDIT_FINDING_KEY, VAULT_REPAIR_KEY, type AuditFinding, type VaultRepair } from '../../lib/labels';

/** An alarm on every screen: its title, one paragraph per message key, and whom to tell. Logged already. */
function Alarm({ testId, titleKey, keys }: { testId: string; titleKey: string; keys: readonly string[] }) {
  const t = useT();
  if (keys.length === 0) return null;
  return (
    <div className="content" data-testid={testId}>
      <StatusMessage tone="error" title={t(titleKey)}>
        {keys.map((key) => (
          <p key={key}>{t(key)}</p>
        ))}
        <p>{t('security.audit.alarmBody')}</p>
      </StatusMessage>
    </div>
  );
}

/**
 * Shown on every screen of an unlocked vault whose audit check at unlock found tampering (a cut
 * tail, a rewritten chain, a database older than its key file). The finding is already in the log.
 */
export function AuditAlarm({ findings = [] }: { findings: readonly AuditFinding[] | undefined }) {
  const keys = findings.map((finding) => AUDIT_FINDING_KEY[finding]);
  return <Alarm testId="audit-alarm" titleKey="security.audit.alarmTitle" keys={keys} />;
}

/**
 * Shown on every screen of an unlocked vault in which Bro found due facts or a kept due list edited
 * (they disagreed with the documents, so due items could be missing) and put them right. Logged already.
 */
export function RepairAlarm({ repairs = [] }: { repairs: readonly VaultRepair[] | undefined }) {
  const keys = repairs.map((repair) => VAULT_REPAIR_KEY[repair]);
  return <Alarm testId="repair-alarm" titleKey="security.repair.alarmTitle" keys={keys} />;
}
