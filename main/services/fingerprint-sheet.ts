import { lowestGrading, type Locale, type Profile } from '../../shared/domain';
import { fingerprintGroups } from '../../shared/domain/verification';
import { translate } from '../../shared/i18n/translate';
import type { SigningIdentitySummary } from '../../shared/ipc/signing';
import { formatDocumentDate, renderDocumentPdf } from '../documents/pdf';
import { local } from '../documents/views';

/**
 * One printable page with the unit's certificate and its SHA-256 fingerprint in four groups, for the
 * receiver to compare out of band (by phone or on paper) before trusting the signer.
 */
export function fingerprintSheet(
  identity: SigningIdentitySummary,
  profile: Profile,
  locale: Locale,
  at: string,
): Promise<Uint8Array> {
  const t = (key: string) => translate(locale, key);
  const cert = identity.certificate;
  const name = cert.commonName ?? cert.subject;
  return renderDocumentPdf({
    locale,
    title: t('export.identity.sheetTitle'),
    kindLabel: t('export.identity.sheetKind'),
    caseReference: name.trim().slice(0, 300) || '—',
    version: 1,
    // A sheet, not a case document: it names its unit and when the identity was made, never a case or a draft.
    titleFacts: [
      { label: t('export.identity.unit'), value: name.trim().slice(0, 300) || '—' },
      { label: t('export.identity.created'), value: formatDocumentDate(locale, local(identity.createdAt)) },
    ],
    dates: { created: local(identity.createdAt), printed: local(at) },
    grading: { level: lowestGrading(profile) },
    blocks: [
      {
        type: 'keyValue',
        rows: [
          { key: t('export.identity.subject'), value: cert.subject },
          { key: t('export.identity.issuer'), value: cert.issuer },
          { key: t('export.identity.serialNumber'), value: cert.serialNumber },
          { key: t('export.identity.validFrom'), value: formatDocumentDate(locale, local(cert.notBefore)) },
          { key: t('export.identity.validTo'), value: formatDocumentDate(locale, local(cert.notAfter)) },
        ],
      },
      { type: 'heading', level: 1, text: t('signing.fingerprint.label') },
      { type: 'bulletList', items: fingerprintGroups(cert.fingerprint) },
      { type: 'notice', text: t('signing.fingerprint.help') },
    ],
  });
}
