import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatFingerprint,
  normaliseFingerprint,
  type VerificationReport,
  type VerificationStatus,
} from '../../../shared/domain/verification';
import { AppError } from '../../ipc/app-error';
import { describeIdentityCertificate, type TrustList } from '../../signing';
import { derFromFile } from '../../services/pem';
import { verifySignedFile } from '../../services/verify-file';
import { EXIT, type CliIo } from '../cli-io';
import { vaultTrustForVerify } from './trust-commands';
import { UsageError } from './vault-commands';

/**
 * 0 TOTAL-PASSED (valid and trusted), 3 INDETERMINATE (intact, but the signer is not trusted or the
 * chain cannot be confirmed now), 1 TOTAL-FAILED, 2 unreadable or not a signed file.
 */
export const VERIFY_EXIT: Readonly<Record<VerificationStatus, number>> = {
  valid: EXIT.ok,
  valid_untrusted: EXIT.untrusted,
  invalid: EXIT.refused,
  unreadable: EXIT.usage,
};

function isCertificate(der: Uint8Array): boolean {
  try {
    describeIdentityCertificate(der);
    return true;
  } catch {
    return false;
  }
}

/** Each --trust is a certificate file (DER or PEM, the signer's or a CA's) or a SHA-256 fingerprint. */
function trustList(io: CliIo, values: readonly string[]): TrustList {
  const certificates: Uint8Array[] = [];
  const fingerprints: string[] = [];
  for (const value of values) {
    if (existsSync(value) && statSync(value).isFile()) {
      const der = derFromFile(new Uint8Array(readFileSync(value)));
      if (!isCertificate(der))
        throw new AppError('unreadable', 'signing.identity.certificateUnreadable', undefined, ['--trust']);
      certificates.push(der);
    } else if (/^[0-9a-f]{64}$/.test(normaliseFingerprint(value))) {
      fingerprints.push(normaliseFingerprint(value));
    } else {
      throw new UsageError(io.t('export.cli.badTrust', { value }));
    }
  }
  return { certificates, fingerprints };
}

function printReport(io: CliIo, report: VerificationReport): void {
  io.out(io.t(`signing.status.${report.status}`));
  if (report.indication) {
    const sub = report.subIndication ? ` / ${report.subIndication}` : '';
    io.out(`${report.indication}${sub}: ${io.t(`trust.indication.${report.indication}`)}`);
    if (report.subIndication) io.out(`  ${io.t(`trust.subIndication.${report.subIndication}`)}`);
  }
  if (report.signer) {
    io.out(
      io.t('export.cli.signer', {
        name: report.signer.commonName ?? report.signer.subject,
        subject: report.signer.subject,
      }),
    );
    io.out(`${io.t('signing.fingerprint.label')}: ${formatFingerprint(report.signer.fingerprint)}`);
  }
  if (report.signingTime) io.out(io.t('export.cli.signingTime', { time: report.signingTime }));
  for (const file of report.files) io.out(`  ${file.name}: ${io.t(`signing.fileState.${file.state}`)}`);
  for (const problem of report.problems) {
    const where = problem.file ? ` (${problem.file})` : '';
    io.out(`  ✗ ${io.t(`signing.check.${problem.check}`)}: ${io.t(problem.messageKey, problem.params)}${where}`);
  }
  for (const problem of report.trustProblems ?? []) io.out(`  ✗ ${io.t(problem.messageKey, problem.params)}`);
  for (const warning of report.warnings) io.out(`  ! ${io.t(warning.messageKey, warning.params)}`);
  if ((report.chain ?? []).length > 1)
    io.out(io.t('trust.cli.chain', { chain: (report.chain ?? []).map((item) => item.subject).join(' ← ') }));
}

/**
 * `bro verify FILE [--trust CERT_FILE_OR_FINGERPRINT]... [--vault DIR | --trust-store DIR] [--json]`:
 * verifies a signed PDF or ASiC-E container, as on KDI's offline verifying machine; with a vault, its
 * trusted signers and trust store (CA certificates, CRLs) count too. Reads the file, writes nothing.
 */
export async function verifyCommand(io: CliIo, rest: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      trust: { type: 'string', multiple: true },
      vault: { type: 'string' },
      'trust-store': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('FILE');
  if (values.vault !== undefined && values['trust-store'] !== undefined)
    throw new UsageError('--vault | --trust-store');
  const given = trustList(io, values.trust ?? []);
  const storeDir = values.vault ?? values['trust-store'];
  const stored = storeDir === undefined ? {} : await vaultTrustForVerify(io, storeDir);
  const trust: TrustList = {
    certificates: [...(given.certificates ?? []), ...(stored.certificates ?? [])],
    fingerprints: [...(given.fingerprints ?? []), ...(stored.fingerprints ?? [])],
    authorities: stored.authorities ?? [],
    crls: stored.crls ?? [],
  };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    io.err(io.t('export.cli.cannotRead', { file }));
    return EXIT.usage;
  }
  const report = await verifySignedFile(bytes, basename(file), { trust });
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else printReport(io, report);
  return VERIFY_EXIT[report.status];
}
