import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { latin1, onePagePdf, signatureParts, text, unitSigner } from '../../test/fixtures/signing/pdf-sign-fixtures';
import { NOW } from '../../test/fixtures/signing/webcrypto-pki';
import { run } from '../../test/fixtures/signing/signing-fixtures';
import { createDetachedCms } from './cms-sign';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import type { Signer } from './signer';

/**
 * What Bro writes when it signs a PDF (PAdES baseline B): the signature field and dictionary a reader
 * finds, what it keeps of the document's own form and metadata, and what it refuses. Each test signs
 * inside itself with a WebCrypto key (a mutant is only measured while a test runs).
 */

const temp = tempDirs('bro-pades-sign-');
afterAll(() => temp.cleanup());

const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const name = (value: string) => PDFName.of(value);

function pdfsig(bytes: Uint8Array): string {
  const path = join(temp.make(), 'signed.pdf');
  writeFileSync(path, bytes);
  const result = run('pdfsig', [path]);
  return result.stdout + result.stderr;
}

/** The /Contents hex string of the one signature, as written in the file. */
function contentsHex(bytes: Uint8Array): string {
  const [, , gapStart, gapEnd] = (/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(latin1(bytes)) ?? []).map(Number);
  return latin1(bytes).slice((gapStart as number) + 1, (gapEnd as number) - 1);
}

/** A one-page PDF with a form (a filled-in text field), a note on the page and some form flags. */
function withFormAndNote(sigFlags?: number) {
  return onePagePdf((doc) => {
    const page = doc.getPage(0);
    const appearance = doc.context.register(doc.context.formXObject([], { BBox: [0, 0, 150, 20] }));
    const textField = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Tx',
        T: PDFString.of('Navn'),
        V: PDFString.of('Ola Testmann'),
        DA: PDFString.of('/Helv 10 Tf 0 g'),
        Rect: [50, 700, 200, 720],
        P: page.ref,
        AP: { N: appearance },
      }),
    );
    const note = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFString.of('Merknad') }),
    );
    page.node.set(name('Annots'), doc.context.obj([note, textField]));
    const form = doc.context.obj({ Fields: [textField] });
    if (sigFlags !== undefined) form.set(name('SigFlags'), PDFNumber.of(sigFlags));
    doc.catalog.set(name('AcroForm'), doc.context.register(form));
  });
}

describe('signPdf writes', () => {
  it('an invisible, printable signature field on the first page, registered in a new form', async () => {
    const signer = await unitSigner();
    // A page with no annotations at all, not even an empty list (pdf-lib writes one when it draws).
    const unsigned = await onePagePdf((doc) => doc.getPage(0).node.delete(name('Annots')));
    expect(latin1(unsigned)).not.toContain('/Annots');
    const signed = await signPdf(unsigned, signer, { signingTime: SIGNING_TIME });
    const { doc, fields, acroForm, widget, widgetRef, signature } = await signatureParts(signed);
    const page = doc.getPage(0);

    expect(fields.asArray()).toEqual([widgetRef]);
    expect(acroForm.get(name('SigFlags'))).toEqual(PDFNumber.of(3));
    expect(page.node.lookup(name('Annots'), PDFArray).asArray()).toEqual([widgetRef]);

    expect(widget.get(name('Type'))).toBe(name('Annot'));
    expect(widget.get(name('Subtype'))).toBe(name('Widget'));
    expect(widget.get(name('FT'))).toBe(name('Sig'));
    expect(widget.lookup(name('Rect'), PDFArray).toString()).toBe('[ 0 0 0 0 ]');
    expect(text(widget, 'T')).toBe('Signature1');
    expect(widget.get(name('F'))).toEqual(PDFNumber.of(4));
    expect(widget.get(name('P'))).toBe(page.ref);
    const appearance = widget.lookup(name('AP'), PDFDict).lookup(name('N'));
    expect(appearance).toBeInstanceOf(PDFRawStream);
    const appearanceDict = (appearance as PDFRawStream).dict;
    expect(appearanceDict.get(name('Subtype'))).toBe(name('Form'));
    expect(appearanceDict.lookup(name('BBox'), PDFArray).toString()).toBe('[ 0 0 0 0 ]');
    expect(appearanceDict.lookup(name('Resources'), PDFDict).keys()).toEqual([]);

    expect(signature.get(name('Type'))).toBe(name('Sig'));
    expect(signature.get(name('Filter'))).toBe(name('Adobe.PPKLite'));
    expect(signature.get(name('SubFilter'))).toBe(name('ETSI.CAdES.detached'));
    expect((signature.get(name('M')) as PDFString).decodeDate()).toEqual(SIGNING_TIME);
    // Without a signer name the certificate's common name, not the whole subject.
    expect(text(signature, 'Name')).toBe('Fiktiv enhet');
    expect(signature.has(name('Reason'))).toBe(false);
    expect(signature.has(name('Location'))).toBe(false);

    const output = pdfsig(signed);
    expect(output).toContain('Signature Validation: Signature is Valid.');
    expect(output).toContain('Total document signed');
  });

  it('the signer name, the reason and the place as given, in any script', async () => {
    const signed = await signPdf(await onePagePdf(), await unitSigner(), {
      signingTime: SIGNING_TIME,
      signerName: 'Kari Fiktiv',
      reason: 'Oppfølgingsplan (versjon 3) – Łódź',
      location: 'Fiktivby fengsel, avdeling Ø',
    });
    const { signature } = await signatureParts(signed);
    expect(text(signature, 'Name')).toBe('Kari Fiktiv');
    expect(text(signature, 'Reason')).toBe('Oppfølgingsplan (versjon 3) – Łódź');
    expect(text(signature, 'Location')).toBe('Fiktivby fengsel, avdeling Ø');
  });

  it("the certificate's subject when it has no common name", async () => {
    const signer = await unitSigner();
    const nameless: Signer = { ...signer, summary: { ...signer.summary, commonName: null } };
    const { signature } = await signatureParts(
      await signPdf(await onePagePdf(), nameless, { signingTime: SIGNING_TIME }),
    );
    expect(text(signature, 'Name')).toBe('CN=Fiktiv enhet');
  });
});

