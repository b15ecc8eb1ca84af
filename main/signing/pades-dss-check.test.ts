import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendUpdate } from '../../test/fixtures/signing/pdf-update';
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
