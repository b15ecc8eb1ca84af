import { CircleAlert, CircleCheck, ShieldAlert, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { VerificationReport, VerificationStatus } from '../../../shared/domain/verification';
import { useI18n } from '../../app/i18n';
import { formatBytes } from '../../lib/file-bytes';
import { formatDateTime, intlTag } from '../../lib/date-format';
import { FILE_STATE_KEY } from './labels';
import { SignerDetails } from '../../components/signer-details';
import { plainVerdict } from './verify-report';

const VERDICT_ICON: Record<VerificationStatus, LucideIcon> = {
  valid: CircleCheck,
  valid_untrusted: TriangleAlert,
  invalid: ShieldAlert,
  unreadable: CircleAlert,
};

function FilesTable({ report }: { report: VerificationReport }) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table" data-testid="verify-files">
      <caption className="visually-hidden">{t('exchange.verify.files')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchange.verify.fileName')}</th>
          <th scope="col">{t('exchange.verify.fileSize')}</th>
          <th scope="col">{t('exchange.verify.fileState')}</th>
        </tr>
      </thead>
      <tbody>
        {report.files.map((file) => {
          const Icon = file.state === 'signed' ? CircleCheck : CircleAlert;
          return (
            <tr key={file.name} data-state={file.state}>
              <td>{file.name}</td>
              <td>{file.size === null ? '–' : formatBytes(file.size, intlTag(locale))}</td>
              <td>
                <span className={`file-state file-state-${file.state}`}>
                  <Icon className="icon" aria-hidden="true" />
                  {t(FILE_STATE_KEY[file.state])}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The verdict first, in large plain words with its reasons; then who signed, when, and every file's state. */
export function VerifyReportView({ report, fileName }: { report: VerificationReport; fileName: string }) {
  const { t, locale } = useI18n();
  const verdict = plainVerdict(locale, report);
  const Icon = VERDICT_ICON[report.status];
  return (
    <section
      className="verify-report"
      aria-labelledby="verify-verdict-title"
      data-testid="verify-report"
      data-status={report.status}
    >
      <div className={`verify-verdict verdict-${report.status}`} data-testid="verify-verdict">
        <Icon className="verify-verdict-icon" aria-hidden="true" />
        <div>
          <h2 id="verify-verdict-title" className="verify-verdict-title" tabIndex={-1}>
            {verdict.title}
          </h2>
          <p className="verify-verdict-detail">{t('exchange.verify.fileChecked', { fileName })}</p>
          <p className="verify-verdict-detail">{verdict.detail}</p>
          <p className="verify-verdict-detail" data-testid="verify-etsi" data-indication={verdict.etsi.code}>
            {t('trust.view.verdict')}: {verdict.etsi.text} <code>{verdict.etsi.code}</code>
          </p>
          {verdict.reasons.length > 0 ? (
            <ul className="verify-reasons" aria-label={t('exchange.verify.reasons')} data-testid="verify-reasons">
              {verdict.reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          ) : null}
          {verdict.notes.length > 0 ? (
            <ul className="verify-reasons" aria-label={t('exchange.verify.notes')}>
              {verdict.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {report.signer ? (
        <section className="verify-section" aria-labelledby="verify-signer-title">
          <h3 id="verify-signer-title" className="verify-section-title">
            {t('exchange.verify.signer')}
          </h3>
          <SignerDetails signer={report.signer} testId="verify-signer" showValidity />
          <dl className="facts verify-times">
            <div>
              <dt>{t('exchange.verify.signingTime')}</dt>
              <dd data-testid="verify-signing-time">
                {report.signingTime ? formatDateTime(locale, report.signingTime) : t('exchange.verify.noSigningTime')}
              </dd>
            </div>
            <div>
              <dt>{t('exchange.verify.trustList')}</dt>
              <dd>{report.trusted ? t('exchange.verify.onTrustList') : t('exchange.verify.notOnTrustList')}</dd>
            </div>
            {(report.chain ?? []).length > 1 ? (
              <div>
                <dt>{t('trust.view.chain')}</dt>
                <dd>
                  <ol className="verify-chain" data-testid="verify-chain">
                    {(report.chain ?? []).map((item) => (
                      <li key={item.fingerprint}>{item.subject}</li>
                    ))}
                  </ol>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      {report.files.length > 0 ? (
        <section className="verify-section" aria-labelledby="verify-files-title">
          <h3 id="verify-files-title" className="verify-section-title">
            {t('exchange.verify.files')}
          </h3>
          <FilesTable report={report} />
        </section>
      ) : null}
    </section>
  );
}
