import { bytesEqual } from './crypto';
import { addDss, readDss, type DssContents } from './pades-ltv';

/**
 * The validation data (certificates and CRLs) of the update after a PDF's signed bytes, when that
 * update is exactly the one Bro's own addDss writes for them (PAdES B-LT); null for anything else.
 * Never throws.
 *
 * Byte for byte, because Bro has no reader-grade PDF parser. A reader finds each object through the
 * last cross-reference table; pdf-lib reads objects from the top and lets a later definition win. A
 * check that compared the two revisions' objects through pdf-lib was fooled by an update whose table
 * pointed a signed page's content at a copy hidden inside a new "certificate" stream, or at the first
 * of two definitions: every viewer showed other text while Bro said unchanged. An update rebuilt from
 * the validation data it carries leaves no such room: the file is the signed bytes and Bro's own
 * update, or it changed after signing. An update another tool wrote is reported as a change, which
 * it is to any reader (pdfsig: "not total document signed").
 */
export async function validationDataUpdate(pdf: Uint8Array, signedLength: number): Promise<DssContents | null> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a short cut for the usual file with nothing after its signature; without it an empty signed part makes addDss throw and a whole file rebuilds longer than itself, both null
  if (signedLength <= 0 || signedLength >= pdf.length) return null;
  const material = await readDss(pdf);
  try {
    const rebuilt = await addDss(pdf.subarray(0, signedLength), material);
    return bytesEqual(rebuilt, pdf) ? material : null;
  } catch {
    return null;
  }
}
