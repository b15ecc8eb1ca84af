import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendUpdate } from '../../test/fixtures/signing/pdf-update';
import { shadowByDuplicate, shadowInStream } from '../../test/fixtures/signing/pdf-shadow';
import { fromLatin1, latin1 } from '../../test/fixtures/signing/pdf-sign-fixtures';
import { makeIdentity, makePdf } from '../../test/fixtures/signing/signing-fixtures';
import { validationDataUpdate } from './pades-dss-check';
import { addDss } from './pades-ltv';
import { signPdf } from './pades-sign';

/**
 * What follows a PDF's signed bytes counts as validation data only when it is exactly the update
 * Bro's addDss writes for the certificates and CRLs it carries (pades-dss-check.ts says why). Every
 * case starts from a really signed PDF whose own update is accepted, so a refusal here is the
 * update's doing. pades-ltv.test.ts covers the update itself and pdfsig's view of it.
 */

/** Fictional DER-shaped bytes: the check copies validation data, it does not read it. */
const CERT = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x07]);
const CRL = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x09]);

let signed: Uint8Array;
let withDss: Uint8Array;
let root: string;

beforeAll(async () => {
  const identity = await makeIdentity({ notBefore: new Date('2026-01-01T00:00:00Z') });
  signed = await signPdf(await makePdf(1), identity, { signingTime: new Date('2026-03-02T10:15:00Z') });
  withDss = await addDss(signed, { certs: [CERT], crls: [CRL] });
  root = (await PDFDocument.load(signed, { updateMetadata: false })).context.trailerInfo.Root!.toString();
});

const check = (pdf: Uint8Array) => validationDataUpdate(pdf, signed.length);

describe('validationDataUpdate accepts', () => {
  it("Bro's own update, and gives the certificates and CRLs it carries", async () => {
    expect(await check(withDss)).toEqual({ certs: [CERT], crls: [CRL] });
  });

  it("Bro's own update of a DSS with nothing in it", async () => {
    expect(await check(await addDss(signed, { certs: [], crls: [] }))).toEqual({ certs: [], crls: [] });
  });
});

describe('validationDataUpdate refuses a shadow attack, which every reader shows as other text', () => {
  it('page content redefined inside the data of a new stream that looks like a certificate', async () => {
    expect(await check(await shadowInStream(signed, 'FORFALSKET innhold'))).toBeNull();
  });

  it('page content defined twice, the table pointing at the first, pdf-lib keeping the second', async () => {
    expect(await check(await shadowByDuplicate(signed, 'FORFALSKET innhold'))).toBeNull();
  });

  it("the same on top of Bro's own update, with its validation data kept", async () => {
    expect(await validationDataUpdate(await shadowInStream(withDss, 'FORFALSKET'), signed.length)).toBeNull();
  });
});

describe('validationDataUpdate refuses any other update', () => {
  it('validation data written by another tool: a DSS, its certificate stream and the catalog with /DSS', async () => {
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const catalogNumber = Number(root.split(' ')[0]);
    const withEntry = doc.catalog.toString().replace(/>>\s*$/, ' /DSS 9000 0 R >>');
    const other = appendUpdate(
      signed,
      {
        9000: '<< /Type /DSS /Certs [9001 0 R] >>',
        9001: `<< /Length ${CERT.length} >>\nstream\n${latin1(CERT)}\nendstream`,
        [catalogNumber]: withEntry,
      },
      root,
    );
    expect(await check(other)).toBeNull();
  });

  it("Bro's own update with its lines ended in CRLF", async () => {
    const crlf = latin1(withDss).replace(/startxref\n(\d+)\n%%EOF\n$/, 'startxref\r\n$1\r\n%%EOF\r\n');
    expect(crlf).not.toBe(latin1(withDss));
    expect(await check(fromLatin1(crlf))).toBeNull();
  });

  it("Bro's own update with one entry of its table pointing elsewhere", async () => {
    const text = latin1(withDss);
    const entry = /\n(\d{10}) 00000 n \n/.exec(text.slice(signed.length))!;
    const moved = String(Number(entry[1]) + 1).padStart(10, '0');
    expect(await check(fromLatin1(text.replace(entry[0], `\n${moved} 00000 n \n`)))).toBeNull();
  });

  it('a page of the signed revision changed', async () => {
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const page = doc.getPages()[0]!;
    page.node.set(PDFName.of('Rotate'), doc.context.obj(90));
    expect(await check(appendUpdate(signed, { [page.ref.objectNumber]: page.node.toString() }, root))).toBeNull();
  });

  it("a second update after Bro's own", async () => {
    expect(await check(appendUpdate(withDss, { 9998: '<< /Cert [] >>' }, root))).toBeNull();
  });

  it("bytes after Bro's update, or its end cut off", async () => {
    expect(await check(new Uint8Array(Buffer.concat([Buffer.from(withDss), Buffer.from('junk')])))).toBeNull();
    expect(await check(withDss.subarray(0, withDss.length - '%%EOF\n'.length))).toBeNull();
  });

  it('a signed length that is not the end of the signed revision, nothing, or the whole file', async () => {
    expect(await validationDataUpdate(withDss, signed.length - 1)).toBeNull();
    expect(await validationDataUpdate(withDss, 0)).toBeNull();
    expect(await validationDataUpdate(withDss, withDss.length)).toBeNull();
  });

  it('a file that does not parse', async () => {
    const garbage = fromLatin1('%PDF-1.7\ngarbage\nstartxref\n0\n%%EOF\n');
    expect(await validationDataUpdate(garbage, 10)).toBeNull();
  });
});
