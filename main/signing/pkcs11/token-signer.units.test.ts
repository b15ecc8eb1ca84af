import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { party, type Party } from '../../../test/fixtures/signing/webcrypto-pki';
import { AppError, isAppError } from '../../ipc/app-error';
import { fingerprintOf } from '../certificate';
import { keyCertificates, requireBinding, slotIdOf, theOneKey, theOneToken } from './token-signer';

const MODULE = '/usr/lib/vendor/fiktiv-pkcs11.so';

/** The AppError `action` throws, as { code, messageKey, params }. */
function refusalOf(action: () => unknown): Pick<AppError, 'code' | 'messageKey' | 'params'> {
  try {
    action();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, messageKey: error.messageKey, params: error.params };
  }
  throw new Error('expected a refusal');
}

describe('the PKCS#11 binding', () => {
  it('is pkcs11js, loaded where Bro is installed', () => {
    expect(typeof requireBinding(createRequire(import.meta.url)).PKCS11).toBe('function');
  });

  it('is missing in a build without it, which the user is told plainly', () => {
    const elsewhere = createRequire(join(tmpdir(), 'bro-without-pkcs11js', 'index.js'));
    expect(refusalOf(() => requireBinding(elsewhere))).toEqual({
      code: 'internal',
      messageKey: 'token.error.bindingMissing',
      params: undefined,
    });
  });
});

describe('slot ids as pkcs11-tool prints them', () => {
  it('reads an 8-byte CK_SLOT_ID (64-bit Linux and macOS) in full', () => {
    const handle = Buffer.alloc(8);
    handle.writeBigUInt64LE(0x1_6552_202dn);
    expect(slotIdOf(handle)).toBe('5994848301');
  });

  it('reads a 4-byte CK_SLOT_ID (Windows)', () => {
    const handle = Buffer.alloc(4);
    handle.writeUInt32LE(0x6552_202d);
    expect(slotIdOf(handle)).toBe('1699881005');
  });
});

describe('choosing the token', () => {
  it('takes the one token that matches', () => {
    expect(theOneToken(['kort'], { modulePath: MODULE })).toBe('kort');
  });

  it('names the label, the slot or nothing when no token matches', () => {
    const none = (config: Parameters<typeof theOneToken>[1]) => refusalOf(() => theOneToken([], config));
    expect(none({ modulePath: MODULE, tokenLabel: 'Fiktivt kort', slotId: '7' })).toEqual({
      code: 'not_found',
      messageKey: 'token.error.tokenNotFound',
      params: { token: 'Fiktivt kort' },
    });
    expect(none({ modulePath: MODULE, slotId: '7' }).params).toEqual({ token: 'slot 7' });
    expect(none({ modulePath: MODULE }).params).toEqual({ token: '' });
  });

  it('refuses to guess between two tokens', () => {
    expect(refusalOf(() => theOneToken(['kort A', 'kort B'], { modulePath: MODULE }))).toEqual({
      code: 'conflict',
      messageKey: 'token.error.tokenAmbiguous',
      params: undefined,
    });
  });
});

describe('choosing the key', () => {
  it('takes the one key that matches', () => {
    expect(theOneKey(['nøkkel'], { modulePath: MODULE, keyId: '01' })).toBe('nøkkel');
  });

  it('says the token holds no key when none was named and none is there', () => {
    expect(refusalOf(() => theOneKey([], { modulePath: MODULE }))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.noKeys',
      params: undefined,
    });
  });

  it('names the key asked for (its label before its id) when it is not there', () => {
    expect(refusalOf(() => theOneKey([], { modulePath: MODULE, keyLabel: 'signering', keyId: '0a' }))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.keyNotFound',
      params: { key: 'signering' },
    });
    expect(refusalOf(() => theOneKey([], { modulePath: MODULE, keyId: '0a' })).params).toEqual({ key: '0a' });
  });

  it('asks for a choice among several keys, naming what matched more than one', () => {
    expect(refusalOf(() => theOneKey(['a', 'b'], { modulePath: MODULE }))).toEqual({
      code: 'conflict',
      messageKey: 'token.error.keyNotChosen',
      params: undefined,
    });
    expect(refusalOf(() => theOneKey(['a', 'b'], { modulePath: MODULE, keyLabel: 'signering' }))).toEqual({
      code: 'conflict',
      messageKey: 'token.error.keyAmbiguous',
      params: { key: 'signering' },
    });
  });
});

describe("the key's certificate and chain", () => {
  let ca: Party;
  let unit: Party;
  let other: Party;
  const id = (hex: string) => Buffer.from(hex, 'hex');
  const garbage = new TextEncoder().encode('ikke et sertifikat');

  beforeAll(async () => {
    ca = await party('Fiktiv token-CA', 1);
    unit = await party('Fiktiv enhet', 2, ca);
    other = await party('Fiktiv annen enhet', 3, ca);
  });

  it("takes the token's certificate under the key's id and finds its CA among the rest, past an unreadable one", () => {
    const onToken = [
      { id: id('09'), der: garbage },
      { id: id('01'), der: other.cert.der },
      { id: id('02'), der: unit.cert.der },
      { id: id('0c'), der: ca.cert.der },
    ];
    const { leaf, chain } = keyCertificates(onToken, id('02'), undefined);
    expect(fingerprintOf(leaf.der)).toBe(fingerprintOf(unit.cert.der));
    expect(chain.map((item) => fingerprintOf(item.der))).toEqual([fingerprintOf(ca.cert.der)]);
  });

  it('takes a configured certificate file (PEM) over what the token holds', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(other.cert.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
    const onToken = [
      { id: id('02'), der: unit.cert.der },
      { id: id('0c'), der: ca.cert.der },
    ];
    const { leaf, chain } = keyCertificates(onToken, id('02'), new TextEncoder().encode(pem));
    expect(fingerprintOf(leaf.der)).toBe(fingerprintOf(other.cert.der));
    expect(chain).toHaveLength(1);
  });

  it('says which certificate it cannot read: the one on the token, or the file', () => {
    expect(refusalOf(() => keyCertificates([{ id: id('02'), der: garbage }], id('02'), undefined))).toEqual({
      code: 'unreadable',
      messageKey: 'token.error.certificateUnreadable',
      params: undefined,
    });
    expect(refusalOf(() => keyCertificates([{ id: id('02'), der: unit.cert.der }], id('02'), garbage))).toEqual({
      code: 'unreadable',
      messageKey: 'token.error.certificateFileUnreadable',
      params: undefined,
    });
  });

  it('says there is no certificate when neither the token nor a file has one for the key', () => {
    expect(refusalOf(() => keyCertificates([{ id: id('01'), der: other.cert.der }], id('02'), undefined))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.noCertificate',
      params: undefined,
    });
  });
});
