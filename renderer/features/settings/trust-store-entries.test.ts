import { describe, expect, it } from 'vitest';
import type { TrustStoreEntryView } from '../../../shared/ipc/trust';
import { checkTrustFiles, describeTrustEntry, MAX_TRUST_FILES } from './trust-store-entries';

const base: TrustStoreEntryView = {
  id: 'a'.repeat(64),
  kind: 'certificate',
  name: 'CN=Fictional Test CA',
  validUntil: '2030-01-01T00:00:00.000Z',
  outOfDate: false,
  addedAt: '2026-12-01T10:00:00.000Z',
};

describe('describeTrustEntry', () => {
  it('shows a current CA certificate with its validity and no warning', () => {
    expect(describeTrustEntry(base)).toEqual({
      kindKey: 'trust.settings.kindCertificate',
      dateKey: 'trust.settings.validUntil',
      warningKey: null,
    });
  });

  it('marks an expired CA certificate as expired', () => {
    expect(describeTrustEntry({ ...base, outOfDate: true }).warningKey).toBe('trust.settings.expired');
  });

  it('marks a CRL past its next update as stale, and a current one not', () => {
    const crl = { ...base, kind: 'crl' as const };
    expect(describeTrustEntry({ ...crl, outOfDate: true })).toEqual({
      kindKey: 'trust.settings.kindCrl',
      dateKey: 'trust.settings.nextUpdate',
      warningKey: 'trust.settings.stale',
    });
    expect(describeTrustEntry(crl).warningKey).toBeNull();
  });

  it('says so when a CRL names no next update', () => {
    expect(describeTrustEntry({ ...base, kind: 'crl', validUntil: null }).dateKey).toBe('trust.settings.noNextUpdate');
  });
});

describe('checkTrustFiles', () => {
  it('accepts one or several non-empty files within the limit', () => {
    expect(
      checkTrustFiles([
        { name: 'ca.pem', size: 1200 },
        { name: 'ca.crl', size: 500 },
      ]),
    ).toBeNull();
  });

  it('asks for a file when none is chosen', () => {
    expect(checkTrustFiles([])?.key).toBe('trust.settings.fileRequired');
  });

  it('refuses more files than one addition takes', () => {
    const many = Array.from({ length: MAX_TRUST_FILES + 1 }, (_, i) => ({ name: `f${i}.pem`, size: 10 }));
    expect(checkTrustFiles(many)).toEqual({ key: 'trust.settings.tooMany', params: { max: MAX_TRUST_FILES } });
  });

  it('names the file that is too large or empty', () => {
    expect(checkTrustFiles([{ name: 'big.pem', size: 5 * 2 ** 20 }])).toEqual({
      key: 'trust.settings.tooLarge',
      params: { file: 'big.pem', maxMb: 4 },
    });
    expect(
      checkTrustFiles([
        { name: 'ok.pem', size: 9 },
        { name: 'zero.crl', size: 0 },
      ]),
    ).toEqual({
      key: 'trust.settings.empty',
      params: { file: 'zero.crl' },
    });
  });
});
