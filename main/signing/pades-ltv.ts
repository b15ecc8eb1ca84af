import { createHash } from 'node:crypto';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';
import { AppError } from '../ipc/app-error';
import type { ValidationMaterial } from './cms-sign';

/** What a PDF's Document Security Store carries: certificates and CRLs, DER. */
export type DssContents = { certs: Uint8Array[]; crls: Uint8Array[] };

const MAX_DSS_ITEMS = 100;
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** PDF syntax as bytes, one byte a character: the inverse of `latin1`, so a catalog's text survives. */
function latin1Bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** The key of the signature's VRI entry: upper-case hex SHA-1 of its /Contents bytes (ETSI EN 319 142-1, 5.4.2). */
function vriKey(text: string): string | null {
  const match = BYTE_RANGE.exec(text);
  if (!match) return null;
  // Stryker disable next-line ArithmeticOperator: the gap of signPdf's own signature ends in the string's '>', and Buffer.from(hex, 'hex') stops at that pair, so reading two characters further hashes the same bytes
  const hex = text.slice(Number(match[2]) + 1, Number(match[3]) - 1);
  return createHash('sha1').update(Buffer.from(hex, 'hex')).digest('hex').toUpperCase();
}

function streamObject(number: number, data: Uint8Array): Buffer {
  return Buffer.concat([
    latin1Bytes(`${number} 0 obj\n<< /Length ${data.length} >>\nstream\n`),
    Buffer.from(data),
    latin1Bytes('\nendstream\nendobj\n'),
  ]);
}

const refs = (numbers: number[]) => `[${numbers.map((n) => `${n} 0 R`).join(' ')}]`;

type Written = { number: number; generation: number; offset: number };

function xrefSection(written: Written[]): string {
  const sorted = [...written].sort((a, b) => a.number - b.number);
  const lines: string[] = ['xref'];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.number === sorted[j]!.number + 1) j++;
    lines.push(`${sorted[i]!.number} ${j - i + 1}`);
    for (const entry of sorted.slice(i, j + 1))
      lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n `);
    i = j + 1;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * PAdES B-LT: appends the validation material (the chain and the CRLs) to a signed PDF as a DSS
 * dictionary (Certs, CRLs and a VRI entry for the signature) in an incremental update. The signed
 * bytes are left as they are, so the signature still covers its ByteRange; only the new objects,
 * a catalog with /DSS added, an xref section and a trailer with /Prev follow them.
 */
export async function addDss(signedPdf: Uint8Array, material: ValidationMaterial): Promise<Uint8Array> {
  const text = latin1(signedPdf);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const key = vriKey(text);
  if (!startxref || !key) throw new AppError('internal', 'signing.pdf.placeholderNotFound');
  const doc = await PDFDocument.load(signedPdf, { updateMetadata: false });
  const root = doc.context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw new AppError('unreadable', 'signing.pdf.unreadable');
  let next = doc.context.largestObjectNumber + 1;
  const parts: Buffer[] = [Buffer.from(signedPdf), latin1Bytes(text.endsWith('\n') ? '' : '\n')];
  let offset = parts.reduce((sum, part) => sum + part.length, 0);
  const written: Written[] = [];
  const add = (number: number, generation: number, body: Buffer) => {
    written.push({ number, generation, offset });
    parts.push(body);
    offset += body.length;
  };
  const addStreams = (items: Uint8Array[]) =>
    items.map((data) => {
      const number = next++;
      add(number, 0, streamObject(number, data));
      return number;
    });
  const certs = addStreams(material.certs);
  const crls = addStreams(material.crls);
  const vri = next++;
  add(vri, 0, latin1Bytes(`${vri} 0 obj\n<< /Cert ${refs(certs)} /CRL ${refs(crls)} >>\nendobj\n`));
  const dss = next++;
  const dssBody = `<< /Type /DSS /Certs ${refs(certs)} /CRLs ${refs(crls)} /VRI << /${key} ${vri} 0 R >> >>`;
  add(dss, 0, latin1Bytes(`${dss} 0 obj\n${dssBody}\nendobj\n`));
  doc.catalog.set(PDFName.of('DSS'), PDFRef.of(dss));
  const catalogBody = `${root.objectNumber} ${root.generationNumber} obj\n${doc.catalog.toString()}\nendobj\n`;
  add(root.objectNumber, root.generationNumber, latin1Bytes(catalogBody));
  const { Info, ID } = doc.context.trailerInfo;
  const trailer = [
    `/Size ${next}`,
    `/Root ${root.toString()}`,
    ...(Info ? [`/Info ${Info.toString()}`] : []),
    ...(ID ? [`/ID ${ID.toString()}`] : []),
    `/Prev ${startxref[1]}`,
  ].join(' ');
  const xrefAt = offset;
  parts.push(latin1Bytes(`${xrefSection(written)}trailer\n<< ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

function streamBytes(doc: PDFDocument, item: PDFObject | undefined): Uint8Array | null {
  const stream = item instanceof PDFRef ? doc.context.lookup(item) : item;
  // Stryker disable next-line ConditionalExpression: decoding anything but a raw stream throws inside the try below, which also gives null
  if (!(stream instanceof PDFRawStream)) return null;
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return null;
  }
}

function dssList(doc: PDFDocument, dss: PDFDict, name: string): Uint8Array[] {
  const array = dss.lookupMaybe(PDFName.of(name), PDFArray);
  if (!array) return [];
  return array
    .asArray()
    .slice(0, MAX_DSS_ITEMS)
    .map((item) => streamBytes(doc, item))
    .filter((bytes): bytes is Uint8Array => bytes !== null);
}

/** The certificates and CRLs in a PDF's DSS; empty when there is none or it cannot be read. Never throws. */
export async function readDss(pdf: Uint8Array): Promise<DssContents> {
  try {
    // Stryker disable next-line ObjectLiteral: pdf-lib's defaults differ only in updating the Info of a document thrown away
    const doc = await PDFDocument.load(pdf, {
      // Stryker disable next-line BooleanLiteral: updating the metadata only writes a producer and dates into the Info of a document thrown away
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    const dss = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
    // Stryker disable next-line ConditionalExpression: without a DSS, dssList throws and the catch gives the same empty answer
    if (!dss) return { certs: [], crls: [] };
    return { certs: dssList(doc, dss, 'Certs'), crls: dssList(doc, dss, 'CRLs') };
  } catch {
    return { certs: [], crls: [] };
  }
}
