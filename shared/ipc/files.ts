import { z } from 'zod';
import { channel } from './channel';
import { IdSchema } from '../domain/common';
import { DistributionRecipientSchema } from '../domain/distribution';
import { GradingSchema } from '../domain/grading';
import { LocaleSchema } from '../domain/profile';
import { Sha256HexSchema } from '../domain/verification';
import { EmptyInputSchema } from './record-views';

/**
 * Files through the main process. Every file Bro produces from the UI is written by main to the path
 * the user chose in the shell's save dialog; the renderer learns only whether it was saved and under
 * which name — never the folder, never the bytes. Files come in through the shell's open dialog (or a
 * drop), and main checks the size before reading.
 */

/** `saved: false` means the user cancelled the dialog: nothing was written and nothing logged. */
export function savedSchema<T extends z.ZodRawShape>(extra: T) {
  return z.discriminatedUnion('saved', [
    z.object({ saved: z.literal(true), fileName: z.string(), ...extra }),
    z.object({ saved: z.literal(false) }),
  ]);
}

export const SavedFileSchema = savedSchema({});

/** What the export dialog shows after saving: name, size and fingerprint of the file, and its log entries. */
export const ExportSavedSchema = savedSchema({
  sha256: Sha256HexSchema,
  size: z.number().int().positive(),
  grading: GradingSchema,
  exportId: IdSchema,
  distributionId: IdSchema.nullable(),
});
export type ExportSaved = z.infer<typeof ExportSavedSchema>;

export const OpenedFileSchema = z.discriminatedUnion('chosen', [
  z.object({
    chosen: z.literal(true),
    fileName: z.string(),
    fileBase64: z.base64(),
  }),
  z.object({ chosen: z.literal(false) }),
]);

export const PrintOutcomeSchema = z.object({
  /**
   * `printed` is logged; `cancelled` (in the system print dialog) and `failed` are not. `unavailable`:
   * this shell cannot print through the main process, so the page prints with the browser, whose
   * dialog tells nobody whether it printed; that print is logged as it is handed to the browser.
   */
  outcome: z.enum(['printed', 'cancelled', 'failed', 'unavailable']),
});

export const filesChannels = {
  'files.openSigned': channel(
    'Let the user choose a signed PDF or ASiC-E in the open dialog; main checks its size before reading it.',
    z.object({}).strict(),
    OpenedFileSchema,
  ),
  'files.print': channel(
    'Print a document version (a draft is marked as draft) through the shell, not a PDF viewer; logged once as it is printed, not when cancelled.',
    z
      .object({
        documentId: IdSchema,
        version: z.number().int().positive().optional(),
        grading: GradingSchema.optional(),
        locale: LocaleSchema.optional(),
        recipient: DistributionRecipientSchema.optional(),
      })
      .strict(),
    PrintOutcomeSchema,
  ),
  'signing.saveCertificate': channel(
    "Save the unit's certificate (PEM, no key) where the user chooses, to hand to receivers for their trust list.",
    EmptyInputSchema,
    SavedFileSchema,
  ),
  'signing.saveFingerprintSheet': channel(
    "Save the printable fingerprint sheet (PDF) where the user chooses, in the vault's language unless another is picked.",
    z.object({ locale: LocaleSchema.optional() }).strict(),
    SavedFileSchema,
  ),
} as const;
