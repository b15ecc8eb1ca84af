import { useEffect, useRef, useState } from 'react';
import { FileSignature, Printer, Settings } from 'lucide-react';
import { isRecipientOfProfile, type DistributionRecipient } from '../../../shared/domain/distribution';
import type { GradingLevel } from '../../../shared/domain/grading';
import type { Locale } from '../../../shared/domain/profile';
import type { ExportSaved } from '../../../shared/ipc/files';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { RadioGroup } from '../../components/radio-group';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { LANGUAGE_NAME_KEY } from '../../lib/labels';
import { KIND_KEY, RECIPIENT_KEY } from '../../lib/document-labels';
import { formatBytes } from '../../lib/file-bytes';
import { intlTag } from '../../lib/date-format';
import { exportLevels, gradingToSend } from './grading-choice';
import { ExportNotes } from './export-notes';
import { EXPORT_RECIPIENTS } from './labels';
import { SignerDetails, Fingerprint } from '../../components/signer-details';
import { TokenPinField } from '../../components/token-pin-field';
import { useExportPlan, type ExportPlan } from './use-export-plan';
import './exchange.css';

export interface ExportDialogProps {
  documentId: string;
  /** Defaults to the current version. */
  version?: number;
  open: boolean;
  onClose(): void;
}

type Format = 'asice' | 'pdf';

/** The marking that will be printed in the header and footer of every page, shown large. */
function GradingPreview({ level, exemptionBasis }: { level: GradingLevel; exemptionBasis?: string }) {
  const { t } = useI18n();
  return (
    <div className="export-grading" data-testid="export-grading" data-grading={level}>
      <p className="export-grading-label">{t('exchange.export.gradingPrinted')}</p>
      <p className="export-grading-level">{level}</p>
      {exemptionBasis ? (
        <p className="export-grading-exemption">{t('common.grading.exempt', { basis: exemptionBasis })}</p>
      ) : null}
    </div>
  );
}

type SavedExport = Extract<ExportSaved, { saved: true }>;

/** The main process wrote the file where the user chose; the dialog shows its name and fingerprint only. */
function ExportResult({ file }: { file: SavedExport }) {
  const { t, locale } = useI18n();
  return (
    <StatusMessage tone="success" title={t('files.export.saved', { fileName: file.fileName })} testId="export-result">
      <p>{t('files.export.savedHint', { size: formatBytes(file.size, intlTag(locale)) })}</p>
      <p className="export-hash">
        <span>{t('exchange.export.sha256')}</span> <Fingerprint hex={file.sha256} />
      </p>
    </StatusMessage>
  );
}

const DOCUMENT_LANGUAGES: readonly Locale[] = ['nb', 'da', 'en'];

/** Printed words follow the vault (NO: bokmål, DK: Danish) unless the user picks another language here. */
function LanguageSelect({ value, onValueChange }: { value: Locale; onValueChange(value: Locale): void }) {
  const { t } = useI18n();
  return (
    <Select<Locale>
      label={t('files.export.language')}
      hint={t('files.export.languageHint')}
      value={value}
      options={DOCUMENT_LANGUAGES.map((code) => ({ value: code, label: t(LANGUAGE_NAME_KEY[code]) }))}
      onValueChange={onValueChange}
      data-testid="export-language"
    />
  );
}

function ExportForm({
  plan,
  format,
  setFormat,
  recipient,
  setRecipient,
  recipients,
  level,
  setLevel,
}: {
  plan: ExportPlan;
  format: Format;
  setFormat(value: Format): void;
  recipient: DistributionRecipient;
  setRecipient(value: DistributionRecipient): void;
  /** The recipients of the vault's profile (a DK vault sends nothing to KDI, a NO region or PST). */
  recipients: readonly DistributionRecipient[];
  level: GradingLevel;
  setLevel(value: GradingLevel): void;
}) {
  const { t } = useI18n();
  const levels = exportLevels(plan.grading.level, plan.minimumLevel);
  return (
    <>
      <p className="export-document" data-testid="export-document">
        {t('exchange.export.document', { kind: t(KIND_KEY[plan.kind]), version: plan.version })}
      </p>
      {levels.length > 1 ? (
        // One grading control: the choice is the marking printed on every page.
        <Select
          className="export-grading-select"
          label={t('exchange.export.gradingPrinted')}
          hint={
            plan.grading.exemptionBasis
              ? `${t('exchange.export.gradingHint')} ${t('common.grading.exempt', { basis: plan.grading.exemptionBasis })}`
              : t('exchange.export.gradingHint')
          }
          value={level}
          options={levels.map((value) => ({ value, label: value }))}
          onValueChange={setLevel}
          data-testid="export-grading-select"
        />
      ) : (
        <GradingPreview level={level} exemptionBasis={plan.grading.exemptionBasis} />
      )}
      <RadioGroup<Format>
        legend={t('exchange.export.format')}
        name="export-format"
        value={format}
        onValueChange={setFormat}
        options={[
          {
            value: 'asice',
            label: t('exchange.export.format.asice'),
            description: t('exchange.export.format.asiceHint'),
          },
          { value: 'pdf', label: t('exchange.export.format.pdf'), description: t('exchange.export.format.pdfHint') },
        ]}
      />
      <Select<DistributionRecipient>
        label={t('exchange.export.recipient')}
        hint={t('exchange.export.recipientHint')}
        value={recipient}
        options={recipients.map((value) => ({ value, label: t(RECIPIENT_KEY[value]) }))}
        onValueChange={setRecipient}
        data-testid="export-recipient"
      />
    </>
  );
}

