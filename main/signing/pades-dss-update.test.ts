// addDss's incremental update as a strict reader reads it, what it refuses, and readDss: split from
// pades-ltv.test.ts, whose tests sign with the openssl-made unit identity.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ValidationMaterial } from './cms-sign';
import { validationDataUpdate } from './pades-dss-check';
import { addDss, readDss } from './pades-ltv';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { appendUpdate } from '../../test/fixtures/signing/pdf-update';
import { fromLatin1, latin1, onePagePdf, signatureParts } from '../../test/fixtures/signing/pdf-sign-fixtures';
import { at, crlBy, DAY, NOW, party, signerOf } from '../../test/fixtures/signing/webcrypto-pki';
import type { Signer } from './signer';

/**
 * The update addDss writes, read the way a strict reader reads it (issue 17): every xref entry must
 * point at its object, the trailer must link back to the revision before, the DSS must name the
 * signature in its VRI. Signers are WebCrypto keys, signed and extended inside each test.
 */

type Update = { headers: string[]; numbers: number[]; trailer: string; xrefAt: number };

/** The last xref section and trailer of `pdf`, each entry checked against the object at its offset. */
function lastUpdate(pdf: Uint8Array): Update {
  const text = latin1(pdf);
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const section = text.slice(xrefAt);
  expect(section.startsWith('xref\n')).toBe(true);
  const trailerAt = section.indexOf('trailer\n');
  const lines = section.slice('xref\n'.length, trailerAt).split('\n');
  expect(lines.pop()).toBe('');
  const headers: string[] = [];
  const numbers: number[] = [];
  while (lines.length > 0) {
    const header = lines.shift() as string;
    const [, start, count] = (/^(\d+) (\d+)$/.exec(header) ?? []).map(Number);
    expect(count, header).toBeGreaterThan(0);
    headers.push(header);
    for (let k = 0; k < (count as number); k++) {
      const entry = /^(\d{10}) (\d{5}) n $/.exec(lines.shift() ?? '');
      expect(entry, `entry ${k} of ${header}`).not.toBeNull();
      const number = (start as number) + k;
      expect(text.startsWith(`${number} ${Number(entry![2])} obj\n`, Number(entry![1]))).toBe(true);
      numbers.push(number);
    }
  }
  const trailer = /^trailer\n<< (.*) >>\nstartxref\n/.exec(section.slice(trailerAt))?.[1] ?? '';
  return { headers, numbers, trailer, xrefAt };
}

const startxrefOf = (pdf: Uint8Array) => Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf))?.[1]);
const hexes = (items: Uint8Array[]) => items.map((item) => Buffer.from(item).toString('hex'));

/** A unit signer under two CAs, and the CAs' certificates and two CRLs as B-LT material. */
async function ltvParts(): Promise<{ signer: Signer; material: ValidationMaterial }> {
  const root = await party('Fiktiv rot-CA', 1);
  const ca = await party('Fiktiv CA', 2, root);
  const signer = signerOf(await party('Fiktiv enhet', 3, ca), [ca, root]);
  const crls = [await crlBy(ca), await crlBy(root, { thisUpdate: at(-2 * DAY) })];
  return { signer, material: { certs: [ca.cert.der, root.cert.der], crls: crls.map((crl) => crl.der) } };
}

const withInfoAndId = (doc: PDFDocument) => {
  doc.setTitle('Oppfolgingsplan for Ola Testmann');
  const id = PDFHexString.of('0123456789ABCDEF0123456789ABCDEF');
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
};

