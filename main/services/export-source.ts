import type { Grading, KindedContent, Locale } from '../../shared/domain';
import { NO_PLAN_DISTRIBUTION_RULE } from '../../shared/rules/no-plan-distribution';
import { builtinTemplateIdFor, findTemplate, templateChoiceFor } from '../../shared/templates';
import type { Finding } from '../../shared/rules/finding';
import type { CaseRecord } from '../db/repositories/cases-repo';
import type { DocumentRecord, VersionRecord } from '../db/repositories/documents-repo';
import type { ViewSource, ViewTemplate } from '../documents/views';
import { isAppError } from '../ipc/app-error';
import { caseData, requireLiveCase } from './case-records';
import { mentorsByIds, ruleFindings } from './document-facts';
import { isDocumentKind, kindedContent, requireLiveDocument, requireVersion } from './document-records';
import { notFound, type Ctx } from './service-context';
import { templateById } from './template-service';

/** One version of a case document, read for printing or export. */
export interface LoadedVersion {
  doc: DocumentRecord;
  version: VersionRecord;
  data: KindedContent;
  kase: CaseRecord;
}

export function loadVersion(ctx: Ctx, documentId: string, versionNumber?: number): LoadedVersion {
  const doc = requireLiveDocument(ctx.db, documentId, isDocumentKind);
  const version = requireVersion(ctx.db, doc.id, versionNumber ?? doc.currentVersion);
  if (!doc.caseId) throw notFound();
  return { doc, version, data: kindedContent(doc, version), kase: requireLiveCase(ctx.db, doc.caseId) };
}

/**
 * The rules on the content, as printed with it. The reminder that region and KDI lack the newest plan
 * (NO pkt 11) is about the vault's log, not the document, so it stays on screen and off paper.
 */
export function contentFindings(ctx: Ctx, loaded: LoadedVersion): Finding[] {
  return ruleFindings(ctx, loaded.doc.id, loaded.data).filter(
    (finding) => finding.ruleId !== NO_PLAN_DISTRIBUTION_RULE.id,
  );
}

const viewTemplate = (template: { title: string; sections: readonly { field: string; heading: string }[] }) => ({
  title: template.title,
  sections: template.sections.map(({ field, heading }) => ({ field, heading })),
});

/**
 * The template the document is shown with on screen (shared/templates templateChoiceFor): a vault copy
 * in the version it recorded, else the built-in one. A vault copy not in this vault (a document handed
 * over names the sender's), or of another kind (content can name any), gives way to the built-in one.
 */
function recordedTemplate(ctx: Ctx, data: KindedContent, locale: Locale): ViewTemplate | undefined {
  const choice = templateChoiceFor(data);
  const builtin = findTemplate(builtinTemplateIdFor(data) ?? '', locale);
  const fallback = builtin ? viewTemplate(builtin) : undefined;
  if (choice?.source !== 'vault') return fallback;
  try {
    const template = templateById(ctx.db, choice.id, locale, choice.version);
    return template.kind === data.kind ? viewTemplate(template) : fallback;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return fallback;
    throw error;
  }
}

function mentorNames(ctx: Ctx, data: KindedContent): Record<string, string> {
  if (data.kind !== 'mentor_course') return {};
  const ids = data.content.mentors.map((m) => m.mentorId);
  return Object.fromEntries(mentorsByIds(ctx.db, ids).map((mentor) => [mentor.id, mentor.name]));
}

export function viewSource(ctx: Ctx, loaded: LoadedVersion, grading: Grading, locale: Locale): ViewSource {
  const person = caseData(loaded.kase);
  const final = loaded.version.status === 'final';
  const template = recordedTemplate(ctx, loaded.data, locale);
  return {
    locale,
    profile: ctx.profile,
    data: loaded.data,
    person: {
      name: person.name,
      ...(person.birthDate ? { birthDate: person.birthDate } : {}),
      unit: person.unit,
      caseReference: person.caseReference,
    },
    version: {
      number: loaded.version.version,
      status: loaded.version.status,
      documentCreatedAt: loaded.doc.createdAt,
      ...(final ? { finalisedAt: loaded.version.createdAt } : {}),
    },
    printedAt: ctx.at,
    grading,
    ...(template ? { template } : {}),
    findings: contentFindings(ctx, loaded),
    mentorNames: mentorNames(ctx, loaded.data),
  };
}
