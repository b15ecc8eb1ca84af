import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  DistributionRecipientSchema,
  DOCUMENT_LOCALE,
  GradingLevelSchema,
  type DistributionRecipient,
  type Grading,
  type Locale,
} from '../../shared/domain';
import type { exportChannels, ExportFile, ExportFormat, ExportLogEntry, PrintPreview } from '../../shared/ipc/export';
import type { DistributionFormat } from '../../shared/ipc/distribution';
import { recordDistribution } from '../db/repositories/distributions-repo';
import { insertExportLog, listExportLog, type ExportLogRecord } from '../db/repositories/export-log-repo';
import { buildDocumentPdf, renderDocumentPdf } from '../documents/pdf';
import { documentViewFor } from '../documents/views';
import { AppError } from '../ipc/app-error';
import { ASICE_MIMETYPE, buildAsice, signPdfDocument } from '../signing';
import type { ValidationMaterial } from '../signing/cms-sign';
import type { Signer } from '../signing/signer';
import type { HandlersOf } from './channel-handlers';
import { isDocumentKind, requireLiveDocument } from './document-records';
import { exportGrading, minimumExportLevel } from './export-grading';
import { dataFileNames, encodeJson, ENVELOPE_NAME, schemaIdOf, type ExportEnvelope } from './export-envelope';
import { contentFindings, loadVersion, viewSource, type LoadedVersion } from './export-source';
import { audit, context, write, type Ctx, type ServiceDeps } from './service-context';
import { signingTokenConfig, withExportSigner, type ExportSigning } from './export-signer';
import { hasVaultIdentity } from './signing-service';
import { assertRecipientFits } from './grading-policy';

type ExportHandlers = Pick<HandlersOf<typeof exportChannels>, 'export.prepare' | 'export.print' | 'export.log'>;

export type ExportDeps = ServiceDeps & { locale: () => Locale };

/** `pin`, `token` and `validation`: how a signed export is signed (see export-signer.ts). */
export interface ExportRequest extends ExportSigning {
  documentId: string;
  version?: number;
  grading?: Grading;
  locale?: Locale;
  recipient?: DistributionRecipient;
}

const DISTRIBUTION_FORMAT: Readonly<Record<ExportFormat, DistributionFormat>> = {
  print: 'paper',
  pdf: 'signed_pdf',
  asice: 'signed_container',
};

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function containerBytes(
  ctx: Ctx,
  loaded: LoadedVersion,
  pdf: Uint8Array,
  identity: Signer,
  meta: { grading: Grading; recipient: DistributionRecipient; at: Date; validation?: ValidationMaterial },
) {
  const { kind } = loaded.data;
  const names = dataFileNames(kind);
  const envelope: ExportEnvelope = {
    format: 'bro-export',
    formatVersion: 1,
    kind,
    schema: schemaIdOf(kind),
    documentFile: names.json,
    pdfFile: names.pdf,
    profile: ctx.profile,
    caseReference: loaded.kase.reference,
    documentVersion: loaded.version.version,
    grading: meta.grading,
    recipient: meta.recipient,
    exportedAt: meta.at.toISOString(),
  };
  const files = [
    { name: names.pdf, bytes: pdf },
    { name: names.json, bytes: encodeJson(loaded.data.content) },
    { name: ENVELOPE_NAME, bytes: encodeJson(envelope) },
  ];
  return buildAsice(files, identity, { signingTime: meta.at, validation: meta.validation });
}

/** Writes the export log entry, the distribution entry for a sent final version, and the audit entries, in one transaction. */
function logExport(
  deps: ServiceDeps,
  loaded: LoadedVersion,
  entry: Omit<ExportLogRecord, 'id' | 'distributionId' | 'exportedAt'>,
  putInPlace?: () => void,
) {
  const ctx = context(deps);
  return write(ctx, (actor) => {
    const distribution =
      !entry.draft && entry.recipient !== null
        ? recordDistribution(ctx.db, {
            documentId: loaded.doc.id,
            version: entry.version,
            recipient: entry.recipient,
            sentOn: ctx.today,
            format: DISTRIBUTION_FORMAT[entry.format],
            fileSha256: entry.fileSha256,
            recordedAt: ctx.at,
          })
        : null;
    const logged = insertExportLog(ctx.db, { ...entry, distributionId: distribution?.id ?? null, exportedAt: ctx.at });
    audit(ctx, actor, entry.format === 'print' ? 'print' : 'export', 'document', loaded.doc.id);
    if (distribution) audit(ctx, actor, 'distribute', 'document', loaded.doc.id);
    putInPlace?.();
    return logged;
  });
}

/** An export's bytes and what the log and the caller need to know about them. */
export interface ExportedFile {
  bytes: Uint8Array;
  meta: Omit<ExportFile, 'fileBase64'>;
}

/** Rendered and signed, not yet logged: what `recordExport` needs. */
export interface RenderedExport {
  bytes: Uint8Array;
  sha256: string;
  format: ExportFormat;
  loaded: LoadedVersion;
  grading: Grading;
  draft: boolean;
  recipient: DistributionRecipient | null;
}

/** The file name offered in the save dialog: kind and version, never a name from the case. */
export function exportFileName(kind: string, version: number, draft: boolean, format: ExportFormat): string {
  return `${kind}-v${version}${draft ? '-draft' : ''}.${format === 'asice' ? 'asice' : 'pdf'}`;
}