describe('addDss writes an update a strict reader follows', () => {
  it('new objects, the catalog, one xref entry each and a trailer back to the signed revision', async () => {
    const { signer, material } = await ltvParts();
    const signed = await signPdf(await onePagePdf(withInfoAndId), signer, { signingTime: NOW });
    const withDss = await addDss(signed, material);
    const before = await PDFDocument.load(signed, { updateMetadata: false });
    const { Root: root, Info: info, ID: id } = before.context.trailerInfo;
    const first = before.context.largestObjectNumber + 1;
    // Certificates, CRLs, the VRI, the DSS: numbered after the signed revision's last object.
    const [c1, c2, r1, r2, vri, dss] = [first, first + 1, first + 2, first + 3, first + 4, first + 5] as const;

    // Directly after the signed bytes, which end without a newline: one, then the first object.
    expect(latin1(withDss.subarray(signed.length, signed.length + 12))).toBe(`\n${c1} 0 obj\n<<`);
    const update = lastUpdate(withDss);
    expect(update.headers).toEqual([`${(root as PDFRef).objectNumber} 1`, `${first} 6`]);
    expect(update.numbers).toEqual([(root as PDFRef).objectNumber, c1, c2, r1, r2, vri, dss]);
    expect(update.trailer).toBe(
      `/Size ${dss + 1} /Root ${String(root)} /Info ${String(info)} /ID ${String(id)} /Prev ${startxrefOf(signed)}`,
    );
    expect(info).toBeDefined();
    expect(id).toBeDefined();

    // The VRI key: upper-case hex SHA-1 of the signature's /Contents bytes.
    const contents = (await signatureParts(signed)).signature.get(PDFName.of('Contents')) as PDFHexString;
    const key = createHash('sha1').update(contents.asBytes()).digest('hex').toUpperCase();
    const text = latin1(withDss);
    expect(text).toContain(`\n${vri} 0 obj\n<< /Cert [${c1} 0 R ${c2} 0 R] /CRL [${r1} 0 R ${r2} 0 R] >>\nendobj\n`);
    expect(text).toContain(
      `\n${dss} 0 obj\n<< /Type /DSS /Certs [${c1} 0 R ${c2} 0 R] /CRLs [${r1} 0 R ${r2} 0 R] /VRI << /${key} ${vri} 0 R >> >>\nendobj\n`,
    );
    const dssRead = await readDss(withDss);
    expect(hexes(dssRead.certs)).toEqual(hexes(material.certs));
    expect(hexes(dssRead.crls)).toEqual(hexes(material.crls));
    expect(await validationDataUpdate(withDss, signed.length)).not.toBeNull();
  });

  it('no /Info or /ID in the trailer when the signed PDF has none', async () => {
    const { signer, material } = await ltvParts();
    const signed = await signPdf(await onePagePdf(), signer, { signingTime: NOW });
    const before = await PDFDocument.load(signed, { updateMetadata: false });
    expect(before.context.trailerInfo.Info).toBeUndefined();
    const withDss = await addDss(signed, { certs: material.certs.slice(0, 1), crls: [] });
    const first = before.context.largestObjectNumber + 1;
    const update = lastUpdate(withDss);
    expect(update.trailer).toBe(
      `/Size ${first + 3} /Root ${String(before.context.trailerInfo.Root)} /Prev ${startxrefOf(signed)}`,
    );
    expect(latin1(withDss)).toContain(`\n${first + 1} 0 obj\n<< /Cert [${first} 0 R] /CRL [] >>\nendobj\n`);
    const verified = await verifyPdf(withDss, { now: NOW });
    expect(verified.problems).toEqual([]);
  });

  it('a catalog with text outside ASCII written back byte for byte', async () => {
    const { signer, material } = await ltvParts();
    const unsigned = await onePagePdf((doc) => {
      const labels = doc.context.obj({ Nums: [0, { S: 'D', P: PDFString.of('Vedlegg Æ-') }] });
      doc.catalog.set(PDFName.of('PageLabels'), labels);
    });
    const signed = await signPdf(unsigned, signer, { signingTime: NOW });
    const withDss = await addDss(signed, material);
    const doc = await PDFDocument.load(withDss, { updateMetadata: false });
    const labels = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    const prefix = labels.lookup(PDFName.of('Nums'), PDFArray).lookup(1, PDFDict).lookup(PDFName.of('P'));
    expect((prefix as PDFString).decodeText()).toBe('Vedlegg Æ-');
    expect(await validationDataUpdate(withDss, signed.length)).not.toBeNull();
  });

  it('a second update straight after a first that ends in a newline, linked back to it', async () => {
    const { signer, material } = await ltvParts();
    const signed = await signPdf(await onePagePdf(), signer, { signingTime: NOW });
    const once = await addDss(signed, material);
    const fresh = { certs: material.certs.slice(0, 1), crls: material.crls.slice(1) };
    const twice = await addDss(once, fresh);
    const first = (await PDFDocument.load(once, { updateMetadata: false })).context.largestObjectNumber + 1;
    const head = `${first} 0 obj\n`;
    expect(latin1(twice.subarray(once.length, once.length + head.length))).toBe(head);
    expect(lastUpdate(twice).trailer).toMatch(new RegExp(` /Prev ${lastUpdate(once).xrefAt}$`));
    const dss = await readDss(twice);
    expect(hexes(dss.certs)).toEqual(hexes(fresh.certs));
    expect(hexes(dss.crls)).toEqual(hexes(fresh.crls));
  });

  it('after an update whose end another tool wrote with CRLF line ends', async () => {
    const { signer, material } = await ltvParts();
    const signed = await signPdf(await onePagePdf(), signer, { signingTime: NOW });
    const once = latin1(await addDss(signed, material));
    const prev = startxrefOf(fromLatin1(once));
    const crlf = fromLatin1(once.replace(/startxref\n(\d+)\n%%EOF\n$/, 'startxref\r\n$1\r\n%%EOF\r\n'));
    const twice = await addDss(crlf, material);
    expect(latin1(twice.subarray(0, crlf.length))).toBe(latin1(crlf));
    expect(lastUpdate(twice).trailer).toMatch(new RegExp(` /Prev ${prev}$`));
  });
});

