import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, type PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendUpdate } from '../../test/fixtures/signing/pdf-update';
import { latin1 } from '../../test/fixtures/signing/pdf-sign-fixtures';
import { makePdf } from '../../test/fixtures/signing/signing-fixtures';
import { isDssOnlyUpdate } from './pades-dss-check';

/**
 * Whether what follows a PDF's signed bytes is validation data only (PAdES B-LT), over updates
 * written by hand: each kind of object an update may add, and each way it may touch what was signed.
 * pades-ltv.test.ts covers the update Bro writes itself and pdfsig's view of it.
 */

let base: Uint8Array;
let root: string;
let catalogNumber: number;
let catalogBody: string;
let pageNumber: number;
let pageBody: string;

beforeAll(async () => {
  base = await makePdf(1);
  const doc = await PDFDocument.load(base, { updateMetadata: false });
  const rootRef = doc.context.trailerInfo.Root!;
  root = rootRef.toString();
  catalogNumber = Number(root.split(' ')[0]);
  catalogBody = doc.context.lookup(rootRef)!.toString();
  const page = doc.getPages()[0]!;
  pageNumber = page.ref.objectNumber;
  pageBody = page.node.toString();
});

const withDssEntry = (body: string) => body.replace(/>>\s*$/, ' /DSS 9000 0 R >>');
const update = (objects: Record<number, string>, pdf = base) => appendUpdate(pdf, objects, root);
const only = (objects: Record<number, string>) => isDssOnlyUpdate(update(objects), base.length);

const CERT_STREAM = '<< /Length 3 >>\nstream\nabc\nendstream';

describe('isDssOnlyUpdate accepts', () => {
  it('a DSS dictionary, its certificate stream and the same catalog with a /DSS entry', async () => {
    expect(
      await only({
        9000: '<< /Type /DSS /Certs [9001 0 R] >>',
        9001: CERT_STREAM,
        [catalogNumber]: withDssEntry(catalogBody),
      }),
    ).toBe(true);
  });

  it('a DSS dictionary without /Type, and a VRI-style dictionary of DSS keys', async () => {
    expect(
      await only({ 9000: '<< /Certs [] /CRLs [] /OCSPs [] /VRI 9002 0 R >>', 9002: '<< /Cert [] /TU (x) >>' }),
    ).toBe(true);
  });

  it('a certificate stream with a filter and its parameters', async () => {
    expect(
      await only({ 9001: '<< /Length 3 /Filter /FlateDecode /DecodeParms << >> >>\nstream\nabc\nendstream' }),
    ).toBe(true);
  });

  it('an object of the signed revision written again unchanged', async () => {
    expect(await only({ [pageNumber]: pageBody })).toBe(true);
  });
});

describe('isDssOnlyUpdate refuses', () => {
  it.each([
    ['a dictionary of another type', { 9000: '<< /Type /Annot /Subtype /Text >>' }],
    ['a DSS dictionary typed otherwise', { 9000: '<< /Type /Catalog /Certs [] >>' }],
    ['a dictionary with a key DSS dictionaries do not have', { 9000: '<< /Certs [] /JavaScript (x) >>' }],
    [
      'a stream with a key data streams do not have',
      { 9001: '<< /Length 3 /Subtype /Image >>\nstream\nabc\nendstream' },
    ],
    ['an object that is neither a dictionary nor a stream', { 9000: '[1 2 3]' }],
  ])('a new object that is not validation data: %s', async (_what, objects) => {
    expect(await only(objects)).toBe(false);
  });

  it('a page of the signed revision changed', async () => {
    expect(await only({ [pageNumber]: pageBody.replace(/>>\s*$/, ' /Rotate 90 >>') })).toBe(false);
  });

  it('a catalog changed beyond its /DSS entry', async () => {
    expect(await only({ [catalogNumber]: withDssEntry(catalogBody).replace(/>>\s*$/, ' /OpenAction 3 0 R >>') })).toBe(
      false,
    );
  });

  it('a catalog replaced by something that is not a dictionary', async () => {
    expect(await only({ [catalogNumber]: '[1]' })).toBe(false);
  });

  it('a new root', async () => {
    const moved = appendUpdate(base, { 9003: withDssEntry(catalogBody) }, '9003 0 R');
    expect(await isDssOnlyUpdate(moved, base.length)).toBe(false);
  });

  it('a signed stream whose bytes changed, its dictionary the same', async () => {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const stream = doc.context
      .enumerateIndirectObjects()
      .find(([, object]) => object.constructor.name === 'PDFRawStream');
    expect(stream).toBeDefined();
    const [ref, object] = stream!;
    const raw = object as unknown as { dict: { toString(): string }; contents: Uint8Array };
    const contents = Buffer.from(raw.contents);
    const changed = Buffer.from(contents);
    changed[0] = (changed[0] ?? 0) ^ 0x01;
    const body = (bytes: Buffer) => `${raw.dict.toString()}\nstream\n${bytes.toString('latin1')}\nendstream`;
    expect(await only({ [ref.objectNumber]: body(contents) })).toBe(true);
    expect(await only({ [ref.objectNumber]: body(changed) })).toBe(false);
  });

  it('two updates after the signed bytes', async () => {
    const twice = update({ 9001: CERT_STREAM }, update({ 9000: '<< /Type /DSS >>' }));
    expect(await isDssOnlyUpdate(twice, base.length)).toBe(false);
  });

  it('bytes after the last %%EOF, or an update without its startxref', async () => {
    const updated = update({ 9000: '<< /Type /DSS >>' });
    const trailing = new Uint8Array(Buffer.concat([Buffer.from(updated), Buffer.from('junk')]));
    expect(await isDssOnlyUpdate(trailing, base.length)).toBe(false);
    const text = Buffer.from(updated)
      .toString('latin1')
      .replace(/startxref\s+\d+\s+%%EOF\s*$/, '%%EOF\n');
    expect(await isDssOnlyUpdate(new Uint8Array(Buffer.from(text, 'latin1')), base.length)).toBe(false);
  });

  it('a file that does not parse, or signed bytes that do not', async () => {
    const updated = update({ 9000: '<< /Type /DSS >>' });
    expect(await isDssOnlyUpdate(new Uint8Array(Buffer.from('%PDF-1.7\ngarbage\nstartxref\n0\n%%EOF\n')), 0)).toBe(
      false,
    );
    expect(await isDssOnlyUpdate(updated, 0)).toBe(false);
  });
});

