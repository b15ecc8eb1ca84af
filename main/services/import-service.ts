import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { GradingLevelSchema, KindedContentSchema, DocumentKindSchema } from '../../shared/domain';
import {
  VerificationReportSchema,
  type SignerSummary,
  type VerificationReport,
} from '../../shared/domain/verification';
import type { exportChannels, ImportResult, ReceivedSummary } from '../../shared/ipc/export';
import {
  getReceived,
  insertReceived,
  listReceived,
  receivedBySha256,
  referenceHeldByLiveCase,
  type ReceivedRecord,
} from '../db/repositories/received-repo';
import { AppError } from '../ipc/app-error';
import { openAsiceForImport, verifyPdf } from '../signing';
import type { HandlersOf } from './channel-handlers';
import { parseContainerFiles } from './import-container';
import { signedContentSha256 } from './signed-content';
import type { ProgressBoard, ProgressCallback } from './progress';
import { audit, context, notFound, write, type ServiceDeps } from './service-context';
import { vaultVerificationTrust } from './trust-store-service';
import { displayName, signedFileKind, verifySignedFile } from './verify-file';

type ImportHandlers = Pick<
  HandlersOf<typeof exportChannels>,
  'verify.file' | 'import.file' | 'import.list' | 'import.get'
>;
type ImportInput = z.output<(typeof exportChannels)['import.file']['input']>;

/** The refusal a verdict means for any import (files and handover packages alike). */
export const REFUSAL_BY_STATUS: Readonly<Record<VerificationReport['status'], string>> = {
  valid: 'export.import.refused',
  valid_untrusted: 'export.import.untrusted',
  invalid: 'export.import.invalid',
  unreadable: 'export.import.unreadable',
};

function refused(report: VerificationReport, messageKey: string, fields?: string[]): ImportResult {
  return { outcome: 'refused', report, reason: { messageKey, ...(fields ? { fields } : {}) } };
}

/** Who sent it, in the words of the signer's certificate: organisation and unit. */
export function sourceOf(signer: SignerSummary): string {
  return (
    [signer.organization, signer.commonName].filter((part): part is string => Boolean(part)).join(', ') ||
    signer.subject
  );
}

function summary(record: ReceivedRecord, heldByCase: boolean): ReceivedSummary {
  const report = VerificationReportSchema.parse(record.report);
  // Stryker disable next-line all: a stored record's report is one a verification accepted, which names its signer; the check narrows the type
  if (!report.signer) throw new AppError('internal', 'error.internal');
  return {
    id: record.id,
    kind: DocumentKindSchema.parse(record.kind),
    grading: GradingLevelSchema.parse(record.grading),
    caseReference: record.caseReference,
    documentVersion: record.documentVersion,
    source: record.source,
    signer: report.signer,
    signerTrusted: record.signerTrusted,
    signingTime: record.signingTime,
    exportedAt: record.exportedAt,
    receivedAt: record.receivedAt,
    containerSha256: record.containerSha256,
    heldByCase,
  };
}

/**
 * Imports a received container (KDI's side, or a unit receiving a transfer): verified first with the
 * vault's trust list — valid, or valid with an untrusted signer the user explicitly accepted — then
 * read as a Bro export and validated against its kind's schema. Anything short of that is refused
 * with the report and the reason, and nothing is written: no row, no audit entry.
 */
/** Steps reported while importing: signature checked, content read and checked, stored. */
const IMPORT_STEPS = 3;

export async function importFile(
  deps: ServiceDeps,
  input: ImportInput,
  onProgress: ProgressCallback = () => undefined,
): Promise<ImportResult> {
  const bytes = new Uint8Array(Buffer.from(input.fileBase64, 'base64'));
  const { db } = context(deps);
  const options = { trust: vaultVerificationTrust(db), now: deps.now() };
  if (signedFileKind(bytes, input.fileName) === 'pdf') {
    return refused(
      await verifyPdf(bytes, { ...options, fileName: displayName(input.fileName) }),
      'export.import.notContainer',
    );
  }
  const opened = await openAsiceForImport(bytes, { ...options, acceptUntrusted: input.acceptUntrusted });
  if (!opened.accepted) return refused(opened.report, REFUSAL_BY_STATUS[opened.report.status]);
  onProgress(1, IMPORT_STEPS);
  const { report } = opened;
  const ctx = context(deps);
  const parsed = parseContainerFiles(opened.files, ctx.profile);
  if (!parsed.ok) return refused(report, parsed.messageKey, parsed.fields);
  onProgress(2, IMPORT_STEPS);
  const containerSha256 = createHash('sha256').update(bytes).digest('hex');
  const contentSha256 = signedContentSha256(opened.files);
  if (receivedBySha256(ctx.db, containerSha256, contentSha256)) return refused(report, 'export.import.duplicate');
  const signer = report.signer;
  // Stryker disable next-line all: the report of a container that verified names its signer; the check narrows the type
  if (!signer) throw new AppError('internal', 'error.internal');
  const { envelope, content } = parsed;
  return write(ctx, (actor) => {
    const record = insertReceived(ctx.db, {
      kind: envelope.kind,
      content,
      grading: envelope.grading.level,
      caseReference: envelope.caseReference,
      documentVersion: envelope.documentVersion,
      recipient: envelope.recipient,
      exportedAt: envelope.exportedAt,
      source: sourceOf(signer),
      signerSubject: signer.subject,
      signerFingerprint: signer.fingerprint,
      signerTrusted: report.trusted,
      signingTime: report.signingTime,
      report,
      containerSha256,
      contentSha256,
      receivedAt: ctx.at,
      container: bytes,
    });
    audit(ctx, actor, 'import', 'received_document', record.id);
    return {
      outcome: 'imported' as const,
      report,
      received: summary(record, referenceHeldByLiveCase(ctx.db, record.caseReference)),
    };
  });
}

export function importHandlers(deps: ServiceDeps & { progress?: ProgressBoard }): ImportHandlers {
  return {
    'verify.file': ({ fileName, fileBase64 }) => {
      const { db } = context(deps);
      const bytes = new Uint8Array(Buffer.from(fileBase64, 'base64'));
      return verifySignedFile(bytes, fileName, { trust: vaultVerificationTrust(db), now: deps.now() });
    },
    'import.file': (input) =>
      deps.progress
        ? deps.progress.track('import', (onProgress) => importFile(deps, input, onProgress))
        : importFile(deps, input),
    'import.list': () => ({
      documents: listReceived(context(deps).db).map((record) => summary(record, record.heldByCase)),
    }),
    'import.get': ({ id }) => {
      const record = getReceived(context(deps).db, id);
      if (!record) throw notFound();
      return {
        received: summary(record, record.heldByCase),
        data: KindedContentSchema.parse({ kind: record.kind, content: record.content }),
      };
    },
  };
}
