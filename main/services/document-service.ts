import { DocumentKindSchema, type DocumentContent, type Grading, type Locale } from '../../shared/domain';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import type { DocumentDetail } from '../../shared/ipc/documents';
import { buildDraftFromTemplate, newDraft } from '../../shared/templates';
import { getCase } from '../db/repositories/cases-repo';
import {
  contentHash,
  listDocuments,
  saveVersion,
  softDeleteDocument,
  type DocumentRecord,
} from '../db/repositories/documents-repo';
import type { Db } from '../db/connection';
import type { Handlers } from '../ipc/router';
import { caseData, refreshCaseGrading, requireLiveCase } from './case-records';
import { ruleFindings } from './document-facts';
import {
  documentSummary,
  isDocumentKind,
  kindedContent,
  requireLiveDocument,
  requireVersion,
  versionSummary,
} from './document-records';
import { isDowngrade, parseContentForProfile } from './grading-policy';
import { assertExpectedVersion, audit, context, invalid, write, type Ctx, type ServiceDeps } from './service-context';
import { templateById } from './template-service';

type DocumentHandlers = Pick<
  Handlers,
  'documents.list' | 'documents.get' | 'documents.create' | 'documents.save' | 'documents.delete'
>;

/** Search results show the case reference; the screen adds the kind's label in the user's language. */
export function searchTitle(db: Db, caseId: string | null): string {
  return caseId ? (getCase(db, caseId)?.reference ?? '') : '';
}

/** One version of a document with its content and findings. */
export function documentDetail(ctx: Ctx, doc: DocumentRecord, versionNumber = doc.currentVersion): DocumentDetail {
  const version = requireVersion(ctx.db, doc.id, versionNumber);
  const data = kindedContent(doc, version);
  const document = documentSummary(doc);
  if (!document) throw invalid('error.invalid_input', ['id']);
  return { document, version: versionSummary(version), data, findings: ruleFindings(ctx, doc.id, data) };
}

export function requireCaseDocument(db: Db, id: string): DocumentRecord {
  return requireLiveDocument(db, id, isDocumentKind);
}

type CreateInput = ChannelParsedInput<'documents.create'>;

/** The first version's content: given content, a template's draft or an empty draft of the kind. */
function initialContent(ctx: Ctx, input: CreateInput, grading: Grading, locale: Locale): DocumentContent {
  if (input.content !== undefined) return parseContentForProfile(ctx.profile, input.kind, input.content, ctx.today);
  if (input.templateId !== undefined) {
    const template = templateById(ctx.db, input.templateId, locale);
    if (template.kind !== input.kind) throw invalid('error.template_kind', ['templateId']);
    return parseContentForProfile(ctx.profile, input.kind, buildDraftFromTemplate(template, grading), ctx.today);
  }
  const draft = newDraft(input.kind, { profile: ctx.profile, grading, meetingType: input.meetingType });
  return parseContentForProfile(ctx.profile, input.kind, draft, ctx.today);
}

function createDocument(ctx: Ctx, input: CreateInput, locale: Locale): DocumentDetail {
  const kase = requireLiveCase(ctx.db, input.caseId);
  const grading = input.grading ?? caseData(kase).grading;
  const content = initialContent(ctx, input, grading, locale);
  return write(ctx, (actor) => {
    const { document } = saveVersion(ctx.db, {
      caseId: kase.id,
      kind: input.kind,
      content,
      grading: content.grading.level,
      status: 'draft',
      author: actor,
      at: ctx.at,
      note: input.note,
      searchTitle: kase.reference,
    });
    audit(ctx, actor, 'create', 'document', document.id);
    refreshCaseGrading(ctx.db, ctx.profile, kase.id);
    return documentDetail(ctx, document);
  });
}

/** The version note: a downgrade's reason first (it must be read), then the author's own note. */
export function versionNote(downgradeReason: string | undefined, note: string | undefined): string | undefined {
  const parts = [downgradeReason, note].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

type SaveInput = ChannelParsedInput<'documents.save'>;

function saveDocument(ctx: Ctx, input: SaveInput): DocumentDetail {
  const doc = requireCaseDocument(ctx.db, input.id);
  assertExpectedVersion(input.expectedVersion, doc.currentVersion);
  const kind = DocumentKindSchema.parse(doc.kind);
  const content = parseContentForProfile(ctx.profile, kind, input.content, ctx.today);
  const current = requireVersion(ctx.db, doc.id, doc.currentVersion);
  // Saving the same content again is not an edit: no new version, nothing logged.
  if (contentHash(content) === current.contentHash) return documentDetail(ctx, doc);
  const from = kindedContent(doc, current).content.grading;
  const downgrade = isDowngrade(ctx.profile, from, content.grading, input.downgradeReason);
  return write(ctx, (actor) => {
    const saved = saveVersion(ctx.db, {
      documentId: doc.id,
      caseId: doc.caseId,
      kind,
      content,
      grading: content.grading.level,
      status: 'draft',
      author: actor,
      at: ctx.at,
      note: versionNote(downgrade ? input.downgradeReason : undefined, input.note),
      searchTitle: searchTitle(ctx.db, doc.caseId),
    });
    audit(ctx, actor, 'update', 'document', doc.id);
    if (downgrade) audit(ctx, actor, 'downgrade', 'document', doc.id);
    refreshCaseGrading(ctx.db, ctx.profile, doc.caseId);
    return documentDetail(ctx, saved.document);
  });
}

function deleteDocument(ctx: Ctx, id: string, reason: string) {
  const doc = requireCaseDocument(ctx.db, id);
  write(ctx, (actor) => {
    softDeleteDocument(ctx.db, doc.id, reason, ctx.at);
    audit(ctx, actor, 'delete', 'document', doc.id);
    refreshCaseGrading(ctx.db, ctx.profile, doc.caseId);
  });
  return { deleted: true as const };
}

export function documentHandlers(deps: ServiceDeps & { locale: () => Locale }): DocumentHandlers {
  return {
    'documents.list': ({ caseId, kind, includeDeleted }) => {
      const { db } = context(deps);
      const documents = listDocuments(db, { caseId, kind, includeDeleted }).flatMap(
        (doc) => documentSummary(doc) ?? [],
      );
      return { documents };
    },
    'documents.get': ({ id, version }) => {
      const ctx = context(deps);
      return documentDetail(ctx, requireCaseDocument(ctx.db, id), version);
    },
    'documents.create': (input) => createDocument(context(deps), input, deps.locale()),
    'documents.save': (input) => saveDocument(context(deps), input),
    'documents.delete': ({ id, reason }) => deleteDocument(context(deps), id, reason),
  };
}
