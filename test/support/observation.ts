// Documents saved straight through the repository, for tests of storage, search and backup below the
// services. The content is fictional.
import type { Db } from '../../main/db/connection';
import { saveVersion, type SaveVersionInput } from '../../main/db/repositories/documents-repo';

/** What each test states; the rest defaults to a draft outside any case, written by user-1. */
export type ObservationInput = Pick<SaveVersionInput, 'grading' | 'at' | 'content' | 'searchTitle'> &
  Partial<SaveVersionInput>;

/** Saves a version of an observation (a new document unless `documentId` is given). */
export function saveObservation(db: Db, input: ObservationInput): ReturnType<typeof saveVersion> {
  return saveVersion(db, { caseId: null, kind: 'observation', author: 'user-1', status: 'draft', ...input });
}
