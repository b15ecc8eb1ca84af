import { checkPlansKeptSeparate } from '../../shared/rules';
import { exportGrading } from './export-grading';
import { createHash } from 'node:crypto';
import type { Grading, NewCase } from '../../shared/domain';
import {
  handoverDocumentFiles,
  HANDOVER_CASE_FILE,
  HANDOVER_MANIFEST_NAME,
  MAX_HANDOVER_DOCUMENTS,
  type HandoverLeftOut,
  type HandoverManifest,
} from '../../shared/domain/transfer';
import type { HandoverChoice } from '../../shared/ipc/handover';
import type { Pkcs11Config } from '../../shared/domain/pkcs11';
import { requiredExportGrading } from '../../shared/rules';
import { recordDistribution } from '../db/repositories/distributions-repo';
import { insertExportLog } from '../db/repositories/export-log-repo';
import { insertHandoverPackage } from '../db/repositories/transfer-repo';
import { renderDocumentPdf } from '../documents/pdf';
import { documentViewFor } from '../documents/views';
import { AppError } from '../ipc/app-error';
import { buildAsice } from '../signing';
import { caseData, requireLiveCase, withoutHistory } from './case-records';
import { encodeJson, schemaIdOf } from './export-envelope';
import { DOCUMENT_LOCALE } from '../../shared/domain';
import { withExportSigner } from './export-signer';
import { loadVersion, viewSource, type LoadedVersion } from './export-source';
import { audit, context, invalid, resumed, write, type Ctx, type ServiceDeps } from './service-context';
import { caseTransfer, handoverCandidates } from './transfer-service';

export interface HandoverRequest {
  caseId: string;
  choices: readonly HandoverChoice[];
  pin?: string;
  /** Overrides the vault's token setting (the command line's --pkcs11-* flags). */
  token?: Pkcs11Config;
}

interface Included {
  loaded: LoadedVersion;
  reason: string;
}

interface HandoverPlan {
  caseId: string;
  kase: NewCase;
  /** The references the case carried before (the manifest names them, for the receiver to match). */
  formerReferences: string[];
  transfer: NonNullable<ReturnType<typeof caseTransfer>>;
  included: Included[];
  leftOut: HandoverLeftOut[];
}

/**
 * What goes and what stays, by the sender's choices: only documents of this case (anything else — a
 * mentor record, another case's document — is refused, never quietly added); a chosen document needs
 * a finalised version and a reason; everything not chosen is listed as left out, with the reason.
 * Mentor conversation records live in the compartment and are not case documents: they never go.
 */
export function planHandover(ctx: Ctx, request: HandoverRequest): HandoverPlan {
  const record = requireLiveCase(ctx.db, request.caseId);
  const transfer = caseTransfer(ctx.db, record.id);
  if (!transfer) throw new AppError('conflict', 'handover.error.noTransfer');
  const candidates = handoverCandidates(ctx.db, record.id);
  const known = new Set(candidates.map((entry) => entry.doc.id));
  const choices = new Map(request.choices.map((choice) => [choice.documentId, choice]));
  request.choices.forEach((choice, index) => {
    if (!known.has(choice.documentId)) throw invalid('handover.error.notInCase', [`choices.${index}.documentId`]);
  });
  const included: Included[] = [];
  const leftOut: HandoverLeftOut[] = [];
  for (const { doc, candidate } of candidates) {
    const choice = choices.get(doc.id);
    if (choice?.include) {
      if (candidate.finalisedVersion === null)
        throw new AppError('conflict', 'handover.error.notFinalised', undefined, ['choices']);
      if (choice.reason.trim() === '') throw invalid('handover.error.reasonRequired', ['choices']);
      included.push({ loaded: loadVersion(ctx, doc.id, candidate.finalisedVersion), reason: choice.reason.trim() });
    } else {
      const note = choice?.reason.trim();
      leftOut.push({
        kind: candidate.kind,
        senderDocumentId: doc.id,
        reason: candidate.finalisedVersion === null ? 'not_finalised' : 'not_chosen',
        ...(note ? { note } : {}),
      });
    }
  }
  if (included.length > MAX_HANDOVER_DOCUMENTS)
    throw invalid('handover.error.tooManyDocuments', ['choices'], { max: MAX_HANDOVER_DOCUMENTS });
  // NO pkt 10: the future plan is the follow-up plan's basis, but the two are kept apart, never in one export.
  const [together] = checkPlansKeptSeparate(included.map((item) => item.loaded.data.kind));
  if (together)
    throw new AppError('rule_blocked', 'handover.error.plansSeparate', { citation: together.citation.text }, [
      'choices',
    ]);
  const data = caseData(record);
  const formerReferences = data.formerReferences ?? [];
  return { caseId: record.id, kase: withoutHistory(data), formerReferences, included, leftOut, transfer };
}

