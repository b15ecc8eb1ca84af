import type { z } from 'zod';
import {
  documentContentSchemas,
  isGradingOfProfile,
  isKindOfProfile,
  type DocumentContent,
  type Profile,
} from '../../shared/domain';
import { checkExportGrading } from '../../shared/rules/grading-rules';
import type { DataFile } from '../signing';
import { ENVELOPE_NAME, ExportEnvelopeSchema, type ExportEnvelope } from './export-envelope';

export type ParsedContainer =
  | { ok: true; envelope: ExportEnvelope; content: DocumentContent }
  | { ok: false; messageKey: string; fields?: string[] };

const refuse = (messageKey: string, fields?: string[]): ParsedContainer => ({
  ok: false,
  messageKey,
  ...(fields ? { fields } : {}),
});

function readJson(file: DataFile | undefined): { ok: true; value: unknown } | { ok: false } {
  // Stryker disable next-line ConditionalExpression: without it, file.bytes throws inside the try below, which answers the same
  if (!file) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)) as unknown };
  } catch {
    // Stryker disable next-line ObjectLiteral: callers test !ok, which {} answers the same; the literal is for the type
    return { ok: false };
  }
}

/** Paths only: the values are the sender's content. */
function issuePaths(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'))];
}

/**
 * The signed files of a verified container, read as a Bro export: the envelope, then the document
 * JSON validated against its kind's schema (the same zod schema the published JSON Schema comes from).
 * Exactly the three files a Bro export holds; anything else is refused, not ignored.
 */
export function parseContainerFiles(files: readonly DataFile[], profile: Profile): ParsedContainer {
  const envelopeJson = readJson(files.find((file) => file.name === ENVELOPE_NAME));
  // Stryker disable next-line ConditionalExpression: an envelope missing or unreadable parses as no envelope just below, with the same refusal
  if (!envelopeJson.ok) return refuse('export.import.notBroExport');
  const envelope = ExportEnvelopeSchema.safeParse(envelopeJson.value);
  if (!envelope.success) return refuse('export.import.notBroExport');
  const { kind, documentFile, pdfFile } = envelope.data;
  const expected = new Set([ENVELOPE_NAME, documentFile, pdfFile]);
  if (files.length !== expected.size || files.some((file) => !expected.has(file.name)))
    return refuse('export.import.unexpectedFiles');
  // A kind this profile never holds (a NO follow-up plan in a DK vault) is refused as the handover refuses it.
  if (envelope.data.profile !== profile || !isKindOfProfile(profile, kind)) return refuse('export.import.wrongProfile');
  const json = readJson(files.find((file) => file.name === documentFile));
  if (!json.ok) return refuse('export.import.jsonUnreadable');
  const content = documentContentSchemas[kind].safeParse(json.value);
  if (!content.success) return refuse('export.import.schemaInvalid', issuePaths(content.error));
  const grading = content.data.grading;
  // A level of the other country's scale is named as such, not as a grading too low.
  if (!isGradingOfProfile(profile, grading.level) || !isGradingOfProfile(profile, envelope.data.grading.level))
    return refuse('export.import.wrongProfile');
  if (checkExportGrading(profile, envelope.data.grading, [grading]).length > 0)
    return refuse('export.import.gradingTooLow');
  return { ok: true, envelope: envelope.data, content: content.data };
}
