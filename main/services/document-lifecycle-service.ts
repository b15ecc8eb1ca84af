import { blockingFindings, canFinalise } from '../../shared/rules';
import type { DocumentDetail } from '../../shared/ipc/documents';
import { listVersions, saveVersion } from '../db/repositories/documents-repo';
import { AppError } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import { diffContent } from './document-diff';
import { ruleFindings } from './document-facts';
import {
  anyKind,
  kindedContent,
  orderedContent,
  requireLiveDocument,
  requireVersion,
  versionSummary,
} from './document-records';
import { documentDetail, requireCaseDocument, searchTitle } from './document-service';
import {
  assertExpectedVersion,
  audit,
  context,
  ruleBlocked,
  write,
  type Ctx,
  type ServiceDeps,
} from './service-context';

type LifecycleHandlers = Pick<
  Handlers,
  'documents.check' | 'documents.finalise' | 'documents.versions' | 'documents.diff'
>;

function currentFindings(ctx: Ctx, id: string) {
  const doc = requireCaseDocument(ctx.db, id);
  const version = requireVersion(ctx.db, doc.id, doc.currentVersion);
  const data = kindedContent(doc, version);
  return { doc, version, data, findings: ruleFindings(ctx, doc.id, data) };
}

/**
 * Finalising runs every rule with the full facts (for a DK course: the mentors' records and their
 * other courses) and refuses while any blocking finding remains, naming the provisions. Warnings do
 * not stop it. The final version is a new version with the same content; a final current version is
 * left as it is.
 */
function finalise(ctx: Ctx, id: string, expectedVersion: number | undefined): DocumentDetail {
  const { doc, version, data, findings } = currentFindings(ctx, id);
  assertExpectedVersion(expectedVersion, doc.currentVersion);
  if (doc.status === 'final') return documentDetail(ctx, doc);
  // A draft whose content is the newest finalised version's, unchanged (an edit undone), finalises
  // nothing new: as a new final version it would ask for copies of a text region and KDI already have.
  const lastFinal = listVersions(ctx.db, doc.id).findLast((v) => v.status === 'final');
  if (lastFinal?.contentHash === version.contentHash)
    throw new AppError('conflict', 'error.finalise_unchanged', { version: lastFinal.version });
  const blocking = blockingFindings(findings);
  if (blocking.length > 0) throw ruleBlocked(blocking);
  return write(ctx, (actor) => {
    const saved = saveVersion(ctx.db, {
      documentId: doc.id,
      caseId: doc.caseId,
      kind: doc.kind,
      content: data.content,
      grading: version.grading,
      status: 'final',
      author: actor,
      at: ctx.at,
      searchTitle: searchTitle(ctx.db, doc.caseId),
    });
    audit(ctx, actor, 'finalise', 'document', doc.id);
    return documentDetail(ctx, saved.document);
  });
}

export function documentLifecycleHandlers(deps: ServiceDeps): LifecycleHandlers {
  return {
    'documents.check': ({ id }) => {
      const { findings } = currentFindings(context(deps), id);
      return { findings, canFinalise: canFinalise(findings) };
    },
    'documents.finalise': ({ id, expectedVersion }) => finalise(context(deps), id, expectedVersion),
    'documents.versions': ({ id }) => {
      const { db } = context(deps);
      const doc = requireLiveDocument(db, id, anyKind);
      return { versions: listVersions(db, doc.id).map(versionSummary) };
    },
    'documents.diff': ({ id, from, to }) => {
      const { db } = context(deps);
      const doc = requireLiveDocument(db, id, anyKind);
      const target = to ?? doc.currentVersion;
      const before = requireVersion(db, doc.id, from);
      const after = requireVersion(db, doc.id, target);
      return { from, to: target, changes: diffContent(orderedContent(doc, before), orderedContent(doc, after)) };
    },
  };
}
