import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DOCUMENT_LOCALE, isKindOfProfile, type Locale, type Profile } from '../../shared/domain';
import { VAULT_TEMPLATE_PREFIX, type TemplateSummary, type TemplateView } from '../../shared/ipc/templates';
import {
  findTemplate,
  listTemplates,
  TEMPLATE_DEFINITIONS,
  TemplateSchema,
  type Template,
  type TemplateKind,
} from '../../shared/templates';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import {
  getTemplateVersion,
  insertTemplateVersion,
  latestTemplateVersions,
  type TemplateVersionRecord,
} from '../db/repositories/templates-repo';
import type { Handlers } from '../ipc/router';
import { storedContent } from './document-records';
import { contentHash } from '../db/repositories/documents-repo';
import {
  assertExpectedVersion,
  audit,
  context,
  invalid,
  notFound,
  write,
  type Ctx,
  type ServiceDeps,
} from './service-context';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.save'>;

/** A stored vault copy: the template's text, kind and language; id and version live in the row. */
const StoredTemplateSchema = TemplateSchema.omit({ id: true, version: true });

function fromBuiltin(template: Template): TemplateView {
  return { ...template, source: 'builtin', basedOn: null, savedAt: null };
}

function fromVault(record: TemplateVersionRecord): TemplateView {
  const stored = storedContent(StoredTemplateSchema, record.content);
  return {
    ...stored,
    id: record.id,
    version: record.version,
    source: 'vault',
    basedOn: record.basedOn,
    savedAt: record.createdAt,
  };
}

/** A built-in template (in `locale`) or a vault copy (in the given or latest version). */
export function templateById(db: Db, id: string, locale: Locale, version?: number): TemplateView {
  if (id.startsWith(VAULT_TEMPLATE_PREFIX)) {
    const record = getTemplateVersion(db, id, version);
    if (!record) throw notFound();
    return fromVault(record);
  }
  const builtin = findTemplate(id, locale);
  if (!builtin || (version !== undefined && version !== builtin.version)) throw notFound();
  return fromBuiltin(builtin);
}

/** A template the vault's profile offers: a DK vault has no NO follow-up plan, meeting or routine. */
function offeredTemplate(db: Db, profile: Profile, id: string, locale: Locale, version?: number): TemplateView {
  const view = templateById(db, id, locale, version);
  if (!isKindOfProfile(profile, view.kind))
    throw invalid('rules.profile.kindNotOffered', ['id'], { kind: view.kind, profile });
  return view;
}

function summary(view: TemplateView): TemplateSummary {
  const { intro: _intro, sections: _sections, ...rest } = view;
  return rest;
}

/** The content fields a template of this kind may have sections for: those of the built-in ones. */
function allowedFields(kind: TemplateKind): Set<string> {
  return new Set(TEMPLATE_DEFINITIONS.filter((d) => d.kind === kind).flatMap((d) => d.sections.map((s) => s.field)));
}

function assertSections(kind: TemplateKind, sections: readonly { field: string }[]): void {
  const allowed = allowedFields(kind);
  const seen = new Set<string>();
  sections.forEach((section, index) => {
    if (!allowed.has(section.field) || seen.has(section.field))
      throw invalid('error.template_field', [`sections.${index}.field`]);
    seen.add(section.field);
  });
}

type SaveInput = ChannelParsedInput<'templates.save'>;

function saveTemplate(ctx: Ctx, input: SaveInput): TemplateView {
  const { id: givenId, basedOn: givenBase, expectedVersion, ...text } = input;
  // A copy's headings print on the vault's documents, so it is written in their language only.
  if (input.locale !== DOCUMENT_LOCALE[ctx.profile]) throw invalid('exchange.templates.wrongLanguage', ['locale']);
  let origin: { id: string; basedOn: string; kind: TemplateKind; meetingType?: Template['meetingType'] };
  if (givenId !== undefined) {
    if (!givenId.startsWith(VAULT_TEMPLATE_PREFIX)) throw invalid('error.invalid_input', ['id']);
    const current = templateById(ctx.db, givenId, input.locale);
    origin = { id: givenId, basedOn: current.basedOn ?? givenId, kind: current.kind, meetingType: current.meetingType };
  } else if (givenBase !== undefined) {
    const base = templateById(ctx.db, givenBase, input.locale);
    origin = {
      id: `${VAULT_TEMPLATE_PREFIX}${randomUUID()}`,
      basedOn: base.id,
      kind: base.kind,
      meetingType: base.meetingType,
    };
  } else {
    throw invalid('error.invalid_input', ['basedOn']);
  }
  // The profile decides which templates exist (DOMAIN.md): a DK vault keeps no copy of a NO-only kind.
  if (!isKindOfProfile(ctx.profile, origin.kind))
    throw invalid('rules.profile.kindNotOffered', ['basedOn'], { kind: origin.kind, profile: ctx.profile });
  assertSections(origin.kind, text.sections);
  const content: z.input<typeof StoredTemplateSchema> = {
    ...text,
    kind: origin.kind,
    ...(origin.meetingType ? { meetingType: origin.meetingType } : {}),
  };
  return write(ctx, (actor) => {
    // Checked inside the transaction, so no other save slips in between the check and the insert.
    const latest = givenId === undefined ? null : getTemplateVersion(ctx.db, givenId);
    if (latest) {
      assertExpectedVersion(expectedVersion, latest.version);
      // Saving the same words again is not an edit: no new version, nothing logged.
      if (latest.contentHash === contentHash(content)) return fromVault(latest);
    }
    const record = insertTemplateVersion(ctx.db, {
      id: origin.id,
      basedOn: origin.basedOn,
      kind: origin.kind,
      locale: input.locale,
      content,
      author: actor,
      at: ctx.at,
    });
    audit(ctx, actor, record.version === 1 ? 'create' : 'update', 'template', record.id);
    return fromVault(record);
  });
}

export function templateHandlers(deps: ServiceDeps & { locale: () => Locale }): TemplateHandlers {
  return {
    'templates.list': ({ locale, kind }) => {
      const { db, profile } = context(deps);
      const builtin = listTemplates(locale ?? deps.locale()).map((t) => summary(fromBuiltin(t)));
      const own = latestTemplateVersions(db).map((r) => summary(fromVault(r)));
      // Only the kinds the vault's profile holds (a DK vault has no NO follow-up plan or minutes).
      const offered = [...builtin, ...own].filter((t) => isKindOfProfile(profile, t.kind));
      return { templates: offered.filter((t) => kind === undefined || t.kind === kind) };
    },
    'templates.get': ({ id, version, locale }) => {
      const { db, profile } = context(deps);
      return offeredTemplate(db, profile, id, locale ?? deps.locale(), version);
    },
    'templates.save': (input) => saveTemplate(context(deps), input),
  };
}