describe("signPdf keeps the document's own", () => {
  it('form fields, page annotations and form flags, adding its field after them', async () => {
    const signed = await signPdf(await withFormAndNote(4), await unitSigner(), { signingTime: SIGNING_TIME });
    const { doc, fields, acroForm, widget, widgetRef } = await signatureParts(signed);
    const page = doc.getPage(0);
    const [textField, added] = fields.asArray() as [PDFRef, PDFRef];
    expect(fields.size()).toBe(2);
    expect(added).toBe(widgetRef);
    expect(text(doc.context.lookup(textField, PDFDict), 'V')).toBe('Ola Testmann');
    expect(text(widget, 'T')).toBe('Signature2');
    const annots = page.node.lookup(name('Annots'), PDFArray).asArray();
    expect(annots).toHaveLength(3);
    expect(text(doc.context.lookup(annots[0] as PDFRef, PDFDict), 'Contents')).toBe('Merknad');
    expect(annots[1]).toBe(textField);
    expect(annots[2]).toBe(widgetRef);
    // SignaturesExist | AppendOnly, on top of what the form had.
    expect(acroForm.get(name('SigFlags'))).toEqual(PDFNumber.of(7));
  });

  it('metadata: producer and dates are not rewritten', async () => {
    const unsigned = await onePagePdf((doc) => {
      doc.setProducer('Bro');
      doc.setCreator('Bro dokumentmotor');
      doc.setModificationDate(new Date('2026-02-01T09:00:00Z'));
    });
    const signed = await signPdf(unsigned, await unitSigner(), { signingTime: SIGNING_TIME });
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    expect(doc.getProducer()).toBe('Bro');
    expect(doc.getCreator()).toBe('Bro dokumentmotor');
    expect(doc.getModificationDate()).toEqual(new Date('2026-02-01T09:00:00Z'));
  });
});