/**
 * Renders a document version: unsigned for print (a draft may be printed, marked as draft), signed as
 * PAdES or as an ASiC-E container for sending (finalised versions only). In memory only; nothing is
 * logged until `recordExport`.
 */
export async function renderExport(
  deps: ExportDeps,
  format: ExportFormat,
  request: ExportRequest,
): Promise<RenderedExport> {
  const ctx = context(deps);
  const loaded = loadVersion(ctx, request.documentId, request.version);
  const draft = loaded.version.status !== 'final';
  if (format !== 'print' && draft)
    throw new AppError('conflict', 'export.notFinal', { version: loaded.version.version }, ['version']);
  const { recipient } = request;
  if (format !== 'print' && recipient === undefined)
    throw new AppError('invalid_input', 'error.invalid_input', undefined, ['recipient']);
  if (recipient !== undefined) assertRecipientFits(ctx.profile, recipient, 'recipient');
  const grading = exportGrading(ctx, loaded, request.grading);
  const view = documentViewFor(viewSource(ctx, loaded, grading, request.locale ?? DOCUMENT_LOCALE[ctx.profile]));
  const at = deps.now();
  // A token key is open only while this document is signed; its PIN is not kept.
  const bytes = await withExportSigner(ctx.db, format === 'print' ? null : request, async (identity, validation) => {
    const signedPdf = identity !== null && format === 'pdf';
    // A signed PDF is signed while it is built, so it is saved once.
    const pdf = signedPdf
      ? await signPdfDocument(await buildDocumentPdf(view), identity, { signingTime: at, validation })
      : await renderDocumentPdf(view);
    if (identity && format === 'asice' && recipient)
      return containerBytes(ctx, loaded, pdf, identity, { grading, recipient, at, validation });
    return pdf;
  });
  return { bytes, sha256: sha256Hex(bytes), format, loaded, grading, draft, recipient: recipient ?? null };
}

/**
 * Logs a rendered export (export log, distribution log for a sent final version, audit) in one
 * transaction, with the SHA-256 of exactly these bytes. `putInPlace`, when given, runs last inside that
 * transaction: it puts the written file in place, so the log holds only files that were written.
 */
export function recordExport(deps: ExportDeps, rendered: RenderedExport, putInPlace?: () => void): ExportedFile {
  const { loaded, format, draft, grading, sha256 } = rendered;
  const logged = logExport(
    deps,
    loaded,
    {
      documentId: loaded.doc.id,
      version: loaded.version.version,
      format,
      recipient: rendered.recipient,
      grading: grading.level,
      draft,
      fileSha256: sha256,
    },
    putInPlace,
  );
  return {
    bytes: rendered.bytes,
    meta: { ...fileMeta(rendered), exportId: logged.id, distributionId: logged.distributionId },
  };
}

/** What the renderer learns of a rendered file (its name, type, hash, size and grading), logged or not. */
function fileMeta(rendered: RenderedExport): Omit<PrintPreview, 'fileBase64'> {
  const { loaded, format, draft, grading, bytes, sha256 } = rendered;
  return {
    fileName: exportFileName(loaded.data.kind, loaded.version.version, draft, format),
    mimeType: format === 'asice' ? ASICE_MIMETYPE : 'application/pdf',
    sha256,
    size: bytes.length,
    grading,
    draft,
  };
}

/** Renders and logs in one go, with no file written (the export bench, and tests of signing on a token). */
export async function exportDocument(
  deps: ExportDeps,
  format: ExportFormat,
  request: ExportRequest,
): Promise<ExportedFile> {
  return recordExport(deps, await renderExport(deps, format, request));
}

/** The print preview: rendered, not logged. A print is logged when it is printed (files.print). */
async function printPreview(deps: ExportDeps, request: ExportRequest): Promise<PrintPreview> {
  const rendered = await renderExport(deps, 'print', request);
  return { ...fileMeta(rendered), fileBase64: Buffer.from(rendered.bytes).toString('base64') };
}

function logView(entry: ExportLogRecord): ExportLogEntry {
  return {
    ...entry,
    recipient: entry.recipient === null ? null : DistributionRecipientSchema.parse(entry.recipient),
    grading: GradingLevelSchema.parse(entry.grading),
  };
}

function prepare(deps: ExportDeps, input: z.output<(typeof exportChannels)['export.prepare']['input']>) {
  const ctx = context(deps);
  const loaded = loadVersion(ctx, input.documentId, input.version);
  const grading = loaded.data.content.grading;
  return {
    documentId: loaded.doc.id,
    kind: loaded.data.kind,
    version: loaded.version.version,
    status: loaded.version.status,
    grading,
    minimumLevel: minimumExportLevel(ctx.profile, [loaded]),
    canSend: loaded.version.status === 'final',
    hasIdentity: hasVaultIdentity(ctx.db) || signingTokenConfig(ctx.db) !== null,
    signsWithToken: signingTokenConfig(ctx.db) !== null,
    findings: contentFindings(ctx, loaded),
  };
}

export function exportHandlers(deps: ExportDeps): ExportHandlers {
  return {
    'export.prepare': (input) => prepare(deps, input),
    'export.print': (input) => printPreview(deps, input),
    'export.log': ({ documentId }) => {
      const { db } = context(deps);
      const doc = requireLiveDocument(db, documentId, isDocumentKind);
      return { entries: listExportLog(db, doc.id).map(logView) };
    },
  };
}
