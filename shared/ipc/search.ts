import { z } from 'zod';
import { channel } from './channel';
import { IdSchema } from '../domain/common';

export const SearchHitSchema = z.object({
  objectType: z.enum(['case', 'document']),
  objectId: IdSchema,
  caseId: IdSchema.nullable(),
  /** For documents: the document kind, or a vault record kind (mentor, contact_entry). */
  kind: z.string().nullable(),
  title: z.string(),
  /** Text around the match; matched words are wrapped in [ and ]. */
  snippet: z.string(),
});

export const searchChannels = {
  'search.query': channel(
    'Full-text search over cases and the current versions of documents, optionally within one case.',
    z
      .object({
        text: z.string().trim().min(1).max(200),
        caseId: IdSchema.optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ hits: z.array(SearchHitSchema) }),
  ),
} as const;
