import { getDocument } from '../db/repositories/documents-repo';
import { search } from '../db/repositories/search-repo';
import type { Handlers } from '../ipc/router';
import { context, type ServiceDeps } from './service-context';

/**
 * Full-text search over cases and current document versions (FTS5; what people type is quoted, so it
 * is never a query operator). Mentor conversation records are never indexed (NO pkt 13.10).
 */
export function searchHandlers(deps: ServiceDeps): Pick<Handlers, 'search.query'> {
  return {
    'search.query': ({ text, caseId, limit }) => {
      const { db } = context(deps);
      const hits = search(db, text, { caseId, limit }).map((hit) => ({
        ...hit,
        kind: hit.objectType === 'document' ? (getDocument(db, hit.objectId)?.kind ?? null) : null,
      }));
      return { hits };
    },
  };
}
