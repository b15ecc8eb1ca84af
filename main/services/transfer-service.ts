import { compareDates, GradingLevelSchema, type GradingLevel } from '../../shared/domain';
import { HandoverManifestSchema, TransferSchema, type Transfer } from '../../shared/domain/transfer';
import type { handoverChannels, HandoverCandidate } from '../../shared/ipc/handover';
import { listDocuments, listVersions, type DocumentRecord } from '../db/repositories/documents-repo';
import {
  deleteTransfer,
  getTransfer,
  listHandoverPackages,
  receivedDocumentsOfCase,
  saveTransfer,
} from '../db/repositories/transfer-repo';
import type { Db } from '../db/connection';
import type { HandlersOf } from './channel-handlers';
import { requireLiveCase } from './case-records';
import { isDocumentKind, storedContent } from './document-records';
import { signingTokenConfig } from './export-signer';
import { audit, context, invalid, write, type Ctx, type ServiceDeps } from './service-context';
import { hasVaultIdentity } from './signing-service';

type TransferHandlers = Pick<
  HandlersOf<typeof handoverChannels>,
  'transfer.get' | 'transfer.save' | 'transfer.cancel' | 'handover.prepare'
>;

/** The case's transfer, read back through its schema; null when none is recorded. */
export function caseTransfer(db: Db, caseId: string): Transfer | null {
  const record = getTransfer(db, caseId);
  return record ? storedContent(TransferSchema, record.data) : null;
}

/** The newest finalised version of a document: what a handover sends, even when a draft follows it. */
export function finalisedVersionOf(db: Db, doc: DocumentRecord): number | null {
  const finals = listVersions(db, doc.id).filter((version) => version.status === 'final');
  return finals.at(-1)?.version ?? null;
}

/** The case documents a handover may carry: live, of a document kind (never a vault record). */
export function handoverCandidates(db: Db, caseId: string): { doc: DocumentRecord; candidate: HandoverCandidate }[] {
  return listDocuments(db, { caseId })
    .filter((doc) => isDocumentKind(doc.kind))
    .map((doc) => {
      const finalisedVersion = finalisedVersionOf(db, doc);
      const versions = listVersions(db, doc.id);
      const finalGrading = versions.find((version) => version.version === finalisedVersion)?.grading;
      return {
        doc,
        candidate: {
          documentId: doc.id,
          kind: doc.kind as HandoverCandidate['kind'],
          currentVersion: doc.currentVersion,
          finalisedVersion,
          grading: finalGrading === undefined ? null : GradingLevelSchema.parse(finalGrading),
        },
      };
    });
}

function transferView(db: Db, caseId: string) {
  const packages = listHandoverPackages(db, caseId).map((record) => {
    const manifest = HandoverManifestSchema.safeParse(record.manifest);
    return {
      id: record.id,
      sentOn: record.sentOn,
      grading: GradingLevelSchema.parse(record.grading) as GradingLevel,
      fileSha256: record.fileSha256,
      documents: manifest.success ? manifest.data.documents.length : 0,
      leftOut: manifest.success ? manifest.data.leftOut.length : 0,
    };
  });
  const receivedFrom = receivedDocumentsOfCase(db, caseId).map((row) => ({
    documentId: row.documentId,
    sendingUnit: row.sendingUnit,
    source: row.source,
    signerFingerprint: row.signerFingerprint,
    signerTrusted: row.signerTrusted === 1,
    senderVersion: row.senderVersion,
    receivedAt: row.receivedAt,
  }));
  return { transfer: caseTransfer(db, caseId), packages, receivedFrom };
}

/**
 * What a transfer records as done must have been done (NO pkt 8, 12): a contact or meeting dated after
 * today settled its due item at once; and "contact before the decision" must agree with the two dates.
 */
function assertTransferDates(ctx: Ctx, transfer: Transfer): void {
  for (const field of ['contactMadeOn', 'meetingOn'] as const) {
    const day = transfer[field];
    if (day !== undefined && compareDates(day, ctx.today) > 0)
      throw invalid('handover.error.futureDate', [`transfer.${field}`]);
  }
  const { contactBeforeDecision, contactMadeOn, decisionDate } = transfer;
  if (
    contactBeforeDecision &&
    (contactMadeOn === undefined || (decisionDate !== undefined && compareDates(contactMadeOn, decisionDate) > 0))
  )
    throw invalid('handover.error.contactBeforeDecision', ['transfer.contactBeforeDecision']);
}

function save(ctx: Ctx, caseId: string, transfer: Transfer) {
  requireLiveCase(ctx.db, caseId);
  assertTransferDates(ctx, transfer);
  const existed = getTransfer(ctx.db, caseId) !== null;
  return write(ctx, (actor) => {
    saveTransfer(ctx.db, { caseId, data: transfer, plannedDate: transfer.plannedDate, at: ctx.at });
    audit(ctx, actor, existed ? 'update' : 'create', 'case_transfer', caseId);
    return { transfer };
  });
}

/**
 * A transfer that will not take place, or was recorded by mistake: without this its due items stayed and
 * the case was closed at this unit on the planned day once a package was made (retention-repo.ts
 * TRANSFERRED_ON). Packages made stay on record, as they were sent.
 */
function cancel(ctx: Ctx, caseId: string) {
  requireLiveCase(ctx.db, caseId);
  if (getTransfer(ctx.db, caseId) === null) throw invalid('handover.error.noTransferToCancel', ['caseId']);
  return write(ctx, (actor) => {
    deleteTransfer(ctx.db, caseId);
    audit(ctx, actor, 'delete', 'case_transfer', caseId);
    return { cancelled: true as const };
  });
}

export function transferHandlers(deps: ServiceDeps): TransferHandlers {
  return {
    'transfer.get': ({ caseId }) => {
      const { db } = context(deps);
      requireLiveCase(db, caseId);
      return transferView(db, caseId);
    },
    'transfer.save': ({ caseId, transfer }) => save(context(deps), caseId, transfer),
    'transfer.cancel': ({ caseId }) => cancel(context(deps), caseId),
    'handover.prepare': ({ caseId }) => {
      const { db } = context(deps);
      requireLiveCase(db, caseId);
      const token = signingTokenConfig(db) !== null;
      return {
        candidates: handoverCandidates(db, caseId).map((entry) => entry.candidate),
        receivingUnit: caseTransfer(db, caseId)?.receivingUnit ?? null,
        hasIdentity: hasVaultIdentity(db) || token,
        signsWithToken: token,
      };
    },
  };
}