/** The highest grading of the case and every document sent; an exemption basis found among them stays. */
function packageGrading(ctx: Ctx, plan: HandoverPlan): Grading {
  const contents = [plan.kase.grading, ...plan.included.map((item) => item.loaded.data.content.grading)];
  const exemptionBasis = contents.find((grading) => grading.exemptionBasis)?.exemptionBasis;
  return { level: requiredExportGrading(ctx.profile, contents), ...(exemptionBasis ? { exemptionBasis } : {}) };
}

export interface RenderedHandover {
  bytes: Uint8Array;
  sha256: string;
  manifest: HandoverManifest;
  plan: HandoverPlan;
}

/** Renders every chosen version (PDF in the vault's language, JSON), writes the manifest and signs them together. */
export async function renderHandover(deps: ServiceDeps, request: HandoverRequest): Promise<RenderedHandover> {
  let ctx = context(deps);
  const plan = planHandover(ctx, request);
  const grading = packageGrading(ctx, plan);
  const locale = DOCUMENT_LOCALE[ctx.profile];
  const at = deps.now();
  const files = [{ name: HANDOVER_CASE_FILE, bytes: encodeJson(plan.kase) }];
  const entries: HandoverManifest['documents'] = [];
  for (const [index, item] of plan.included.entries()) {
    const { kind, content } = item.loaded.data;
    const names = handoverDocumentFiles(index, kind);
    // Each PDF prints the case's person data: at least the case's grading, as a single export is.
    ctx = resumed(deps, ctx);
    const view = documentViewFor(viewSource(ctx, item.loaded, exportGrading(ctx, item.loaded, undefined), locale));
    files.push(
      { name: names.pdf, bytes: await renderDocumentPdf(view) },
      { name: names.json, bytes: encodeJson(content) },
    );
    entries.push({
      kind,
      senderDocumentId: item.loaded.doc.id,
      version: item.loaded.version.version,
      grading: content.grading,
      reason: item.reason,
      jsonFile: names.json,
      pdfFile: names.pdf,
      schema: schemaIdOf(kind),
    });
  }
  const manifest: HandoverManifest = {
    format: 'bro-handover',
    formatVersion: 1,
    profile: ctx.profile,
    caseReference: plan.kase.caseReference,
    ...(plan.formerReferences.length > 0 ? { formerReferences: plan.formerReferences.slice(-50) } : {}),
    sendingUnit: plan.kase.unit,
    receivingUnit: plan.transfer.receivingUnit,
    transferKind: plan.transfer.kind,
    plannedDate: plan.transfer.plannedDate,
    grading,
    createdAt: at.toISOString(),
    caseFile: HANDOVER_CASE_FILE,
    documents: entries,
    leftOut: plan.leftOut,
    mentorCompartment: 'never_included',
  };
  files.push({ name: HANDOVER_MANIFEST_NAME, bytes: encodeJson(manifest) });
  const signing = { ...(request.pin ? { pin: request.pin } : {}), ...(request.token ? { token: request.token } : {}) };
  ctx = resumed(deps, ctx);
  const bytes = await withExportSigner(ctx.db, signing, async (signer, validation) => {
    if (!signer) throw new AppError('conflict', 'export.identity.missing');
    return buildAsice(files, signer, { signingTime: at, validation });
  });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), manifest, plan };
}

/**
 * Logs a rendered package in one transaction: the package row, for every document sent a distribution
 * entry (to another unit, as a signed container) and an export log entry with the package's SHA-256,
 * and the audit entries (ids only). `putInPlace` runs last, so the logs name only a written file.
 */
export function recordHandover(deps: ServiceDeps, rendered: RenderedHandover, putInPlace?: () => void) {
  const ctx = context(deps);
  const { manifest, plan, sha256 } = rendered;
  return write(ctx, (actor) => {
    const saved = insertHandoverPackage(ctx.db, {
      caseId: plan.caseId,
      fileSha256: sha256,
      grading: manifest.grading.level,
      manifest,
      sentOn: ctx.today,
      createdAt: ctx.at,
    });
    for (const entry of manifest.documents) {
      const distribution = recordDistribution(ctx.db, {
        documentId: entry.senderDocumentId,
        version: entry.version,
        recipient: 'other_unit',
        sentOn: ctx.today,
        format: 'signed_container',
        fileSha256: sha256,
        recordedAt: ctx.at,
      });
      insertExportLog(ctx.db, {
        documentId: entry.senderDocumentId,
        version: entry.version,
        format: 'asice',
        recipient: 'other_unit',
        grading: manifest.grading.level,
        draft: false,
        fileSha256: sha256,
        distributionId: distribution.id,
        exportedAt: ctx.at,
      });
      audit(ctx, actor, 'export', 'document', entry.senderDocumentId);
      audit(ctx, actor, 'distribute', 'document', entry.senderDocumentId);
    }
    audit(ctx, actor, 'export', 'handover_package', saved.id);
    putInPlace?.();
    return saved;
  });
}

/** The file name the save dialog suggests: no name or reference from the case. */
export function handoverFileName(today: string): string {
  return `handover-${today}.asice`;
}