describe('addDss refuses', () => {
  it('a PDF that is not signed, and one with bytes after its last %%EOF', async () => {
    const { signer, material } = await ltvParts();
    const unsignedPdf = await onePagePdf();
    await expect(addDss(unsignedPdf, material)).rejects.toMatchObject({
      code: 'internal',
      messageKey: 'signing.pdf.placeholderNotFound',
    });
    const signed = await signPdf(unsignedPdf, signer, { signingTime: NOW });
    const trailing = fromLatin1(`${latin1(signed)}\n% Fiktiv etterskrift\n`);
    await expect(addDss(trailing, material)).rejects.toMatchObject({
      code: 'internal',
      messageKey: 'signing.pdf.placeholderNotFound',
    });
  });

  it('a file with a signature but no document catalog', async () => {
    const { material } = await ltvParts();
    const body = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 26 32 40] /Contents <00> >>\nendobj\n';
    const file = `${body}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n${body.length}\n%%EOF\n`;
    await expect(addDss(fromLatin1(file), material)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pdf.unreadable',
    });
  });
});

describe('readDss', () => {
  const stream = (content: string, dict = '') =>
    `<< /Length ${content.length}${dict} >>\nstream\n${content}\nendstream`;

  /** A plain PDF with an update adding `objects` and a catalog whose /DSS is `9000 0 R`. */
  async function withDss(objects: Record<number, string>): Promise<Uint8Array> {
    const base = await onePagePdf();
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const root = doc.context.trailerInfo.Root as PDFRef;
    const catalog = doc.catalog.toString().replace(/>>\s*$/, ' /DSS 9000 0 R >>');
    return appendUpdate(base, { ...objects, [root.objectNumber]: catalog }, root.toString());
  }

  it('reads nothing from a file that is not a PDF, or a PDF without a DSS', async () => {
    expect(await readDss(new TextEncoder().encode('{"kind":"plan"}'))).toEqual({ certs: [], crls: [] });
    expect(await readDss(await onePagePdf())).toEqual({ certs: [], crls: [] });
  });

  it('reads the certificates of a DSS that has no CRLs', async () => {
    const pdf = await withDss({ 9000: '<< /Type /DSS /Certs [9001 0 R] >>', 9001: stream('sertifikat') });
    expect(await readDss(pdf)).toEqual({ certs: [new TextEncoder().encode('sertifikat')], crls: [] });
  });

  it('skips entries that are not streams or do not decode, keeping the rest', async () => {
    const pdf = await withDss({
      9000: '<< /Type /DSS /Certs [9001 0 R 7 9002 0 R 9003 0 R] /CRLs [9004 0 R] >>',
      9001: stream('ett'),
      9002: '<< /Type /Annot >>',
      9003: stream('ikke flate', ' /Filter /FlateDecode'),
      9004: stream('sperreliste'),
    });
    const encode = (value: string) => new TextEncoder().encode(value);
    expect(await readDss(pdf)).toEqual({ certs: [encode('ett')], crls: [encode('sperreliste')] });
  });

  it('reads at most 100 certificates from a DSS that lists more', async () => {
    const numbers = Array.from({ length: 101 }, (_, i) => 9001 + i);
    const objects: Record<number, string> = { 9000: `<< /Certs [${numbers.map((n) => `${n} 0 R`).join(' ')}] >>` };
    for (const n of numbers) objects[n] = stream(`sertifikat ${n}`);
    const { certs } = await readDss(await withDss(objects));
    expect(certs).toHaveLength(100);
    expect(new TextDecoder().decode(certs[99])).toBe('sertifikat 9100');
  });

  it('reads a DSS in a file with a broken object elsewhere', async () => {
    const pdf = await withDss({
      9000: '<< /Certs [9001 0 R] >>',
      9001: stream('sertifikat'),
      9500: '<< /A [ 1 2 >> >>',
    });
    expect((await readDss(pdf)).certs).toEqual([new TextEncoder().encode('sertifikat')]);
  });
});
