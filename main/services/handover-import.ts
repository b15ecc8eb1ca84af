import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { SignerSummary, VerificationReport } from '../../shared/domain/verification';
import type { HandoverManifest } from '../../shared/domain/transfer';
import type {
  handoverChannels,
  HandoverContents,
  HandoverImportResult,
  HandoverPreview,
} from '../../shared/ipc/handover';
import { highestGrading, type Grading, type Profile } from '../../shared/domain';
import type { Db } from '../db/connection';
import { findCaseByReference, insertCase, updateCase } from '../db/repositories/cases-repo';
import { saveVersion } from '../db/repositories/documents-repo';
import {
  handoverReceiptBySha256,
  insertHandoverReceipt,
  markReceivedDocument,
  receivedVersionKey,
  receivedVersionsOfCase,
} from '../db/repositories/transfer-repo';
import { AppError } from '../ipc/app-error';
import { openAsiceForImport, verifyPdf } from '../signing';
import {
  caseColumns,
  caseData,
  caseSearchText,
  effectiveGrading,
  refreshCaseGrading,
  requireLiveCase,
} from './case-records';
import type { HandlersOf } from './channel-handlers';
import { parseHandoverFiles, type ParsedHandover } from './handover-contents';
// The same verdicts, in the same words, as any import.
import { REFUSAL_BY_STATUS, sourceOf } from './import-service';
import { audit, context, resumed, write, type Ctx, type ServiceDeps } from './service-context';
import { signedContentSha256 } from './signed-content';
import { vaultVerificationTrust } from './trust-store-service';
import { displayName, signedFileKind } from './verify-file';

type Handlers = Pick<HandlersOf<typeof handoverChannels>, 'handover.preview' | 'handover.import'>;
type PreviewInput = z.output<(typeof handoverChannels)['handover.preview']['input']>;
type ImportInput = z.output<(typeof handoverChannels)['handover.import']['input']>;
type Refused = Extract<HandoverPreview, { outcome: 'refused' }>;

function refused(report: VerificationReport, messageKey: string, fields?: string[]): Refused {
  return { outcome: 'refused', report, reason: { messageKey, ...(fields ? { fields } : {}) } };
}

/** An open vault as the checks need it: read-only is enough (the command line verifies before unlocking). */
export interface Vault {
  db: Db;
  profile: Profile;
  now: Date;
}

type Opened = {
  outcome: 'opened';
  report: VerificationReport;
  signer: SignerSummary;
  parsed: Extract<ParsedHandover, { ok: true }>;
  bytes: Uint8Array;
  sha256: string;
  contentSha256: string;
};

/**
 * Verifies a received package exactly as any import does — the vault's trust list, and an untrusted
 * signer only with the explicit choice — then reads it as a handover package. Writes nothing.
 */
async function openPackage(vault: Vault, input: PreviewInput): Promise<Opened | Refused> {
  const bytes = new Uint8Array(Buffer.from(input.fileBase64, 'base64'));
  const options = { trust: vaultVerificationTrust(vault.db), now: vault.now };
  if (signedFileKind(bytes, input.fileName) === 'pdf')
    return refused(
      await verifyPdf(bytes, { ...options, fileName: displayName(input.fileName) }),
      'export.import.notContainer',
    );
  const opened = await openAsiceForImport(bytes, { ...options, acceptUntrusted: input.acceptUntrusted });
  if (!opened.accepted) return refused(opened.report, REFUSAL_BY_STATUS[opened.report.status]);
  const { report } = opened;
  const parsed = parseHandoverFiles(opened.files, vault.profile);
  if (!parsed.ok) return refused(report, parsed.messageKey, parsed.fields);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The same bytes, or the same signed files re-zipped: already imported.
  const contentSha256 = signedContentSha256(opened.files);
  if (handoverReceiptBySha256(vault.db, sha256, contentSha256)) return refused(report, 'handover.import.duplicate');
  if (!report.signer) throw new AppError('internal', 'error.internal');
  return { outcome: 'opened', report, signer: report.signer, parsed, bytes, sha256, contentSha256 };
}

