import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { bytesEqual } from './crypto';

const STREAM_KEYS = new Set(['Length', 'Filter', 'DecodeParms']);
const DSS_KEYS = new Set(['Type', 'Certs', 'CRLs', 'OCSPs', 'VRI', 'Cert', 'CRL', 'OCSP', 'TU', 'TS']);
const DSS = PDFName.of('DSS');

function keysWithin(dict: PDFDict, allowed: Set<string>): boolean {
  return dict.keys().every((key) => allowed.has(key.decodeText()));
}

/** A new object an LTV update may add: a plain data stream (a certificate, a CRL) or a DSS/VRI dictionary. */
function isValidationData(object: PDFObject): boolean {
  if (object instanceof PDFRawStream) return keysWithin(object.dict, STREAM_KEYS);
  if (!(object instanceof PDFDict) || !keysWithin(object, DSS_KEYS)) return false;
  const type = object.get(PDFName.of('Type'));
  return type === undefined || type === PDFName.of('DSS');
}

function sameObject(a: PDFObject, b: PDFObject): boolean {
  // Stryker disable next-line LogicalOperator: with one side a stream, the fall-through compares a stream's text with a non-stream's, which never match either
  if (a instanceof PDFRawStream || b instanceof PDFRawStream) {
    return (
      a instanceof PDFRawStream &&
      b instanceof PDFRawStream &&
      a.dict.toString() === b.dict.toString() &&
      bytesEqual(a.contents, b.contents)
    );
  }
  return a.toString() === b.toString();
}

function withoutDss(object: PDFObject | undefined): string | null {
  if (!(object instanceof PDFDict)) return null;
  const copy = object.clone();
  copy.delete(DSS);
  return copy.toString();
}

async function load(bytes: Uint8Array): Promise<PDFDocument | null> {
  // Stryker disable next-line ArrowFunction: undefined is as falsy as null to the one caller
  return PDFDocument.load(bytes, { updateMetadata: false }).catch(() => null);
}

/**
 * Whether everything after the signed bytes (`signedLength`) is one incremental update that only adds
 * validation data: certificate and CRL streams, DSS and VRI dictionaries, and the same catalog with a
 * /DSS entry. Every object of the signed revision must be unchanged, so what a reader shows is still
 * exactly what was signed. Never throws.
 */
export async function isDssOnlyUpdate(pdf: Uint8Array, signedLength: number): Promise<boolean> {
  const tail = Buffer.from(pdf.subarray(signedLength)).toString('latin1');
  // Stryker disable next-line ArrayDeclaration: a tail without %%EOF fails the startxref…%%EOF test after it anyway
  if ((tail.match(/%%EOF/g) ?? []).length !== 1 || !/startxref\s+\d+\s+%%EOF\s*$/.test(tail)) return false;
  const [signed, full] = await Promise.all([load(pdf.subarray(0, signedLength)), load(pdf)]);
  if (!signed || !full) return false;
  const root = full.context.trailerInfo.Root;
  if (!(root instanceof PDFRef) || signed.context.trailerInfo.Root !== root) return false;
  const before = new Map(signed.context.enumerateIndirectObjects().map(([ref, object]) => [ref.tag, object]));
  for (const [ref, object] of full.context.enumerateIndirectObjects()) {
    const old = before.get(ref.tag);
    if (ref === root) {
      const catalog = withoutDss(object);
      if (catalog === null || catalog !== withoutDss(old)) return false;
    } else if (old ? !sameObject(old, object) : !isValidationData(object)) {
      return false;
    }
  }
  return true;
}
