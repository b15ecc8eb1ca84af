import { useMemo, useState } from 'react';
import { ArrowRight, Printer } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { PROFILE_NAME_KEY } from '../../lib/labels';
import { recoveryKeyGroups } from './recovery-key-format';

/**
 * Shown once, right after the vault is created. The key lives only in this screen's route state; it
 * is gone when the person continues (or the vault locks). Printing prints only the key sheet.
 */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const { t, formatDate } = useI18n();
  const { navigate } = useRouter();
  const { status } = useVault();
  const [stored, setStored] = useState(false);
  const groups = useMemo(() => recoveryKeyGroups(recoveryKey), [recoveryKey]);
  const printedOn = useMemo(() => formatDate(new Date()), [formatDate]);

  return (
    <UnlockedShell screen="recovery" navigation={false}>
      <div className="content content-narrow">
        <div className="no-print">
          <PageHeader title={t('vault.recovery.title')} description={<p>{t('vault.recovery.intro')}</p>} />
          <StatusMessage tone="warning" title={t('vault.recovery.onceTitle')}>
            <p>{t('vault.recovery.onceBody')}</p>
          </StatusMessage>
        </div>
        <section className="key-sheet print-area" aria-labelledby="key-sheet-title">
          <h2 id="key-sheet-title" className="key-sheet-title">
            {t('vault.recovery.sheetTitle')}
          </h2>
          <dl className="key-sheet-meta">
            <div>
              <dt>{t('vault.recovery.sheetDate')}</dt>
              <dd>{printedOn}</dd>
            </div>
            {status.profile ? (
              <div>
                <dt>{t('vault.recovery.sheetProfile')}</dt>
                <dd>{t(PROFILE_NAME_KEY[status.profile])}</dd>
              </div>
            ) : null}
          </dl>
          <p className="recovery-key" data-testid="recovery-key" translate="no">
            {groups.map((group, index) => (
              <span key={index} className="recovery-key-group">
                {group}
                {index < groups.length - 1 ? ' ' : null}
              </span>
            ))}
          </p>
          <ul className="key-sheet-rules">
            <li>{t('vault.recovery.ruleStore')}</li>
            <li>{t('vault.recovery.ruleAccess')}</li>
            <li>{t('vault.recovery.ruleTyping')}</li>
          </ul>
        </section>
        <div className="no-print recovery-actions">
          <Button variant="secondary" icon={Printer} onClick={() => window.print()}>
            {t('vault.recovery.print')}
          </Button>
          <Checkbox label={t('vault.recovery.confirmStored')} checked={stored} onCheckedChange={setStored} />
          <div className="form-actions">
            <Button variant="primary" icon={ArrowRight} disabled={!stored} onClick={() => navigate({ screen: 'home' })}>
              {t('vault.recovery.continue')}
            </Button>
          </div>
        </div>
      </div>
    </UnlockedShell>
  );
}