/** Whether the case already received this sender document version (from an earlier package). */
type AlreadyReceived = (entry: { senderDocumentId: string; version: number }) => boolean;

function alreadyReceivedIn(db: Db, caseId: string | null): AlreadyReceived {
  const held = caseId === null ? new Set<string>() : receivedVersionsOfCase(db, caseId);
  return (entry) => held.has(receivedVersionKey(entry.senderDocumentId, entry.version));
}

function contentsOf(parsed: Opened['parsed'], alreadyReceived: AlreadyReceived): HandoverContents {
  const { manifest, kase } = parsed;
  return {
    caseReference: manifest.caseReference,
    name: kase.name,
    sendingUnit: manifest.sendingUnit,
    receivingUnit: manifest.receivingUnit,
    transferKind: manifest.transferKind,
    plannedDate: manifest.plannedDate,
    grading: manifest.grading,
    documents: manifest.documents.map((entry) => ({
      kind: entry.kind,
      version: entry.version,
      grading: entry.grading,
      reason: entry.reason,
      alreadyReceived: alreadyReceived(entry),
    })),
    leftOut: manifest.leftOut,
  };
}

const vaultOf = (deps: ServiceDeps): Vault => ({ ...context(deps), now: deps.now() });

/**
 * The live case a package is for: the one with its reference (or that had it), else one with a
 * reference the sender's case had before, newest first: the sender renumbered the case since an
 * earlier package made it here.
 */
function receivingCase(db: Db, manifest: HandoverManifest) {
  const references = [manifest.caseReference, ...[...(manifest.formerReferences ?? [])].reverse()];
  for (const reference of references) {
    const found = findCaseByReference(db, reference);
    if (found) return found;
  }
  return null;
}

/** What a package would bring, after the same checks as the import; writes nothing. */
export async function previewHandover(vault: Vault, input: PreviewInput): Promise<HandoverPreview> {
  const opened = await openPackage(vault, input);
  if (opened.outcome === 'refused') return opened;
  const existing = receivingCase(vault.db, opened.parsed.manifest);
  return {
    outcome: 'acceptable',
    report: opened.report,
    contents: contentsOf(opened.parsed, alreadyReceivedIn(vault.db, existing?.id ?? null)),
    existingCaseId: existing?.id ?? null,
  };
}

/**
 * The new case, or the live case with the same reference when the user chose it; audited. A new case
 * belongs to the unit the package was sent to (its manifest's receiving unit), not the sender's: the
 * person has moved here, and the unit filter and the case list show where the case is followed up.
 */
function targetCase(ctx: Ctx, actor: string, opened: Opened, mergeInto: string | null): string {
  if (mergeInto !== null) return mergeInto;
  const receivingUnit = opened.parsed.manifest.receivingUnit.trim();
  const kase = { ...opened.parsed.kase, unit: receivingUnit || opened.parsed.kase.unit };
  const record = insertCase(ctx.db, {
    ...caseColumns(kase, kase.grading.level),
    data: { ...kase, gradingChanges: [] },
    at: ctx.at,
    searchText: caseSearchText(kase),
  });
  audit(ctx, actor, 'create', 'case', record.id);
  return record.id;
}

/**
 * A merge never leaves the case graded lower than the sender's case it now holds: its own grading is
 * raised to the sender's (never lowered), as an update of the case, keeping its exemption from public
 * access. Raising needs no reason; only lowerings are kept in the grading changes.
 */
