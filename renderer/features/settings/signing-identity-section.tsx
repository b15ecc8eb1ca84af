import { useState } from 'react';
import { Download, FileDown, FileText, RefreshCw } from 'lucide-react';
import type { SigningIdentitySummary } from '../../../shared/ipc/signing';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { failureOf, mapOk, useLoad, valueOr } from '../../lib/use-load';
import { formatDateTime } from '../../lib/date-format';
import { SignerDetails } from '../../components/signer-details';
import { GenerateIdentityForm, ImportPkcs12Form } from './identity-forms';
import { PdfSheet } from './pdf-sheet';
import { SettingsSection } from './settings-section';
import '../exchange/exchange.css';
import './settings-exchange.css';

function IdentityView({ identity, onReplace }: { identity: SigningIdentitySummary; onReplace(): void }) {
  const { t, tError, locale } = useI18n();
  const [sheet, setSheet] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The sheet is a printed document: in the vault's language, not necessarily the UI's.
  const showSheet = async () => {
    const result = await api.invoke('signing.fingerprintSheet', {});
    if (result.ok) setSheet(result.value.pdfBase64);
    else setError(tError(result.error));
  };
  /** The main process asks where (the shell's save dialog) and writes the file; only its name comes back. */
  const save = async (channel: 'signing.saveCertificate' | 'signing.saveFingerprintSheet') => {
    setError(null);
    setSaved(null);
    const result = await api.invoke(channel, {});
    if (!result.ok) return setError(tError(result.error));
    setSaved(result.value.saved ? t('files.saved', { fileName: result.value.fileName }) : t('files.cancelled'));
  };
  return (
    <div className="identity-view" data-testid="identity-view">
      <p className="identity-source">
        {t(identity.source === 'generated' ? 'exchange.settings.sourceGenerated' : 'exchange.settings.sourcePkcs12', {
          date: formatDateTime(locale, identity.createdAt),
        })}
      </p>
      <SignerDetails signer={identity.certificate} testId="identity-signer" showValidity />
      <p className="panel-description identity-help">{t('signing.fingerprint.help')}</p>
      {error ? <StatusMessage tone="error" title={error} /> : null}
      {saved ? <StatusMessage tone="info" title={saved} testId="identity-file-saved" /> : null}
      <div className="form-actions">
        <Button icon={FileText} onClick={() => void showSheet()} data-testid="fingerprint-sheet-show">
          {t('exchange.settings.showSheet')}
        </Button>
        <Button
          icon={FileDown}
          onClick={() => void save('signing.saveFingerprintSheet')}
          data-testid="fingerprint-sheet-save"
        >
          {t('files.sheet.save')}
        </Button>
        <Button icon={Download} onClick={() => void save('signing.saveCertificate')} data-testid="certificate-save">
          {t('exchange.settings.saveCertificate')}
        </Button>
        <Button variant="ghost" icon={RefreshCw} onClick={onReplace}>
          {t('exchange.settings.replace')}
        </Button>
      </div>
      {sheet ? (
        <PdfSheet pdfBase64={sheet} title={t('exchange.settings.sheetTitle')} onClose={() => setSheet(null)} />
      ) : null}
    </div>
  );
}

/**
 * The unit's signing identity: generate a self-signed one or import the organisation's PKCS#12; show the
 * fingerprint and print it on a sheet so receivers can check it. The key itself never reaches the screen.
 */
export function SigningIdentitySection() {
  const { t } = useI18n();
  const load = useLoad('signing-identity', async () =>
    mapOk(await api.invoke('signing.identity', {}), (value) => value.identity),
  );
  const { loaded } = load;
  const failure = failureOf(load);
  const [replacing, setReplacing] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (identity: SigningIdentitySummary) => {
    load.set(identity);
    setReplacing(false);
    setNotice(t('exchange.settings.identitySaved'));
  };

  const identity = valueOr(loaded, null);
  const showForms = loaded.state === 'ready' && (identity === null || replacing);
  return (
    <SettingsSection
      title={t('exchange.settings.identityTitle')}
      description={t('exchange.settings.identityIntro')}
      testId="settings-signing-identity"
    >
      <div className="identity-body" aria-busy={loaded.state === 'loading' || undefined}>
        {loaded.state === 'loading' ? <p className="export-loading">{t('common.loading')}</p> : null}
        {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
        {notice ? <StatusMessage tone="success" title={notice} /> : null}
        {identity && !replacing ? <IdentityView identity={identity} onReplace={() => setConfirmReplace(true)} /> : null}
        {loaded.state === 'ready' && identity === null ? (
          <StatusMessage tone="info" title={t('exchange.settings.noIdentity')} />
        ) : null}
        {showForms ? (
          <div className="identity-forms">
            <GenerateIdentityForm replace={identity !== null} onDone={done} />
            <ImportPkcs12Form replace={identity !== null} onDone={done} />
          </div>
        ) : null}
        {replacing ? (
          <Button variant="link" onClick={() => setReplacing(false)}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmReplace}
        title={t('exchange.settings.replaceTitle')}
        body={t('exchange.settings.replaceBody')}
        confirmLabel={t('exchange.settings.replaceConfirm')}
        onConfirm={() => {
          setConfirmReplace(false);
          setReplacing(true);
          setNotice(null);
        }}
        onCancel={() => setConfirmReplace(false)}
      />
    </SettingsSection>
  );
}
