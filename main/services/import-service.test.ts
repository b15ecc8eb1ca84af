// The "from" of a received document: who sent it, in the words of the signer's certificate.
import { describe, expect, it } from 'vitest';
import type { SignerSummary } from '../../shared/domain/verification';
import { REFUSAL_BY_STATUS, sourceOf } from './import-service';

const signer = (names: Partial<SignerSummary>): SignerSummary => ({
  commonName: null,
  organization: null,
  subject: 'CN=Fiktivby fengsel,O=Kriminalomsorgen,C=NO',
  issuer: 'CN=Fiktivby fengsel,O=Kriminalomsorgen,C=NO',
  serialNumber: '01',
  fingerprint: 'a'.repeat(64),
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2028-01-01T00:00:00.000Z',
  selfSigned: true,
  ...names,
});

describe('the source shown for a received document', () => {
  it('names the organisation and the unit, in that order', () => {
    expect(sourceOf(signer({ organization: 'Kriminalomsorgen', commonName: 'Fiktivby fengsel' }))).toBe(
      'Kriminalomsorgen, Fiktivby fengsel',
    );
  });

  it('names the one of them the certificate has, without a stray separator', () => {
    expect(sourceOf(signer({ commonName: 'Fiktivby fengsel' }))).toBe('Fiktivby fengsel');
    expect(sourceOf(signer({ organization: 'Kriminalforsorgen', commonName: '' }))).toBe('Kriminalforsorgen');
  });

  it('falls back to the whole subject when the certificate names neither', () => {
    expect(sourceOf(signer({ commonName: '', organization: null }))).toBe(
      'CN=Fiktivby fengsel,O=Kriminalomsorgen,C=NO',
    );
  });
});

describe('the refusal each verdict gives an import', () => {
  it('refuses untrusted, invalid and unreadable files with their own message, and a valid one only as refused', () => {
    expect(REFUSAL_BY_STATUS).toEqual({
      valid: 'export.import.refused',
      valid_untrusted: 'export.import.untrusted',
      invalid: 'export.import.invalid',
      unreadable: 'export.import.unreadable',
    });
  });
});
