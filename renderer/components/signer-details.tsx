import type { SignerSummary } from '../../shared/domain/verification';
import { fingerprintGroups } from '../../shared/domain/verification';
import { useI18n } from '../app/i18n';
import { formatDateTime } from '../lib/date-format';

/** A SHA-256 fingerprint in four groups, one per line on narrow screens, for reading aloud. */
export function Fingerprint({ hex, testId }: { hex: string; testId?: string }) {
  return (
    <code className="fingerprint" data-testid={testId} data-fingerprint={hex}>
      {fingerprintGroups(hex).map((group, index) => (
        <span key={index} className="fingerprint-group">
          {group}
        </span>
      ))}
    </code>
  );
}

/** Who signed (or will sign): name, organisation and fingerprint; the full subject and validity on request. */
export function SignerDetails({
  signer,
  testId,
  showValidity = false,
}: {
  signer: SignerSummary;
  testId?: string;
  showValidity?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <dl className="facts signer-details" data-testid={testId}>
      <div>
        <dt>{t('exchange.signer.name')}</dt>
        <dd>{signer.commonName ?? signer.subject}</dd>
      </div>
      <div>
        <dt>{t('exchange.signer.organisation')}</dt>
        <dd>{signer.organization ?? t('exchange.signer.noOrganisation')}</dd>
      </div>
      <div className="facts-wide">
        <dt>{t('signing.fingerprint.label')}</dt>
        <dd>
          <Fingerprint hex={signer.fingerprint} />
        </dd>
      </div>
      {showValidity ? (
        <div className="facts-wide">
          <dt>{t('exchange.signer.validity')}</dt>
          <dd>
            {t('exchange.signer.validityRange', {
              from: formatDateTime(locale, signer.notBefore),
              to: formatDateTime(locale, signer.notAfter),
            })}
            {signer.selfSigned ? <span className="tag">{t('exchange.signer.selfSigned')}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
