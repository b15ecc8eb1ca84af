import { createHash } from 'node:crypto';
import type { Locale } from '../../shared/domain';
import { findTerm, termKey, type LocatedText } from '../../shared/domain/redaction';
import { NewContactEntrySchema } from '../../shared/domain/contact-register';
import { MeetingContentSchema } from '../../shared/domain/meeting';
import { NewMentorSchema } from '../../shared/domain/mentor';
import type { InnsynProposal } from '../../shared/ipc/innsyn';
import type { CaseRecord } from '../db/repositories/cases-repo';
import { getVersion, listDocuments } from '../db/repositories/documents-repo';
import type { DocumentView } from '../documents/pdf';
import { documentViewFor } from '../documents/views';
import { AppError } from '../ipc/app-error';
import { caseData, requireLiveCase } from './case-records';
import { isDocumentKind } from './document-records';
import { loadVersion, viewSource, type LoadedVersion } from './export-source';
import { locateTexts } from './innsyn-view';
import { notFound, type Ctx } from './service-context';

/** A future plan is never merged with the follow-up plan into one export (NO pkt 10): it gets its own copy. */
const OWN_COPY_KINDS: ReadonlySet<string> = new Set(['future_plan']);

export interface CopyDocument {
  loaded: LoadedVersion;
  view: DocumentView;
  texts: LocatedText[];
}

export interface CopyScope {
  caseId: string;
  caseReference: string;
  personName: string;
  /** The case as read (its last change, own grading): a copy is refused if it changes before the write. */
  caseStamp: { updatedAt: string; grading: string };
  documents: CopyDocument[];
  excluded: { documentId: string; kind: string; reasonKey: string }[];
}

/** What the copy takes from the case record: its grading sets the copy's, its person data prints. */
export function caseStamp(kase: CaseRecord): CopyScope['caseStamp'] {
  return { updatedAt: kase.updatedAt, grading: JSON.stringify(caseData(kase).grading) };
}

function copyDocument(ctx: Ctx, loaded: LoadedVersion, locale: Locale): CopyDocument {
  const view = documentViewFor(viewSource(ctx, loaded, loaded.data.content.grading, locale));
  return { loaded, view, texts: locateTexts(loaded.doc.id, view) };
}

/**
 * The documents of a copy: the one asked for, or every live document of the case at its current
 * version (the future plan left out, NO pkt 10). `versions` pins what the user previewed.
 */
export function loadScope(
  ctx: Ctx,
  scope: { caseId: string; documentId?: string },
  locale: Locale,
  versions?: ReadonlyMap<string, number>,
): CopyScope {
  const kase = requireLiveCase(ctx.db, scope.caseId);
  const excluded: CopyScope['excluded'] = [];
  let ids: string[];
  if (scope.documentId) ids = [scope.documentId];
  else {
    const docs = listDocuments(ctx.db, { caseId: kase.id }).filter((d) => isDocumentKind(d.kind));
    for (const d of docs.filter((doc) => OWN_COPY_KINDS.has(doc.kind)))
      excluded.push({ documentId: d.id, kind: d.kind, reasonKey: 'innsyn.excluded.futurePlan' });
    ids = docs.filter((d) => !OWN_COPY_KINDS.has(d.kind)).map((d) => d.id);
  }
  if (versions && (versions.size !== ids.length || ids.some((id) => !versions.has(id))))
    throw new AppError('conflict', 'innsyn.error.changed');
  const documents = ids.map((id) => {
    const loaded = loadVersion(ctx, id, versions?.get(id));
    if (loaded.kase.id !== kase.id) throw notFound();
    // What the user previewed is the current version: one saved since is refused, not copied unseen.
    if (versions && loaded.version.version !== loaded.doc.currentVersion)
      throw new AppError('conflict', 'innsyn.error.changed');
    return copyDocument(ctx, loaded, locale);
  });
  if (documents.length === 0) throw new AppError('conflict', 'innsyn.error.empty');
  const person = caseData(kase);
  return {
    caseId: kase.id,
    caseReference: person.caseReference,
    personName: person.name,
    caseStamp: caseStamp(kase),
    documents,
    excluded,
  };
}