function raiseOwnGrading(ctx: Ctx, actor: string, caseId: string, sender: Grading): void {
  const data = caseData(requireLiveCase(ctx.db, caseId));
  if (highestGrading(ctx.profile, [data.grading.level, sender.level]) === data.grading.level) return;
  // A raise keeps the case's exemption from public access unless the sender's case names its own.
  const exemptionBasis = sender.exemptionBasis ?? data.grading.exemptionBasis;
  const raised = { ...data, grading: { level: sender.level, ...(exemptionBasis ? { exemptionBasis } : {}) } };
  updateCase(ctx.db, caseId, {
    ...caseColumns(raised, effectiveGrading(ctx.db, ctx.profile, caseId, sender.level)),
    data: raised,
    at: ctx.at,
    searchText: caseSearchText(raised),
  });
  audit(ctx, actor, 'update', 'case', caseId);
}

type Stored = { caseId: string; documentIds: string[]; alreadyReceived: number };

function store(ctx: Ctx, opened: Opened, mergeInto: string | null): Stored {
  return write(ctx, (actor) => {
    const caseId = targetCase(ctx, actor, opened, mergeInto);
    if (mergeInto !== null) raiseOwnGrading(ctx, actor, caseId, opened.parsed.kase.grading);
    const alreadyReceived = alreadyReceivedIn(ctx.db, mergeInto);
    const { manifest } = opened.parsed;
    const receiptId = insertHandoverReceipt(ctx.db, {
      caseId,
      merged: mergeInto !== null,
      sendingUnit: manifest.sendingUnit,
      source: sourceOf(opened.signer),
      signerSubject: opened.signer.subject,
      signerFingerprint: opened.signer.fingerprint,
      signerTrusted: opened.report.trusted,
      report: opened.report,
      manifest,
      container: opened.bytes,
      containerSha256: opened.sha256,
      contentSha256: opened.contentSha256,
      receivedAt: ctx.at,
    });
    audit(ctx, actor, 'import', 'handover_receipt', receiptId);
    // A version the case already received (the same package sent again) is not stored twice.
    const arriving = opened.parsed.documents.filter(({ entry }) => !alreadyReceived(entry));
    const documentIds = arriving.map(({ entry, content }) => {
      const { document } = saveVersion(ctx.db, {
        caseId,
        kind: entry.kind,
        content,
        grading: content.grading.level,
        status: 'final',
        author: actor,
        at: ctx.at,
        searchTitle: manifest.caseReference,
      });
      markReceivedDocument(ctx.db, {
        documentId: document.id,
        receiptId,
        senderDocumentId: entry.senderDocumentId,
        senderVersion: entry.version,
      });
      audit(ctx, actor, 'import', 'document', document.id);
      return document.id;
    });
    refreshCaseGrading(ctx.db, ctx.profile, caseId);
    return { caseId, documentIds, alreadyReceived: opened.parsed.documents.length - arriving.length };
  });
}

/**
 * Imports a verified handover package. Never overwrites a case: a live case with the same reference
 * is used only when the user chose it as the merge target (its id, as the preview offered it);
 * otherwise the import is refused. Refused packages write nothing: no row, no audit entry.
 */
export async function importHandover(deps: ServiceDeps, input: ImportInput): Promise<HandoverImportResult> {
  const before = context(deps);
  const opened = await openPackage({ ...before, now: deps.now() }, input);
  if (opened.outcome === 'refused') return opened;
  const ctx = resumed(deps, before);
  const existing = receivingCase(ctx.db, opened.parsed.manifest);
  const mergeInto = input.mergeIntoCaseId ?? null;
  if (existing && mergeInto === null) return refused(opened.report, 'handover.import.caseExists');
  if (mergeInto !== null && existing?.id !== mergeInto) return refused(opened.report, 'handover.import.mergeMismatch');
  const stored = store(ctx, opened, mergeInto);
  return { outcome: 'imported', report: opened.report, merged: mergeInto !== null, ...stored };
}

export function handoverImportHandlers(deps: ServiceDeps): Handlers {
  return {
    'handover.preview': (input) => previewHandover(vaultOf(deps), input),
    'handover.import': (input) => importHandover(deps, input),
  };
}
