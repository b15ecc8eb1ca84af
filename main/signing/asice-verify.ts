import type {
  SubIndication,
  VerificationProblem,
  VerificationReport,
  VerifiedFile,
} from '../../shared/domain/verification';
import { ManifestError, parseManifest, type AsicManifest } from './asic-manifest';
import { ASICE_MIMETYPE } from './asice-build';
import { verifyDetachedCms, type CmsVerification } from './cms-verify';
import { bytesEqual, digest, sha256, toHex } from './crypto';
import { buildReport, unreadableReport, type VerifyOptions } from './report';
import { readZip, type ZipEntry } from './zip-read';

const SIGNATURE_PATTERN = /^META-INF\/[^/]*signature[^/]*\.p7s$/i;
const MANIFEST_PATTERN = /^META-INF\/ASiCManifest[^/]*\.xml$/i;

export type DataFile = { name: string; bytes: Uint8Array };

function mimetypeProblems(entries: ZipEntry[]): VerificationProblem[] {
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  const problem = (messageKey: string): VerificationProblem => ({ check: 'mimetype', file: 'mimetype', messageKey });
  if (!mimetype) return [problem('signing.problem.mimetypeMissing')];
  if (entries[0] !== mimetype || mimetype.localOffset !== 0) return [problem('signing.problem.mimetypeNotFirst')];
  const problems: VerificationProblem[] = [];
  if (mimetype.compressionMethod !== 0) problems.push(problem('signing.problem.mimetypeCompressed'));
  if (mimetype.localExtraFieldLength !== 0) problems.push(problem('signing.problem.mimetypeExtraField'));
  if (Buffer.from(mimetype.bytes).toString('latin1') !== ASICE_MIMETYPE)
    problems.push(problem('signing.problem.mimetypeWrong'));
  return problems;
}

const MISSING_OR_MANY = {
  signature: ['signing.problem.signatureMissing', 'signing.problem.multipleSignatures'],
  manifest: ['signing.problem.manifestMissing', 'signing.problem.multipleManifests'],
} as const;

/** Exactly one entry matching `pattern`, or a problem saying none or several. */
function single(
  entries: ZipEntry[],
  pattern: RegExp,
  check: 'signature' | 'manifest',
  problems: VerificationProblem[],
): ZipEntry | null {
  const found = entries.filter((entry) => pattern.test(entry.name));
  if (found.length === 1) return found[0] as ZipEntry;
  const [missing, many] = MISSING_OR_MANY[check];
  problems.push({ check, messageKey: found.length === 0 ? missing : many });
  return null;
}

function readManifest(
  entry: ZipEntry,
  signature: ZipEntry | null,
  problems: VerificationProblem[],
): AsicManifest | null {
  try {
    const manifest = parseManifest(entry.bytes);
    if (signature && manifest.signatureName !== signature.name) {
      problems.push({ check: 'manifest', file: entry.name, messageKey: 'signing.problem.manifestSignatureMismatch' });
    }
    return manifest;
  } catch (error) {
    // Stryker disable next-line StringLiteral: parseManifest throws only ManifestError; this covers the unforeseen
    const messageKey = error instanceof ManifestError ? error.messageKey : 'signing.problem.manifestMalformed';
    problems.push({ check: 'manifest', file: entry.name, messageKey });
    return null;
  }
}

function describe(entry: ZipEntry, state: VerifiedFile['state']): VerifiedFile {
  return { name: entry.name, size: entry.bytes.length, sha256: toHex(sha256(entry.bytes)), state };
}

/** Every manifest reference must be present and match; every other file must be in the manifest. */
function compareFiles(
  dataEntries: ZipEntry[],
  manifest: AsicManifest | null,
  problems: VerificationProblem[],
): VerifiedFile[] {
  if (!manifest) return dataEntries.map((entry) => describe(entry, 'unsigned'));
  const byName = new Map(dataEntries.map((entry) => [entry.name, entry]));
  const files: VerifiedFile[] = manifest.references.map((reference) => {
    const entry = byName.get(reference.name);
    if (!entry) {
      problems.push({ check: 'coverage', file: reference.name, messageKey: 'signing.problem.fileMissing' });
      return { name: reference.name, size: null, sha256: null, state: 'missing' };
    }
    const matches = bytesEqual(digest(reference.digestAlgorithm, entry.bytes), reference.digest);
    if (!matches) problems.push({ check: 'digest', file: entry.name, messageKey: 'signing.problem.fileModified' });
    return describe(entry, matches ? 'signed' : 'modified');
  });
  const listed = new Set(manifest.references.map((reference) => reference.name));
  for (const entry of dataEntries.filter((item) => !listed.has(item.name))) {
    problems.push({ check: 'coverage', file: entry.name, messageKey: 'signing.problem.fileNotSigned' });
    files.push(describe(entry, 'unsigned'));
  }
  return files;
}