/**
 * A digest of every text the copy prints and a redaction addresses. The view takes text from outside
 * the document's version too (the case's person data, the mentor register, rule findings), so a pinned
 * version does not pin the texts: a change there would move a passage's offsets onto other characters.
 */
export function textsDigest(scope: CopyScope): string {
  const texts = scope.documents.flatMap((d) => d.texts.map((t) => [t.documentId, t.path, t.text]));
  return createHash('sha256').update(JSON.stringify(texts)).digest('hex');
}

function contactNames(ctx: Ctx): string[] {
  return listDocuments(ctx.db, { caseId: null, kind: 'contact_entry' }).flatMap((doc) => {
    const parsed = NewContactEntrySchema.safeParse(getVersion(ctx.db, doc.id, doc.currentVersion)?.content);
    return parsed.success ? [parsed.data.name] : [];
  });
}

function participantNames(ctx: Ctx, caseId: string): string[] {
  return listDocuments(ctx.db, { caseId, kind: 'meeting' }).flatMap((doc) => {
    const parsed = MeetingContentSchema.safeParse(getVersion(ctx.db, doc.id, doc.currentVersion)?.content);
    return parsed.success ? parsed.data.participants.map((p) => p.name) : [];
  });
}

function mentorNames(ctx: Ctx): string[] {
  return listDocuments(ctx.db, { caseId: null, kind: 'mentor' }).flatMap((doc) => {
    const parsed = NewMentorSchema.safeParse(getVersion(ctx.db, doc.id, doc.currentVersion)?.content);
    return parsed.success ? [parsed.data.name] : [];
  });
}

/** Names the copy's own documents hold in fields of their own (audit 8: a DK vault was proposed none). */
function namedInDocuments(scope: CopyScope): string[] {
  return scope.documents.flatMap(({ loaded }) => {
    const { data } = loaded;
    if (data.kind === 'mentor_course' && data.content.variant === 'DK')
      return [data.content.responsiblePerson, data.content.mentortovholder?.name ?? ''];
    if (data.kind === 'visit_routine') return [data.content.mentorName, data.content.contactPerson.name];
    if (data.kind === 'follow_up_plan')
      return [data.content.coordinatingContact, ...(data.content.involved ?? []).map((p) => p.name)];
    return [];
  });
}

/**
 * Third parties' names proposed for redaction: the case's meeting participants, the contact register's
 * people, the mentor register's, and the names the copy's documents hold in fields of their own, each
 * only if it occurs in the copy, with how often. The person's own name is not a third party. The user
 * confirms each proposal; nothing is removed without that.
 */
export function proposeNames(ctx: Ctx, scope: CopyScope): InnsynProposal[] {
  const texts = scope.documents.flatMap((d) => d.texts);
  // Keyed as findTerm reads a name, so "Åse  Fiktivdal" and "Åse Fiktivdal" are one proposal, not two.
  const seen = new Set([termKey(scope.personName)]);
  const proposals: InnsynProposal[] = [];
  const candidates = [
    ...participantNames(ctx, scope.caseId).map((name) => ({ name, source: 'participant' as const })),
    ...contactNames(ctx).map((name) => ({ name, source: 'contact' as const })),
    ...mentorNames(ctx).map((name) => ({ name, source: 'mentor' as const })),
    ...namedInDocuments(scope).map((name) => ({ name, source: 'named' as const })),
  ];
  for (const { name, source } of candidates) {
    const term = name.trim();
    const key = termKey(term);
    if (term.length < 2 || seen.has(key)) continue;
    seen.add(key);
    const occurrences = texts.reduce((sum, item) => sum + findTerm(item.text, term).length, 0);
    if (occurrences > 0) proposals.push({ term, source, occurrences });
  }
  return proposals;
}
