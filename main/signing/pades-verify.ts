import type { VerificationProblem, VerificationReport, VerifiedFile } from '../../shared/domain/verification';
import { verifyDetachedCms, type CmsVerification } from './cms-verify';
import { sha256, toHex } from './crypto';
import { validationDataUpdate } from './pades-dss-check';
import { parsePdfDate } from './pdf-date';
import { buildReport, unreadableReport, type VerifyOptions } from './report';

export type PdfVerifyOptions = VerifyOptions & {
  /** The name to show for the PDF in the report (never a path). */
  fileName?: string;
};

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
// Stryker disable next-line ArrayDeclaration: an item here is no DER certificate or CRL, and report.ts drops unreadable extra items quietly
const NONE: readonly Uint8Array[] = [];

type Located = { range: [number, number, number, number]; cmsHex: string; dictionary: string };

/** The text of the indirect object around `index` (the signature dictionary). */
function enclosingObject(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf(' obj', index), 0);
  const end = text.indexOf('endobj', index);
  return text.slice(start, end === -1 ? undefined : end);
}

/**
 * Finds the one signature and checks that its ByteRange is [0 gapStart gapEnd rest], that the gap is
 * exactly the /Contents hex string, and that the signed ranges end at the end of the file.
 */
function locateSignature(bytes: Uint8Array, text: string, problems: VerificationProblem[]): Located | null {
  const matches = [...text.matchAll(BYTE_RANGE)];
  if (matches.length === 0) {
    problems.push({ check: 'pdf', messageKey: 'signing.problem.pdfNotSigned' });
    return null;
  }
  if (matches.length > 1) {
    problems.push({ check: 'pdf', messageKey: 'signing.problem.pdfMultipleSignatures' });
    return null;
  }
  const match = matches[0] as RegExpExecArray;
  const range = [1, 2, 3, 4].map((i) => Number(match[i])) as [number, number, number, number];
  const [start, gapStart, gapEnd, rest] = range;
  const wellFormed =
    start === 0 &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a second guard; with gapStart 0 the /Contents test below reads an empty slice and fails
    gapStart > 0 &&
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a gap of 0 or 1 bytes fails the tests below anyway (one byte is not both '<' and '>', and the byte before '<' must end /Contents)
    gapEnd > gapStart + 1 &&
    gapEnd + rest <= bytes.length &&
    text[gapStart] === '<' &&
    text[gapEnd - 1] === '>' &&
    /\/Contents\s*$/.test(text.slice(Math.max(0, gapStart - 32), gapStart)) &&
    /^[0-9A-Fa-f]*$/.test(text.slice(gapStart + 1, gapEnd - 1)) &&
    // Stryker disable next-line ArithmeticOperator: gapEnd - gapStart + 2 and gapEnd + gapStart have the parity of gapEnd - gapStart - 2, and none is negative here
    (gapEnd - gapStart - 2) % 2 === 0;
  if (!wellFormed) {
    problems.push({ check: 'pdf', messageKey: 'signing.problem.pdfByteRangeInvalid' });
    return null;
  }
  if (gapEnd + rest < bytes.length)
    problems.push({ check: 'coverage', messageKey: 'signing.problem.pdfBytesAfterSignature' });
  // Stryker disable next-line ArithmeticOperator: two characters further is the checked '>' and one more, and Buffer.from(hex, 'hex') stops at that pair
  return { range, cmsHex: text.slice(gapStart + 1, gapEnd - 1), dictionary: enclosingObject(text, match.index) };
}

/**
 * PAdES B-LT: the update Bro writes after the signature, which only adds a DSS (certificates, CRLs),
 * is validation data, not a change to the signed document (pades-dss-check.ts says why only that
 * update, byte for byte). Its contents go to path validation.
 */
async function ltvUpdate(bytes: Uint8Array, located: Located, problems: VerificationProblem[]) {
  const dss = await validationDataUpdate(bytes, located.range[2] + located.range[3]);
  if (!dss) return undefined;
  // Here locateSignature has added exactly one problem, pdfBytesAfterSignature, so index is always 0.
  // Stryker disable next-line ConditionalExpression: the one problem there is the one searched for
  const index = problems.findIndex((p) => p.messageKey === 'signing.problem.pdfBytesAfterSignature');
  // Stryker disable next-line ConditionalExpression,UnaryOperator: index is always 0 here, so the test always passes
  if (index !== -1) problems.splice(index, 1);
  return { certificates: dss.certs, crls: dss.crls };
}

function claimedTime(dictionary: string, cms: CmsVerification): Date | null {
  if (cms.signingTime) return cms.signingTime;
  const m = /\/M\s*\(([^)]*)\)/.exec(dictionary);
  return m ? parsePdfDate(m[1] as string) : null;
}

function fileState(problems: VerificationProblem[], signed: boolean): VerifiedFile['state'] {
  if (!signed) return 'unsigned';
  const changed = problems.some((p) => p.check === 'coverage' || p.messageKey === 'signing.problem.contentModified');
  return changed ? 'modified' : 'signed';
}

/**
 * Verifies a signed PDF: one PAdES/PKCS#7 detached signature whose byte range covers the whole file
 * (no incremental update or trailing bytes after it), the CMS, the certificate dates and trust.
 * Never throws; a file that is not a PDF is `unreadable`.
 */
export async function verifyPdf(bytes: Uint8Array, options: PdfVerifyOptions = {}): Promise<VerificationReport> {
  const fileName = options.fileName ?? 'document.pdf';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.slice(0, 1024).includes('%PDF-')) {
    return unreadableReport('pdf', { check: 'pdf', file: fileName, messageKey: 'signing.problem.notPdf' }, options.now);
  }
  const problems: VerificationProblem[] = [];
  const located = locateSignature(bytes, text, problems);
  const extra = located ? await ltvUpdate(bytes, located, problems) : undefined;
  let cms: CmsVerification | null = null;
  let signingTime: Date | null = null;
  if (located) {
    const [, gapStart, gapEnd, rest] = located.range;
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(located.dictionary)?.[1];
    if (!subFilter || !SUBFILTERS.has(subFilter))
      problems.push({ check: 'pdf', messageKey: 'signing.problem.pdfSubFilterUnsupported' });
    const signedParts = [bytes.subarray(0, gapStart), bytes.subarray(gapEnd, gapEnd + rest)];
    cms = await verifyDetachedCms(new Uint8Array(Buffer.from(located.cmsHex, 'hex')), signedParts, {
      file: fileName,
      allowZeroPadding: true,
    });
    signingTime = claimedTime(located.dictionary, cms);
  }
  // Stryker disable next-line ArrayDeclaration: cms is null only when no signature was located, and fileState then answers 'unsigned' unread
  const cmsProblems = cms?.problems ?? [];
  const allProblems = [...problems, ...cmsProblems];
  const file: VerifiedFile = {
    name: fileName,
    size: bytes.length,
    sha256: toHex(sha256(bytes)),
    state: fileState(allProblems, located !== null),
  };
  return buildReport(
    { format: 'pdf', cms, signingTime, files: [file], problems },
    extra
      ? {
          ...options,
          extra: {
            certificates: [...(options.extra?.certificates ?? NONE), ...extra.certificates],
            crls: [...(options.extra?.crls ?? NONE), ...extra.crls],
          },
        }
      : options,
  );
}