describe('isDssOnlyUpdate refuses, beyond what an object says', () => {
  /** A signed stream of the base revision: its number, dictionary and raw bytes. */
  async function signedStream(): Promise<{ number: number; dict: string; contents: string }> {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const [ref, object] = doc.context
      .enumerateIndirectObjects()
      .find(([, candidate]) => candidate instanceof PDFRawStream) as [PDFRef, PDFRawStream];
    return { number: ref.objectNumber, dict: object.dict.toString(), contents: latin1(object.contents) };
  }

  it('a signed stream whose bytes are the same but whose dictionary now points a reader elsewhere', async () => {
    const { number, dict, contents } = await signedStream();
    const redirected = dict.replace(/>>\s*$/, ' /F (annen-fil.pdf) >>');
    expect(await only({ [number]: `${dict}\nstream\n${contents}\nendstream` })).toBe(true);
    expect(await only({ [number]: `${redirected}\nstream\n${contents}\nendstream` })).toBe(false);
  });

  it('a signed stream whose /Length now tells a reader to stop short, its bytes the same', async () => {
    // pdf-lib finds the end of the stream by its endstream keyword; a reader that trusts /Length reads "ab".
    const signed = update({ 9100: '<< /Length 3 >>\nstream\nabc\nendstream' });
    const only = (body: string) => isDssOnlyUpdate(update({ 9100: body }, signed), signed.length);
    expect(await only('<< /Length 3 >>\nstream\nabc\nendstream')).toBe(true);
    expect(await only('<< /Length 2 >>\nstream\nabc\nendstream')).toBe(false);
  });

  it('a signed page replaced by a stream, and a signed stream replaced by a dictionary', async () => {
    const asStream = `${pageBody.replace(/>>\s*$/, ' /Length 3 >>')}\nstream\nabc\nendstream`;
    expect(await only({ [pageNumber]: asStream })).toBe(false);
    const { number, dict } = await signedStream();
    expect(await only({ [number]: dict })).toBe(false);
    const withArray = update({ 9100: '[1 2 3]' });
    const replaced = update({ 9100: '<< /Length 3 >>\nstream\nabc\nendstream' }, withArray);
    expect(await isDssOnlyUpdate(replaced, withArray.length)).toBe(false);
  });

  it('a change to the document information only (who produced it)', async () => {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const info = doc.context.trailerInfo.Info as PDFRef;
    const body = doc.context.lookup(info, PDFDict).clone();
    body.set(PDFName.of('Producer'), PDFString.of('Fiktiv redigerer'));
    expect(await only({ [info.objectNumber]: doc.context.lookup(info)!.toString() })).toBe(true);
    expect(await only({ [info.objectNumber]: body.toString() })).toBe(false);
  });

  it('a new root that is another catalog already hidden in the signed revision', async () => {
    const signed = update({ 9003: catalogBody });
    const switched = appendUpdate(signed, { 9000: '<< /Type /DSS >>' }, '9003 0 R');
    expect(await isDssOnlyUpdate(update({ 9000: '<< /Type /DSS >>' }, signed), signed.length)).toBe(true);
    expect(await isDssOnlyUpdate(switched, signed.length)).toBe(false);
  });

  it('a file whose catalog is no dictionary at all, even when the update leaves it alone', async () => {
    const signed = update({ [catalogNumber]: '[1]' });
    expect(await isDssOnlyUpdate(update({ 9000: '<< /Type /DSS >>' }, signed), signed.length)).toBe(false);
  });

  it('a signed length of nothing: there is no signed revision to compare with', async () => {
    expect(await isDssOnlyUpdate(base, 0)).toBe(false);
  });
});

describe('isDssOnlyUpdate accepts, whatever the line ends', () => {
  it('an update whose startxref and %%EOF end in CRLF', async () => {
    const updated = latin1(update({ 9000: '<< /Type /DSS >>' }));
    const crlf = updated.replace(/startxref\n(\d+)\n%%EOF\n$/, 'startxref\r\n$1\r\n%%EOF\r\n');
    expect(crlf).not.toBe(updated);
    expect(await isDssOnlyUpdate(new Uint8Array(Buffer.from(crlf, 'latin1')), base.length)).toBe(true);
  });
});
