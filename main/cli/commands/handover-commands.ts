import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeThenRecord } from '../../fs/atomic-write';
import { refuseInsideVault } from '../../files/vault-folder-guard';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { HandoverImportResult, HandoverPreview } from '../../../shared/ipc/handover';
import { caseByReference } from '../../services/vault-listing';
import { waitForOtherWriters } from '../../db/connection';
import { AppError } from '../../ipc/app-error';
import { signingTokenConfig } from '../../services/export-signer';
import { importHandover, previewHandover } from '../../services/handover-import';
import { recordHandover, renderHandover } from '../../services/handover-package';
import { context } from '../../services/service-context';
import { handoverCandidates } from '../../services/transfer-service';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { requireSecret } from './demo-commands';
import { VERIFY_EXIT } from './verify-commands';
import { UsageError } from './vault-commands';

/**
 * `bro handover --vault DIR --case REF --out FILE [--doc ID]... [--reason TEXT] [--json]`: the handover
 * package of the app (NO pkt 8), for the case's recorded transfer. Without --doc every document with a
 * finalised version goes; with it only those. Logged like the app's; FILE is never overwritten.
 */
export async function handoverCommand(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string' },
      doc: { type: 'string', multiple: true },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.vault) throw new UsageError('--vault');
  if (!values.case) throw new UsageError('--case');
  if (!values.out) throw new UsageError('--out');
  const out = values.out;
  if (existsSync(out)) {
    io.err(io.t('export.cli.exists', { file: out }));
    return EXIT.refused;
  }
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
    io.err(io.t('export.cli.noFolder', { file: out }));
    return EXIT.usage;
  }
  refuseInsideVault(out, values.vault);
  const session = new VaultSession({ dir: values.vault });
  await session.unlock(await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase'));
  try {
    const deps = { session, now: () => new Date() };
    const { db } = context(deps);
    waitForOtherWriters(db);
    const kase = caseByReference(db, values.case);
    if (!kase) throw new AppError('not_found', 'handover.cli.caseNotFound');
    const chosen = values.doc ?? null;
    const reason = values.reason ?? io.t('handover.cli.defaultReason');
    const candidates = handoverCandidates(db, kase.id).map(({ candidate }) => candidate);
    // A --doc that is not a document of the case (a typo, another case's id) is refused, as in the app:
    // silently dropped, it made a package without the document and settled the package due.
    const known = new Set(candidates.map((candidate) => candidate.documentId));
    if (chosen?.some((id) => !known.has(id))) throw new AppError('invalid_input', 'handover.error.notInCase');
    const choices = candidates.map((candidate) => ({
      documentId: candidate.documentId,
      include: chosen === null ? candidate.finalisedVersion !== null : chosen.includes(candidate.documentId),
      reason,
    }));
    const pin = signingTokenConfig(db) ? await requireSecret(io, 'BRO_PKCS11_PIN', 'token.cli.promptPin') : undefined;
    const rendered = await renderHandover(deps, { caseId: kase.id, choices, ...(pin ? { pin } : {}) });
    // As `bro export` and the app: written whole to a hidden sibling first, put in place as the log is
    // written; a failed write (a full disk, a pulled stick) leaves no part of the package behind.
    writeThenRecord(out, rendered.bytes, (putInPlace) => recordHandover(deps, rendered, putInPlace));
    const summary = {
      file: out,
      sha256: rendered.sha256,
      grading: rendered.manifest.grading.level,
      documents: rendered.manifest.documents.length,
      leftOut: rendered.manifest.leftOut.length,
    };
    io.out(values.json ? JSON.stringify({ ok: true, ...summary }) : io.t('handover.cli.done', summary));
    return EXIT.ok;
  } finally {
    session.lock('shutdown');
  }
}

type Refused = Extract<HandoverPreview, { outcome: 'refused' }>;

/** A refusal's exit code: the verdict's, as `bro verify` gives it; 1 for a valid package refused for its contents. */
function refusedExit(result: Refused): number {
  return result.report.status === 'valid' ? EXIT.refused : (VERIFY_EXIT[result.report.status] ?? EXIT.refused);
}

function printResult(io: CliIo, json: boolean, result: HandoverImportResult | Refused, reference: string): void {
  if (json) {
    const { report, ...rest } = result;
    io.out(JSON.stringify({ ...rest, status: report.status, indication: report.indication, trusted: report.trusted }));
  } else if (result.outcome === 'refused') {
    io.err(io.t('handover.cli.refused', { reason: io.t(result.reason.messageKey) }));
  } else {
    const sendingUnit = result.report.signer?.organization ?? result.report.signer?.commonName ?? '';
    io.out(io.t('handover.cli.imported', { reference, count: result.documentIds.length, sendingUnit }));
  }
}

/**
 * `bro import --vault DIR FILE [--accept-untrusted] [--merge] [--json]`: imports a handover package with
 * the checks of the app's import. The package is verified with the vault opened read-only, so a refused
 * file leaves the vault file as it was; only an acceptable one unlocks and writes. A case with the same
 * reference is merged into only with --merge. Exit codes as `bro verify`: 0 imported from a trusted
 * signer, 3 not trusted (refused, or imported with --accept-untrusted), 1 failed or refused, 2 unreadable.
 */
export async function importCommand(io: CliIo, rest: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      'accept-untrusted': { type: 'boolean', default: false },
      merge: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (!values.vault) throw new UsageError('--vault');
  if (file === undefined || extra.length > 0) throw new UsageError('FILE');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    io.err(io.t('export.cli.cannotRead', { file }));
    return EXIT.usage;
  }
  const input = {
    fileName: basename(file),
    fileBase64: bytes.toString('base64'),
    acceptUntrusted: values['accept-untrusted'],
  };
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const inspected = await new VaultSession({ dir: values.vault }).inspect(passphrase);
  let preview: HandoverPreview;
  try {
    if (inspected.schemaVersion > inspected.supported)
      throw new AppError('vault_newer', 'error.vault_newer', {
        found: inspected.schemaVersion,
        supported: inspected.supported,
      });
    preview = await previewHandover({ db: inspected.db, profile: inspected.profile, now: new Date() }, input);
  } finally {
    inspected.db.close();
  }
  if (preview.outcome === 'refused') {
    printResult(io, values.json, preview, '');
    return refusedExit(preview);
  }
  // Refused before unlocking too: unlocking writes an audit entry.
  if (preview.existingCaseId !== null && !values.merge) {
    const caseExists: Refused = {
      outcome: 'refused',
      report: preview.report,
      reason: { messageKey: 'handover.import.caseExists' },
    };
    printResult(io, values.json, caseExists, '');
    return EXIT.refused;
  }
  const session = new VaultSession({ dir: values.vault });
  await session.unlock(passphrase);
  try {
    const deps = { session, now: () => new Date() };
    const merge = preview.existingCaseId !== null ? { mergeIntoCaseId: preview.existingCaseId } : {};
    const result = await session.exclusive(() => importHandover(deps, { ...input, ...merge }));
    printResult(io, values.json, result, preview.contents.caseReference);
    if (result.outcome === 'refused') return refusedExit(result);
    return result.report.trusted ? EXIT.ok : EXIT.untrusted;
  } finally {
    session.lock('shutdown');
  }
}

export const HANDOVER_COMMANDS = { handover: handoverCommand, import: importCommand };
