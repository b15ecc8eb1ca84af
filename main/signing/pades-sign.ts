import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import { AppError } from '../ipc/app-error';
import { createDetachedCms, type ValidationMaterial } from './cms-sign';
import { bytesEqual } from './crypto';
import { addDss } from './pades-ltv';
import type { Signer } from './signer';

export type PdfSignOptions = {
  /** The claimed time of signing, written to the signature's /M entry (PAdES keeps it out of the CMS). */
  signingTime: Date;
  reason?: string;
  /** Shown by readers next to the signature; defaults to the certificate's CN. */
  signerName?: string;
  location?: string;
  /**
   * PAdES B-LT: when given (CRLs from the trust store, CA certificates), the signed PDF gets a DSS with
   * the signer's chain, these certificates and these CRLs in an incremental update after the signature.
   */
  validation?: ValidationMaterial;
};

const BYTE_RANGE_MARK = '**********';
const BYTE_RANGE_PATTERN = /\/ByteRange\s*\[\s*0\s+\/\*{10}\s+\/\*{10}\s+\/\*{10}\s*\]/g;
/** ISO 32000: annotation flag Print; AcroForm SigFlags SignaturesExist | AppendOnly. */
const PRINT_FLAG = 4;
const SIG_FLAGS = 3;

/** Hex digits reserved for the CMS: room for the certificates plus attributes and an RSA-4096 signature. */
function contentsLength(identity: Signer): number {
  const certificates = [identity.certificate, ...identity.chain].reduce((sum, item) => sum + item.der.length, 0);
  return 2 * (certificates + 4096);
}

function hasSignature(doc: PDFDocument): boolean {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return false;
  return fields.asArray().some((ref) => {
    const field = doc.context.lookupMaybe(ref, PDFDict);
    return field?.get(PDFName.of('FT')) === PDFName.of('Sig') && field.has(PDFName.of('V'));
  });
}

function signatureDictionary(doc: PDFDocument, identity: Signer, options: PdfSignOptions, hexLength: number): PDFRef {
  const byteRange = PDFArray.withContext(doc.context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_MARK));
  const dict = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(hexLength)),
    M: PDFString.fromDate(options.signingTime),
    // Text strings as UTF-16 hex: safe for any characters and needs no escaping.
    Name: PDFHexString.fromText(options.signerName ?? identity.summary.commonName ?? identity.summary.subject),
    ...(options.reason ? { Reason: PDFHexString.fromText(options.reason) } : {}),
    ...(options.location ? { Location: PDFHexString.fromText(options.location) } : {}),
  });
  return doc.context.register(dict);
}

/** An invisible signature field on the first page, registered in the AcroForm. */
function addSignatureField(doc: PDFDocument, signatureRef: PDFRef): void {
  const page = doc.getPages()[0];
  if (!page) throw new AppError('unreadable', 'signing.pdf.noPages');
  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    // Stryker disable next-line ObjectLiteral: a form made without /Fields gets its empty array just below
    acroForm = doc.context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = doc.context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS));
  const appearance = doc.context.register(doc.context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signatureRef,
    T: PDFString.of(`Signature${fields.size() + 1}`),
    F: PRINT_FLAG,
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef = doc.context.register(widget);
  fields.push(widgetRef);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([widgetRef]));
}

function onlyMatch(text: string, pattern: RegExp): RegExpExecArray {
  const matches = [...text.matchAll(pattern)];
  if (matches.length !== 1) throw new AppError('internal', 'signing.pdf.placeholderNotFound');
  return matches[0] as RegExpExecArray;
}

/** Fills in /ByteRange and /Contents in the saved bytes, keeping every offset unchanged. */
async function embedSignature(prepared: Uint8Array, identity: Signer, hexLength: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(prepared);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const contents = onlyMatch(text, new RegExp(`<0{${hexLength}}>`, 'g'));
  const gapStart = contents.index;
  const gapEnd = gapStart + hexLength + 2;
  const range = onlyMatch(text, BYTE_RANGE_PATTERN);
  const filled = `/ByteRange [0 ${gapStart} ${gapEnd} ${bytes.length - gapEnd}]`.padEnd(range[0].length, ' ');
  // Stryker disable next-line ConditionalExpression,StringLiteral: the placeholder is 52 characters, three 10-digit offsets fill 47 (a file under 10 GB)
  if (filled.length !== range[0].length) throw new AppError('internal', 'signing.pdf.placeholderNotFound');
  // Stryker disable next-line StringLiteral: the ByteRange is ASCII, the same bytes in any encoding Buffer knows
  bytes.set(Buffer.from(filled, 'latin1'), range.index);
  // Stryker disable next-line ObjectLiteral: an absent signingTime leaves signing-time out just as null does
  const cms = await createDetachedCms([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], identity, {
    signingTime: null,
  });
  if (cms.length * 2 > hexLength) throw new AppError('internal', 'signing.pdf.signatureTooLarge');
  const hex = Buffer.from(cms).toString('hex');
  // Stryker disable next-line StringLiteral: hex digits are ASCII, the same bytes in any encoding Buffer knows
  bytes.set(Buffer.from(hex, 'latin1'), gapStart + 1);
  return bytes;
}

/**
 * Signs an unsigned PDF (PAdES baseline B): an invisible signature field whose ETSI.CAdES.detached
 * CMS covers the whole file except the signature itself. The PDF is re-saved without object streams
 * so the signature dictionary stays plain text.
 */
export async function signPdf(unsignedPdf: Uint8Array, identity: Signer, options: PdfSignOptions): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(unsignedPdf, { updateMetadata: false });
  } catch {
    throw new AppError('unreadable', 'signing.pdf.unreadable');
  }
  return signPdfDocument(doc, identity, options);
}

/**
 * Signs a PDF that is still being built and has never been saved: one save instead of a load and a
 * second save, which roughly halves the time of a signed export. The document is consumed.
 */
export async function signPdfDocument(
  doc: PDFDocument,
  identity: Signer,
  options: PdfSignOptions,
): Promise<Uint8Array> {
  if (hasSignature(doc)) throw new AppError('conflict', 'signing.pdf.alreadySigned');
  const hexLength = contentsLength(identity);
  addSignatureField(doc, signatureDictionary(doc, identity, options, hexLength));
  const prepared = await doc.save({ useObjectStreams: false });
  const signed = await embedSignature(prepared, identity, hexLength);
  return options.validation ? addDss(signed, dssMaterial(identity, options.validation)) : signed;
}

/** The DSS carries the signer's certificate and chain too, each certificate and CRL once. */
function dssMaterial(signer: Signer, validation: ValidationMaterial): ValidationMaterial {
  const unique = (items: Uint8Array[]) =>
    items.filter((item, i) => items.findIndex((other) => bytesEqual(other, item)) === i);
  const own = [signer.certificate, ...signer.chain].map((item) => item.der);
  return { certs: unique([...own, ...validation.certs]), crls: unique(validation.crls) };
}
