import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  applyRedactions,
  findBasis,
  REDACTION_BASES,
  type LocatedText,
  type Redaction,
} from '../../shared/domain/redaction';
import { GradingLevelSchema } from '../../shared/domain/grading';
import type { innsynChannels, InnsynSaved } from '../../shared/ipc/innsyn';
import { AppError } from '../ipc/app-error';
import { insertExportLog } from '../db/repositories/export-log-repo';
import { getCase } from '../db/repositories/cases-repo';
import { getDocument } from '../db/repositories/documents-repo';
import { insertInnsynCopy, listInnsynCopies, type RedactionLogRecord } from '../db/repositories/redaction-repo';
import type { FileSaver } from '../files/file-saver';
import { formatDocumentDate } from '../documents/pdf';
import { local } from '../documents/views';
import type { HandlersOf } from './channel-handlers';
import { requireLiveCase } from './case-records';
import { DOCUMENT_LOCALE } from '../../shared/domain';
import { minimumExportLevel } from './export-grading';
import { copyView, renderCopyPdf, type AnnexLine } from './innsyn-pdf';
import { caseStamp, loadScope, proposeNames, textsDigest, type CopyScope } from './innsyn-source';
import { locateTexts, replaceTexts } from './innsyn-view';
import { audit, context, resumed, invalid, write, type Ctx, type ServiceDeps } from './service-context';
import { localActorId } from './actor';
import { translate } from '../../shared/i18n/translate';

export type InnsynDeps = ServiceDeps & { files: FileSaver };
type ExportInput = z.output<(typeof innsynChannels)['innsyn.export']['input']>;

/** Refuses a redaction whose basis is not the profile's or whose place is not in the copy; changes nothing. */
function checkRedactions(ctx: Ctx, texts: readonly LocatedText[], redactions: readonly Redaction[]): void {
  const byPlace = new Map(texts.map((t) => [`${t.documentId}|${t.path}`, t.text]));
  redactions.forEach((r, i) => {
    if (!findBasis(ctx.profile, r.basis)) throw invalid('innsyn.error.basis', [`redactions.${i}.basis`]);
    if (r.type === 'term') return;
    const text = byPlace.get(`${r.documentId}|${r.path}`);
    if (text === undefined || (r.type === 'passage' && r.end > text.length))
      throw invalid('innsyn.error.location', [`redactions.${i}`]);
  });
}

/** The redacted copy: each document's view with its texts replaced, and the redaction log lines. */
function redact(ctx: Ctx, scope: CopyScope, redactions: readonly Redaction[]) {
  const texts = scope.documents.flatMap((d) => d.texts);
  checkRedactions(ctx, texts, redactions);
  const citation = (id: string) => findBasis(ctx.profile, id)?.citation ?? id;
  const result = applyRedactions(texts, redactions, citation);
  const parts = scope.documents.map((d) => {
    const own = new Map(result.texts.filter((t) => t.documentId === d.loaded.doc.id).map((t) => [t.path, t.text]));
    const view = replaceTexts(d.view, own);
    // Labels from the redacted view: a removed heading must not come back as a log entry's location.
    const labels = new Map(locateTexts(d.loaded.doc.id, view).map((t) => [t.path, t.label]));
    return { doc: d, view, labels };
  });
  const partOf = (documentId: string) => parts.find((p) => p.doc.loaded.doc.id === documentId);
  const entries: RedactionLogRecord[] = redactions.map((r, i) => {
    const hit = result.hits[i] ?? { occurrences: 0, paths: [] };
    const labels = [...new Set(hit.paths.map((p) => partOf(p.documentId)?.labels.get(p.path) ?? p.path))];
    const part = r.type === 'term' ? undefined : partOf(r.documentId);
    return {
      seq: i + 1,
      type: r.type,
      documentId: part?.doc.loaded.doc.id ?? null,
      version: part?.doc.loaded.version.version ?? null,
      location: hit.paths
        .map((p) => `${p.documentId}:${p.path}`)
        .join(' ')
        .slice(0, 4_000),
      locationLabel: labels.join('; ').slice(0, 2_000),
      occurrences: hit.occurrences,
      basis: r.basis,
      citation: citation(r.basis),
    };
  });
  const removals = result.texts.reduce((sum, t) => sum + t.removals, 0);
  return { parts, entries, removals };
}

function annexLines(
  scope: CopyScope,
  entries: readonly RedactionLogRecord[],
  by: string,
  at: string,
  locale: 'nb' | 'da' | 'en',
) {
  const tr = (key: string, params?: Record<string, string | number>) => translate(locale, `innsyn.pdf.${key}`, params);
  return entries.map((e): AnnexLine => {
    const doc = scope.documents.find((d) => d.loaded.doc.id === e.documentId);
    return {
      seq: e.seq,
      document: doc ? `${doc.view.kindLabel} v${e.version}` : tr('allDocuments'),
      location: e.locationLabel || '-',
      what: tr(`what.${e.type}`, { count: e.occurrences }),
      citation: e.citation,
      by,
      // Local wall-clock time, as every other printed date (ctx.at is UTC).
      at: formatDocumentDate(locale, local(at)),
    };
  });
}

/**
 * Whether the scope's case is live and unchanged (its grading decides the copy's; its name and unit
 * print on it), and each of its documents still live at the version loaded.
 */
function unchangedSince(ctx: Ctx, scope: CopyScope): boolean {
  const kase = getCase(ctx.db, scope.caseId);
  if (!kase || kase.deletedAt) return false;
  const stamp = caseStamp(kase);
  if (stamp.updatedAt !== scope.caseStamp.updatedAt || stamp.grading !== scope.caseStamp.grading) return false;
  return scope.documents.every(({ loaded }) => {
    const doc = getDocument(ctx.db, loaded.doc.id);
    return doc !== null && !doc.deletedAt && doc.currentVersion === loaded.version.version;
  });
}