function SignerBlock({
  plan,
  identity,
}: {
  plan: ExportPlan;
  identity: Parameters<typeof SignerDetails>[0]['signer'] | null;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  if (!plan.hasIdentity || !identity) {
    return (
      <StatusMessage tone="warning" title={t('exchange.export.noIdentity')} testId="export-no-identity">
        <p>{t('exchange.export.noIdentityHint')}</p>
        <Button variant="link" icon={Settings} onClick={() => navigate({ screen: 'settings', category: 'signing' })}>
          {t('exchange.export.toSettings')}
        </Button>
      </StatusMessage>
    );
  }
  return (
    <section className="export-signer" aria-labelledby="export-signer-title">
      <h3 id="export-signer-title" className="export-subtitle">
        {t('exchange.export.signer')}
      </h3>
      <SignerDetails signer={identity} testId="export-signer" />
    </section>
  );
}

/**
 * Export one document version as a signed PDF or a signed container for a recipient. The grading that
 * will be printed and the signer are shown before anything is signed; the main process asks where to
 * save (the shell's save dialog), signs, writes the file there and logs it. The bytes never come back.
 */
export function ExportDialog({ documentId, version, open, onClose }: ExportDialogProps) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const loaded = useExportPlan(documentId, version, open);
  const [language, setLanguage] = useState<Locale>(profile === 'DK' ? 'da' : 'nb');
  const [format, setFormat] = useState<Format>('asice');
  const recipients = EXPORT_RECIPIENTS.filter((value) => isRecipientOfProfile(profile, value));
  const [recipient, setRecipient] = useState<DistributionRecipient>(recipients[0] ?? 'other');
  const [level, setLevel] = useState<GradingLevel | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<SavedExport | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [pin, setPin] = useState('');
  const [notesAccepted, setNotesAccepted] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);

  // The result sits below the form; bring it into view (it is also announced as a status).
  useEffect(() => {
    if (file || error) outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [file, error]);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setError(null);
    setCancelled(false);
    setNotesAccepted(false);
  }, [open]);
  useEffect(() => {
    if (loaded.state === 'ready')
      setLevel(exportLevels(loaded.plan.grading.level, loaded.plan.minimumLevel)[0] ?? loaded.plan.grading.level);
  }, [loaded]);

  const plan = loaded.state === 'ready' ? loaded.plan : null;
  const notesPending = plan !== null && plan.findings.length > 0 && !notesAccepted;
  const canExport = plan !== null && plan.canSend && plan.hasIdentity && level !== null && !notesPending;

  const run = async () => {
    if (!plan || !level) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    const grading = gradingToSend(plan.grading, level);
    const input = { documentId, version: plan.version, recipient, locale: language, ...(grading ? { grading } : {}) };
    // A token's PIN goes with this one export and is forgotten right after.
    if (plan.signsWithToken) Object.assign(input, { pin });
    setPin('');
    const result = format === 'asice' ? await api.invoke('export.asice', input) : await api.invoke('export.pdf', input);
    setBusy(false);
    if (!result.ok) {
      setError(tError(result.error));
      return;
    }
    // The save dialog was the main process's: the file is written, or the user cancelled and nothing was.
    if (result.value.saved) setFile(result.value);
    else setCancelled(true);
  };

  return (
    <Dialog
      open={open}
      title={t('exchange.export.title')}
      onClose={onClose}
      actions={
        <>
          <Button
            variant="primary"
            icon={FileSignature}
            busy={busy}
            disabled={!canExport}
            aria-describedby={notesPending && plan?.canSend ? 'export-notes-needed' : undefined}
            onClick={() => void run()}
            data-testid="export-submit"
          >
            {t('exchange.export.submit')}
          </Button>
          <Button onClick={onClose}>{file ? t('exchange.close') : t('common.cancel')}</Button>
          {notesPending && plan?.canSend ? (
            <p id="export-notes-needed" className="export-notes-needed">
              {t('exportDialog.notes.acceptNeeded')}
            </p>
          ) : null}
        </>
      }
    >
      <div className="export-dialog" data-testid="export-dialog" aria-busy={loaded.state === 'loading' || undefined}>
        {loaded.state === 'loading' ? <p className="export-loading">{t('common.loading')}</p> : null}
        {loaded.state === 'failed' ? <StatusMessage tone="error" title={tError(loaded.error)} /> : null}
        {plan && level ? (
          <>
            {!plan.canSend ? (
              <StatusMessage tone="warning" title={t('exchange.export.draft')} testId="export-draft">
                <p>{t('exchange.export.draftHint')}</p>
                <Button
                  variant="link"
                  icon={Printer}
                  onClick={() => navigate({ screen: 'print', documentId, version: plan.version })}
                >
                  {t('exchange.export.toPrint')}
                </Button>
              </StatusMessage>
            ) : null}
            <ExportForm
              plan={plan}
              format={format}
              setFormat={setFormat}
              recipient={recipient}
              setRecipient={setRecipient}
              recipients={recipients}
              level={level}
              setLevel={setLevel}
            />
            <LanguageSelect value={language} onValueChange={setLanguage} />
            {plan.findings.length > 0 ? (
              <ExportNotes findings={plan.findings} accepted={notesAccepted} onAcceptedChange={setNotesAccepted} />
            ) : null}
            {plan.signsWithToken ? (
              <TokenPinField value={pin} onChange={setPin} />
            ) : (
              <SignerBlock
                plan={plan}
                identity={loaded.state === 'ready' ? (loaded.identity?.certificate ?? null) : null}
              />
            )}
          </>
        ) : null}
        <div ref={outcome}>
          {error ? <StatusMessage tone="error" title={error} /> : null}
          {file ? <ExportResult file={file} /> : null}
          {cancelled ? (
            <StatusMessage tone="info" title={t('files.export.cancelled')} testId="export-cancelled" />
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