describe('signPdf signs', () => {
  it.each([
    ['a form without a /Fields array', { DA: PDFString.of('/Helv 0 Tf 0 g') }, 1],
    ['a form whose field list is empty', { Fields: [] }, 1],
  ])('%s', async (_what, form, fieldsAfter) => {
    const unsigned = await onePagePdf((doc) => {
      doc.catalog.set(name('AcroForm'), doc.context.register(doc.context.obj(form)));
    });
    const { fields, widgetRef, widget } = await signatureParts(
      await signPdf(unsigned, await unitSigner(), { signingTime: SIGNING_TIME }),
    );
    expect(fields.size()).toBe(fieldsAfter);
    expect(fields.get(0)).toBe(widgetRef);
    expect(text(widget, 'T')).toBe('Signature1');
  });

  it('a PDF whose form still lists a field that no longer exists', async () => {
    const unsigned = await onePagePdf((doc) => {
      doc.catalog.set(name('AcroForm'), doc.context.register(doc.context.obj({ Fields: [PDFRef.of(999)] })));
    });
    const signed = await signPdf(unsigned, await unitSigner(), { signingTime: SIGNING_TIME });
    const { fields, widget } = await signatureParts(signed);
    expect(fields.size()).toBe(2);
    expect(text(widget, 'T')).toBe('Signature2');
  });

  it('a PDF with an empty signature field, which is not a signature yet', async () => {
    const unsigned = await onePagePdf((doc) => {
      const empty = doc.context.register(
        doc.context.obj({ FT: 'Sig', T: PDFString.of('Leder'), Type: 'Annot', Subtype: 'Widget', Rect: [0, 0, 0, 0] }),
      );
      doc.catalog.set(name('AcroForm'), doc.context.register(doc.context.obj({ Fields: [empty] })));
    });
    const signed = await signPdf(unsigned, await unitSigner(), { signingTime: SIGNING_TIME });
    const { fields, widget } = await signatureParts(signed);
    expect(fields.size()).toBe(2);
    expect(text(widget, 'T')).toBe('Signature2');
  });

  it('with room for a long chain of certificates, which the CMS carries in full', async () => {
    const signer = await unitSigner(14);
    const certificates = [signer.certificate, ...signer.chain].reduce((sum, item) => sum + item.der.length, 0);
    // More certificate bytes than the fixed room for attributes and signature value alone.
    expect(certificates).toBeGreaterThan(4096);
    const signed = await signPdf(await onePagePdf(), signer, { signingTime: NOW });
    expect(contentsHex(signed)).toHaveLength(2 * (certificates + 4096));
    const report = await verifyPdf(signed, { now: NOW });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid_untrusted');
  });

  it('a signature value that exactly fills the reserved room, and refuses one byte more', async () => {
    const signer = await unitSigner();
    const reserved = [signer.certificate, ...signer.chain].reduce((sum, item) => sum + item.der.length, 0) + 4096;
    // A token that answers with a signature value of `length` bytes (no real signature: only its size matters).
    const token = (length: number): Signer => ({ ...signer, sign: async () => new Uint8Array(length).fill(0xab) });
    const probe = await createDetachedCms([new Uint8Array(1)], token(4000), { signingTime: null });
    const fits = reserved - (probe.length - 4000);
    expect((await createDetachedCms([new Uint8Array(1)], token(fits), { signingTime: null })).length).toBe(reserved);

    const signed = await signPdf(await onePagePdf(), token(fits), { signingTime: SIGNING_TIME });
    const hex = contentsHex(signed);
    expect(hex).toHaveLength(2 * reserved);
    expect(hex.endsWith('abab')).toBe(true);
    await expect(signPdf(await onePagePdf(), token(fits + 1), { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'internal',
      messageKey: 'signing.pdf.signatureTooLarge',
    });
    await expect(signPdf(await onePagePdf(), token(2 * reserved), { signingTime: SIGNING_TIME })).rejects.toMatchObject(
      { code: 'internal', messageKey: 'signing.pdf.signatureTooLarge' },
    );
  });
});

describe('signPdf refuses', () => {
  it('a PDF already signed, even when its signature is not the first field of the form', async () => {
    const signer = await unitSigner();
    const signed = await signPdf(await withFormAndNote(), signer, { signingTime: SIGNING_TIME });
    expect((await signatureParts(signed)).fields.size()).toBe(2);
    await expect(signPdf(signed, signer, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'signing.pdf.alreadySigned',
    });
  });

  it('a PDF whose own text holds the signature placeholder, rather than filling in the wrong place', async () => {
    const unsigned = await onePagePdf((doc) => {
      const info = doc.context.obj({
        Subject: PDFString.of('/ByteRange [0 /********** /********** /**********]'),
      });
      doc.context.trailerInfo.Info = doc.context.register(info);
    });
    await expect(signPdf(unsigned, await unitSigner(), { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'internal',
      messageKey: 'signing.pdf.placeholderNotFound',
    });
  });
});