async function exportCopy(deps: InnsynDeps, input: ExportInput): Promise<InnsynSaved> {
  let ctx = context(deps);
  const locale = DOCUMENT_LOCALE[ctx.profile];
  const versions = new Map(input.versions.map((v) => [v.documentId, v.version]));
  const scope = loadScope(ctx, input, locale, versions);
  // The texts the user marked, as the preview showed them.
  const previewed = input.textsDigest;
  if (textsDigest(scope) !== previewed) throw new AppError('conflict', 'innsyn.error.changed');
  const { parts, entries, removals } = redact(ctx, scope, input.redactions);
  const kind = input.documentId ? (scope.documents[0]?.loaded.data.kind ?? 'document') : 'case';
  const copyNumber = listInnsynCopies(ctx.db, scope.caseId).length + 1;
  const path = await deps.files.choose('innsynPdf', `innsyn-${kind}-${copyNumber}.pdf`);
  if (!path) return { saved: false };
  // The copy is made now, not when the dialog opened: its date, its row and its audit entry say so, in
  // the log's order (audit 9: an entry written while the dialog was open came first but was dated later).
  ctx = context(deps);
  const actor = localActorId(ctx.db);
  const grading = minimumExportLevel(
    ctx.profile,
    scope.documents.map((d) => d.loaded),
  );
  const view = copyView(
    { locale, caseReference: scope.caseReference, copyNumber, grading, printedAt: local(ctx.at) },
    parts.map((p) => ({
      view: p.view,
      version: p.doc.loaded.version.version,
      final: p.doc.loaded.version.status === 'final',
    })),
    annexLines(scope, entries, actor, ctx.at, locale),
  );
  const bytes = await renderCopyPdf(view);
  ctx = resumed(deps, ctx);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const copyId = randomUUID();
  deps.files.write(path, bytes, (putInPlace) =>
    write(ctx, (writer) => {
      // The number printed on the copy was counted before the dialog and the rendering: a copy of the
      // case made meanwhile (a second call) took it, and two copies must never carry the same number.
      if (listInnsynCopies(ctx.db, scope.caseId).length + 1 !== copyNumber)
        throw new AppError('conflict', 'innsyn.error.copyNumberTaken');
      // The case and its documents as they were before the dialog: one deleted, purged, regraded or
      // saved anew meanwhile is refused, and nothing is written.
      if (!unchangedSince(ctx, scope)) throw new AppError('conflict', 'innsyn.error.changed');
      // Texts from outside the pinned versions (a mentor renamed, …) changed during the dialog.
      if (textsDigest(loadScope(ctx, input, locale, versions)) !== previewed)
        throw new AppError('conflict', 'innsyn.error.changed');
      const docs = scope.documents.map((d) => ({ documentId: d.loaded.doc.id, version: d.loaded.version.version }));
      insertInnsynCopy(
        ctx.db,
        {
          id: copyId,
          caseId: scope.caseId,
          documents: docs,
          grading,
          fileSha256: sha256,
          createdBy: writer,
          createdAt: ctx.at,
        },
        entries,
      );
      for (const d of scope.documents) {
        const { doc, version } = d.loaded;
        insertExportLog(ctx.db, {
          documentId: doc.id,
          version: version.version,
          format: 'print',
          recipient: null,
          grading,
          draft: version.status !== 'final',
          fileSha256: sha256,
          distributionId: null,
          exportedAt: ctx.at,
        });
        audit(ctx, writer, 'export', 'document', doc.id);
      }
      audit(ctx, writer, 'export', 'innsyn_copy', copyId);
      putInPlace();
    }),
  );
  return { saved: true, fileName: basename(path), copyId, sha256, size: bytes.length, removals, grading };
}

export function innsynHandlers(deps: InnsynDeps): HandlersOf<typeof innsynChannels> {
  return {
    'innsyn.prepare': (input) => {
      const ctx = context(deps);
      const scope = loadScope(ctx, input, DOCUMENT_LOCALE[ctx.profile]);
      return {
        caseReference: scope.caseReference,
        documents: scope.documents.map((d) => ({
          documentId: d.loaded.doc.id,
          kind: d.loaded.data.kind,
          kindLabel: d.view.kindLabel,
          version: d.loaded.version.version,
          final: d.loaded.version.status === 'final',
        })),
        excluded: scope.excluded,
        texts: scope.documents.flatMap((d) => d.texts),
        textsDigest: textsDigest(scope),
        proposals: proposeNames(ctx, scope),
        bases: REDACTION_BASES[ctx.profile].map((b) => ({ id: b.id, citation: b.citation })),
        grading: minimumExportLevel(
          ctx.profile,
          scope.documents.map((d) => d.loaded),
        ),
      };
    },
    'innsyn.export': (input) => exportCopy(deps, input),
    'innsyn.log': ({ caseId }) => {
      const ctx = context(deps);
      const kase = requireLiveCase(ctx.db, caseId);
      const copies = listInnsynCopies(ctx.db, kase.id).map((c) => ({
        id: c.id,
        createdAt: c.createdAt,
        createdBy: c.createdBy,
        grading: GradingLevelSchema.parse(c.grading),
        fileSha256: c.fileSha256,
        documents: c.documents,
        entries: c.entries.map((e) => ({ ...e, by: c.createdBy, at: c.createdAt })),
      }));
      return { copies };
    },
  };
}
