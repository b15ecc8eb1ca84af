import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { caExtensions, issue, LEAF, type Ext } from '../../test/fixtures/signing/identity-fixtures';
import { NOW, MINUTE, at } from '../../test/fixtures/signing/webcrypto-pki';
import { CLOCK_SKEW_MS } from './certificate';
import { refuseAsIdentity, refuseAsTrustedSigner } from './intake';
import { EXT } from './path/policy';

const keyUsage = (byte: number, unusedBits: number): Ext => ({
  oid: EXT.keyUsage,
  critical: true,
  value: new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits }).toBER(false),
});
const extKeyUsage = (...purposes: string[]): Ext => ({
  oid: EXT.extKeyUsage,
  critical: false,
  value: new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema().toBER(false),
});
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
/** A TLS server certificate: keyEncipherment and serverAuth only. */
const TLS: Ext[] = [LEAF[0] as Ext, keyUsage(0x20, 5), extKeyUsage(SERVER_AUTH)];

const certWith = async (spec: { extensions: Ext[]; notBefore?: Date; notAfter?: Date }) =>
  (await issue({ name: 'Fiktivby fengsel', ...spec })).cert.cert;

const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return error;
  }
  return null;
};

describe('a certificate taken in as the unit signing identity', () => {
  it('is accepted when it is a signer certificate valid now', async () => {
    const cert = await certWith({ extensions: LEAF });
    expect(refusal(() => refuseAsIdentity(cert, NOW))).toBeNull();
  });

  it('refuses a CA certificate, even one that may also sign', async () => {
    const ca = await certWith({ extensions: caExtensions() });
    expect(refusal(() => refuseAsIdentity(ca, NOW))).toMatchObject({ messageKey: 'signing.identity.isCa' });
    const signingCa = await certWith({ extensions: [caExtensions()[0] as Ext, keyUsage(0xc4, 2)] });
    expect(refusal(() => refuseAsIdentity(signingCa, NOW))).toMatchObject({ messageKey: 'signing.identity.isCa' });
  });

  it('refuses a TLS certificate by its key usage or by its extended key usage alone', async () => {
    const tls = await certWith({ extensions: TLS });
    expect(refusal(() => refuseAsIdentity(tls, NOW))).toMatchObject({ messageKey: 'signing.identity.notForSigning' });
    const serverOnly = await certWith({ extensions: [...LEAF, extKeyUsage(SERVER_AUTH)] });
    expect(refusal(() => refuseAsIdentity(serverOnly, NOW))).toMatchObject({
      messageKey: 'signing.identity.notForSigning',
    });
  });

  it('refuses one expired, up to its last millisecond and not before', async () => {
    const cert = await certWith({ extensions: LEAF, notAfter: at(-30 * MINUTE) });
    expect(refusal(() => refuseAsIdentity(cert, at(-30 * MINUTE)))).toBeNull();
    expect(refusal(() => refuseAsIdentity(cert, at(-30 * MINUTE + 1)))).toMatchObject({
      code: 'invalid_input',
      messageKey: 'signing.identity.expired',
      params: {
        date: at(-30 * MINUTE)
          .toISOString()
          .slice(0, 10),
      },
    });
  });

  it('refuses one not yet valid, allowing the verifier clock skew for an issuer whose clock runs ahead', async () => {
    const notBefore = at(CLOCK_SKEW_MS);
    const cert = await certWith({ extensions: LEAF, notBefore });
    expect(refusal(() => refuseAsIdentity(cert, NOW))).toBeNull();
    expect(refusal(() => refuseAsIdentity(cert, at(-1)))).toMatchObject({
      messageKey: 'signing.identity.notYetValid',
      params: { date: notBefore.toISOString().slice(0, 10) },
    });
  });
});

describe('a certificate pinned as a trusted signer', () => {
  it('is accepted as a CA or as a signer, valid now', async () => {
    for (const extensions of [caExtensions(), LEAF]) {
      const cert = await certWith({ extensions });
      expect(refusal(() => refuseAsTrustedSigner(cert, NOW))).toBeNull();
    }
  });

  it('refuses one that is neither (a TLS server certificate)', async () => {
    const tls = await certWith({ extensions: TLS });
    expect(refusal(() => refuseAsTrustedSigner(tls, NOW))).toMatchObject({
      messageKey: 'signing.trust.notSignerOrCa',
    });
  });

  it('refuses one expired or not yet valid', async () => {
    const expired = await certWith({ extensions: LEAF, notAfter: at(-1) });
    expect(refusal(() => refuseAsTrustedSigner(expired, NOW))).toMatchObject({ messageKey: 'signing.trust.expired' });
    const early = await certWith({ extensions: caExtensions(), notBefore: at(CLOCK_SKEW_MS + 1000) });
    expect(refusal(() => refuseAsTrustedSigner(early, NOW))).toMatchObject({
      messageKey: 'signing.trust.notYetValid',
    });
  });
});
