import { describe, expect, it } from 'vitest';
import { validationMaterialFor } from './validation-material';
import { crlBy, party, signerOf } from '../../test/fixtures/signing/webcrypto-pki';

/**
 * What a signed file embeds for long-term validation (B-LT): the CA certificates on the signer's path
 * and only the CRLs of that path's issuers, from the trust store. Nothing when the store holds no CRL
 * for the path, so a file is never called B-LT that a verifier could not check offline.
 */

const hex = (items: readonly Uint8Array[]) => items.map((item) => Buffer.from(item).toString('hex'));

async function pki() {
  const root = await party('Fiktiv rot-CA', 1);
  const intermediate = await party('Fiktiv mellom-CA', 2, root);
  const leaf = await party('Kari Fiktiv', 3, intermediate);
  const stranger = await party('Fremmed CA', 9);
  return { root, intermediate, leaf, stranger };
}

describe('validationMaterialFor', () => {
  it('embeds the path from the trust store and the CRLs of its issuers, and no other CRL', async () => {
    const { root, intermediate, leaf, stranger } = await pki();
    const byIntermediate = await crlBy(intermediate);
    const byRoot = await crlBy(root);
    const byStranger = await crlBy(stranger);
    const material = validationMaterialFor(
      signerOf(leaf),
      [stranger.cert.der, root.cert.der, intermediate.cert.der],
      [byStranger.der, byIntermediate.der, byRoot.der],
    );
    expect(material && hex(material.certs)).toEqual(hex([intermediate.cert.der, root.cert.der]));
    expect(material && hex(material.crls)).toEqual(hex([byIntermediate.der, byRoot.der]));
  });

  it("uses the signer's own chain as well as the store's certificates", async () => {
    const { root, intermediate, leaf } = await pki();
    const byRoot = await crlBy(root);
    const material = validationMaterialFor(signerOf(leaf, [intermediate]), [root.cert.der], [byRoot.der]);
    expect(material && hex(material.certs)).toEqual(hex([intermediate.cert.der, root.cert.der]));
    expect(material && hex(material.crls)).toEqual(hex([byRoot.der]));
  });

  it("keeps the CRL of the signer's issuer even when the path stops there", async () => {
    const { intermediate, leaf } = await pki();
    const byIntermediate = await crlBy(intermediate);
    const material = validationMaterialFor(signerOf(leaf), [], [byIntermediate.der]);
    expect(material).toEqual({ certs: [], crls: [byIntermediate.der] });
  });

  it('is nothing when no CRL belongs to the path', async () => {
    const { root, intermediate, leaf, stranger } = await pki();
    const byStranger = await crlBy(stranger);
    expect(validationMaterialFor(signerOf(leaf), [root.cert.der, intermediate.cert.der], [byStranger.der])).toBe(
      undefined,
    );
    expect(validationMaterialFor(signerOf(leaf), [root.cert.der, intermediate.cert.der], [])).toBe(undefined);
  });

  it('skips store entries that are not certificates or CRLs, and keeps the rest', async () => {
    const { root, intermediate, leaf } = await pki();
    const byRoot = await crlBy(root);
    const junk = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]);
    const material = validationMaterialFor(
      signerOf(leaf),
      [junk, new Uint8Array(), intermediate.cert.der, root.cert.der],
      [junk, new Uint8Array([1, 2, 3]), byRoot.der],
    );
    expect(material && hex(material.certs)).toEqual(hex([intermediate.cert.der, root.cert.der]));
    expect(material && hex(material.crls)).toEqual(hex([byRoot.der]));
  });
});