type Inspection = { report: VerificationReport; signedFiles: DataFile[] };

async function inspectAsice(bytes: Uint8Array, options: VerifyOptions): Promise<Inspection> {
  const zip = await readZip(bytes);
  if (!zip.ok) {
    const problem: VerificationProblem = {
      check: 'container',
      messageKey: zip.messageKey,
      ...(zip.file === undefined ? {} : { file: zip.file }),
    };
    // Stryker disable next-line ArrayDeclaration: an unreadable report is never accepted, so its signed files are never handed over
    return { report: unreadableReport('asice', problem, options.now), signedFiles: [] };
  }
  const entries = zip.entries;
  const problems = mimetypeProblems(entries);
  const signature = single(entries, SIGNATURE_PATTERN, 'signature', problems);
  const manifestEntry = single(entries, MANIFEST_PATTERN, 'manifest', problems);
  const manifest = manifestEntry ? readManifest(manifestEntry, signature, problems) : null;
  let cms: CmsVerification | null = null;
  if (signature && manifestEntry)
    cms = await verifyDetachedCms(signature.bytes, [manifestEntry.bytes], { file: manifestEntry.name });
  const outside = new Set<ZipEntry | null>([
    signature,
    manifestEntry,
    entries.find((entry) => entry.name === 'mimetype') ?? null,
  ]);
  const dataEntries = entries.filter(
    (entry) => !outside.has(entry) && !(entry.isDirectory && entry.bytes.length === 0),
  );
  const files = compareFiles(dataEntries, manifest, problems);
  const report = await buildReport(
    { format: 'asice', cms, signingTime: cms?.signingTime ?? null, files, problems },
    options,
  );
  const signedFiles = files
    .filter((file) => file.state === 'signed')
    .map((file) => ({
      name: file.name,
      bytes: (dataEntries.find((entry) => entry.name === file.name) as ZipEntry).bytes,
    }));
  return { report, signedFiles };
}

/**
 * Verifies a signed ASiC-E container held in memory: ZIP safety, mimetype, manifest, the CAdES
 * signature over the manifest, every data file's digest, full coverage, certificate dates and trust.
 * Never throws and never writes to disk.
 */
export async function verifyAsice(bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  return (await inspectAsice(bytes, options)).report;
}

/**
 * Verdicts a user cannot wave through with "accept untrusted signer": keys or algorithms too weak to
 * bind the content to anyone, and a chain through a revoked CA.
 */
const NEVER_ACCEPTED: ReadonlySet<SubIndication> = new Set(['CRYPTO_CONSTRAINTS_FAILURE_NO_POE', 'REVOKED_CA_NO_POE']);

export type AsiceImport =
  { accepted: true; report: VerificationReport; files: DataFile[] } | { accepted: false; report: VerificationReport };

/**
 * For importing a received container: returns the data files only when the container is valid and
 * the signer trusted, or valid and the user explicitly accepted an untrusted signer. Otherwise only
 * the report, so nothing unverified reaches the vault.
 */
export async function openAsiceForImport(
  bytes: Uint8Array,
  options: VerifyOptions & { acceptUntrusted?: boolean } = {},
): Promise<AsiceImport> {
  const { report, signedFiles } = await inspectAsice(bytes, options);
  const acceptable =
    report.status === 'valid' ||
    (report.status === 'valid_untrusted' &&
      options.acceptUntrusted === true &&
      // Stryker disable next-line StringLiteral: INDETERMINATE always comes with a sub-indication; the default is never used
      !NEVER_ACCEPTED.has(report.subIndication ?? 'NO_CERTIFICATE_CHAIN_FOUND'));
  return acceptable ? { accepted: true, report, files: signedFiles } : { accepted: false, report };
}
