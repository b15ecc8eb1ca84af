import type { z } from 'zod';
import {
  documentContentSchemas,
  isGradingOfProfile,
  isKindOfProfile,
  type DocumentContent,
  type NewCase,
  type Profile,
} from '../../shared/domain';
import {
  handoverDocumentFiles,
  HandoverCaseSchema,
  HandoverManifestSchema,
  HANDOVER_MANIFEST_NAME,
  type HandoverDocumentEntry,
  type HandoverManifest,
} from '../../shared/domain/transfer';
import { checkExportGrading } from '../../shared/rules/grading-rules';
import type { DataFile } from '../signing';
import { schemaIdOf } from './export-envelope';

export type ParsedHandover =
  | {
      ok: true;
      manifest: HandoverManifest;
      kase: NewCase;
      documents: { entry: HandoverDocumentEntry; content: DocumentContent }[];
    }
  | { ok: false; messageKey: string; fields?: string[] };

const refuse = (messageKey: string, fields?: string[]): ParsedHandover => ({
  ok: false,
  messageKey,
  ...(fields ? { fields } : {}),
});

function readJson(files: readonly DataFile[], name: string): { ok: true; value: unknown } | { ok: false } {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Paths only: the values are the sender's content. */
function issuePaths(prefix: string, error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => [prefix, ...issue.path.map(String)].join('.')))];
}

/** Each entry names the files and schema of its own place and kind, as the sender writes them. */
function entriesConsistent(manifest: HandoverManifest): boolean {
  return manifest.documents.every((entry, index) => {
    const names = handoverDocumentFiles(index, entry.kind);
    return entry.jsonFile === names.json && entry.pdfFile === names.pdf && entry.schema === schemaIdOf(entry.kind);
  });
}

function expectedNames(manifest: HandoverManifest): Set<string> {
  return new Set([
    HANDOVER_MANIFEST_NAME,
    manifest.caseFile,
    ...manifest.documents.flatMap((entry) => [entry.jsonFile, entry.pdfFile]),
  ]);
}

function isPdf(files: readonly DataFile[], name: string): boolean {
  const bytes = files.find((file) => file.name === name)?.bytes;
  return bytes !== undefined && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/**
 * The signed files of a verified container, read as a Bro handover package: the manifest, exactly the
 * files it names (anything else is refused, not ignored), the case record, and every document's JSON
 * validated against its kind's schema (the zod schema the published JSON Schema is generated from)
 * and graded as the manifest says; the package graded at least as its contents.
 */
export function parseHandoverFiles(files: readonly DataFile[], profile: Profile): ParsedHandover {
  const manifestJson = readJson(files, HANDOVER_MANIFEST_NAME);
  if (!manifestJson.ok) return refuse('handover.import.notHandover');
  const parsed = HandoverManifestSchema.safeParse(manifestJson.value);
  if (!parsed.success || !entriesConsistent(parsed.data)) return refuse('handover.import.manifestInvalid');
  const manifest = parsed.data;
  const expected = expectedNames(manifest);
  if (files.length !== expected.size || files.some((file) => !expected.has(file.name)))
    return refuse('handover.import.unexpectedFiles');
  if (manifest.profile !== profile || manifest.documents.some((entry) => !isKindOfProfile(profile, entry.kind)))
    return refuse('handover.import.wrongProfile');
  const caseJson = readJson(files, manifest.caseFile);
  if (!caseJson.ok) return refuse('handover.import.jsonUnreadable', [manifest.caseFile]);
  const kase = HandoverCaseSchema.safeParse(caseJson.value);
  if (!kase.success) return refuse('handover.import.schemaInvalid', issuePaths(manifest.caseFile, kase.error));
  if (kase.data.caseReference !== manifest.caseReference) return refuse('handover.import.manifestInvalid');
  const documents: { entry: HandoverDocumentEntry; content: DocumentContent }[] = [];
  for (const entry of manifest.documents) {
    const json = readJson(files, entry.jsonFile);
    if (!json.ok) return refuse('handover.import.jsonUnreadable', [entry.jsonFile]);
    const content = documentContentSchemas[entry.kind].safeParse(json.value);
    if (!content.success) return refuse('handover.import.schemaInvalid', issuePaths(entry.jsonFile, content.error));
    if (content.data.grading.level !== entry.grading.level) return refuse('handover.import.manifestInvalid');
    if (!isPdf(files, entry.pdfFile)) return refuse('handover.import.pdfInvalid', [entry.pdfFile]);
    documents.push({ entry, content: content.data });
  }
  const contents = [kase.data.grading, ...documents.map((doc) => doc.content.grading)];
  // A level of the other country's scale is named as such, not as a grading too low.
  if ([manifest.grading, ...contents].some((grading) => !isGradingOfProfile(profile, grading.level)))
    return refuse('handover.import.wrongProfile');
  if (checkExportGrading(profile, manifest.grading, contents).length > 0)
    return refuse('handover.import.gradingTooLow');
  return { ok: true, manifest, kase: kase.data, documents };
}
