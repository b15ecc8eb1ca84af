import { z } from 'zod';
import {
  DistributionRecipientSchema,
  DocumentKindSchema,
  GradingSchema,
  ProfileSchema,
  type DocumentKind,
} from '../../shared/domain';

/**
 * What a Bro container holds besides the signature: the rendered PDF, the document's JSON (validating
 * against its published JSON Schema) and this small envelope naming the kind, the schema and the
 * case reference, so a receiver knows what it got without guessing from file names.
 */

export const ENVELOPE_NAME = 'bro-export.json';

/** Where the JSON Schemas are published (build/generate-schemas.ts writes the same `$id`s). */
export const SCHEMA_BASE_URL = 'https://schemas.bro.invalid/';

export function schemaIdOf(kind: DocumentKind): string {
  return `${SCHEMA_BASE_URL}${kind}.schema.json`;
}

export function dataFileNames(kind: DocumentKind): { pdf: string; json: string } {
  return { pdf: `${kind}.pdf`, json: `${kind}.json` };
}

export const ExportEnvelopeSchema = z
  .object({
    format: z.literal('bro-export'),
    formatVersion: z.literal(1),
    kind: DocumentKindSchema,
    /** The `$id` of the JSON Schema the document file validates against. */
    schema: z.url(),
    documentFile: z.string().min(1).max(100),
    pdfFile: z.string().min(1).max(100),
    profile: ProfileSchema,
    caseReference: z.string().max(300),
    documentVersion: z.number().int().positive(),
    grading: GradingSchema,
    recipient: DistributionRecipientSchema,
    exportedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine(
    (e) =>
      e.schema === schemaIdOf(e.kind) &&
      e.documentFile === dataFileNames(e.kind).json &&
      e.pdfFile === dataFileNames(e.kind).pdf,
    {
      message: 'the envelope names the files and schema of its own kind',
    },
  );
export type ExportEnvelope = z.infer<typeof ExportEnvelopeSchema>;

export function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
