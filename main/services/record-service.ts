import { assertBirthDate, assertContactCoherent } from './input-coherence';
import type { z } from 'zod';
import { assertContactRegister } from './contact-register-service';
import { lowestGrading, type Grading } from '../../shared/domain';
import { compareNordic } from '../../shared/domain/nordic-order';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import {
  ContactRecordContentSchema,
  MentorRecordContentSchema,
  type ContactView,
  type MentorView,
  type RecordKind,
} from '../../shared/ipc/records';
import { mentorPeakHours } from '../../shared/rules';
import {
  contentHash,
  listDocuments,
  saveVersion,
  softDeleteDocument,
  type DocumentRecord,
} from '../db/repositories/documents-repo';
import type { Handlers } from '../ipc/router';
import { isAppError } from '../ipc/app-error';
import { dkCourseLoads, liveMentorCourses } from './document-facts';
import { requireLiveDocument, requireVersion, storedContent } from './document-records';
import { versionNote } from './document-service';
import { assertGradingFits, isDowngrade } from './grading-policy';
import { assertExpectedVersion, audit, context, write, type Ctx, type ServiceDeps } from './service-context';

type RecordHandlers = Pick<
  Handlers,
  | 'mentors.list'
  | 'mentors.get'
  | 'mentors.save'
  | 'mentors.delete'
  | 'contacts.list'
  | 'contacts.save'
  | 'contacts.delete'
>;

const SCHEMAS = { mentor: MentorRecordContentSchema, contact_entry: ContactRecordContentSchema } as const;
type RecordContent<K extends RecordKind> = z.output<(typeof SCHEMAS)[K]>;

const ofKind = (kind: RecordKind) => (k: string) => k === kind;

function currentContent<K extends RecordKind>(ctx: Ctx, kind: K, doc: DocumentRecord): RecordContent<K> {
  return storedContent(SCHEMAS[kind], requireVersion(ctx.db, doc.id, doc.currentVersion).content) as RecordContent<K>;
}

interface SaveRecordInput<V> {
  id?: string;
  value: V;
  grading?: Grading;
  expectedVersion?: number;
  downgradeReason?: string;
  title: string;
}

/**
 * A vault record is a document without a case. Each save is a complete, usable version (status
 * `final`), so any version can be recorded as sent (the contact register goes to KDI on every change).
 */
function saveRecord<K extends RecordKind, V extends object>(
  ctx: Ctx,
  kind: K,
  input: SaveRecordInput<V>,
): DocumentRecord {
  const existing = input.id !== undefined ? requireLiveDocument(ctx.db, input.id, ofKind(kind)) : null;
  if (existing) assertExpectedVersion(input.expectedVersion, existing.currentVersion);
  const previous = existing ? currentContent(ctx, kind, existing) : null;
  const grading = input.grading ?? previous?.grading ?? { level: lowestGrading(ctx.profile) };
  assertGradingFits(ctx.profile, grading, 'grading');
  const downgrade = previous ? isDowngrade(ctx.profile, previous.grading, grading, input.downgradeReason) : false;
  const content = { ...input.value, grading };
  if (existing && contentHash(content) === requireVersion(ctx.db, existing.id, existing.currentVersion).contentHash)
    return existing;
  return write(ctx, (actor) => {
    const { document } = saveVersion(ctx.db, {
      documentId: existing?.id,
      caseId: null,
      kind,
      content,
      grading: grading.level,
      status: 'final',
      author: actor,
      at: ctx.at,
      note: versionNote(downgrade ? input.downgradeReason : undefined, undefined),
      searchTitle: input.title,
    });
    audit(ctx, actor, existing ? 'update' : 'create', kind, document.id);
    if (downgrade) audit(ctx, actor, 'downgrade', kind, document.id);
    return document;
  });
}

function deleteRecord(ctx: Ctx, kind: RecordKind, id: string, reason: string) {
  const doc = requireLiveDocument(ctx.db, id, ofKind(kind));
  write(ctx, (actor) => {
    softDeleteDocument(ctx.db, doc.id, reason, ctx.at);
    audit(ctx, actor, 'delete', kind, doc.id);
  });
  return { deleted: true as const };
}

function meta(doc: DocumentRecord) {
  return { currentVersion: doc.currentVersion, createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

/**
 * A mentor with DK § 15 hours (the busiest time from today on) and the courses that name them; the courses
 * are read once for all the mentors the viewer is used for.
 */
function mentorViewer(ctx: Ctx): (doc: DocumentRecord) => MentorView {
  const loads = dkCourseLoads(ctx.db);
  const courses = liveMentorCourses(ctx.db);
  return (doc) => ({
    id: doc.id,
    ...currentContent(ctx, 'mentor', doc),
    ...meta(doc),
    weeklyHours: mentorPeakHours(doc.id, loads, ctx.today),
    courseIds: courses.filter((c) => c.content.mentors.some((m) => m.mentorId === doc.id)).map((c) => c.id),
  });
}

function contactView(ctx: Ctx, doc: DocumentRecord): ContactView {
  return { id: doc.id, ...currentContent(ctx, 'contact_entry', doc), ...meta(doc) };
}

// Norwegian and Danish order, whatever the machine's locale (Region øst after Region vest).
const byRegister = (a: ContactView, b: ContactView) =>
  compareNordic([a.region, a.unit, a.role, a.name].join('\u0000'), [b.region, b.unit, b.role, b.name].join('\u0000'));

/**
 * The views of the records that open, and the ids of those whose current version was changed outside
 * Bro: one such entry is named, not let make the whole register fail in its name.
 */
function viewsOf<T>(
  docs: readonly DocumentRecord[],
  view: (doc: DocumentRecord) => T,
): { views: T[]; altered: string[] } {
  const views: T[] = [];
  const altered: string[] = [];
  for (const doc of docs) {
    try {
      views.push(view(doc));
    } catch (error) {
      if (!isAppError(error) || error.messageKey !== 'error.version_altered') throw error;
      altered.push(doc.id);
    }
  }
  return { views, altered };
}

type MentorSave = ChannelParsedInput<'mentors.save'>;
type ContactSave = ChannelParsedInput<'contacts.save'>;

export function recordHandlers(deps: ServiceDeps): RecordHandlers {
  const mentorView = (ctx: Ctx, doc: DocumentRecord) => mentorViewer(ctx)(doc);
  return {
    'mentors.list': () => {
      const ctx = context(deps);
      const { views, altered } = viewsOf(listDocuments(ctx.db, { caseId: null, kind: 'mentor' }), mentorViewer(ctx));
      return { mentors: views, altered };
    },
    'mentors.get': ({ id }) => {
      const ctx = context(deps);
      return mentorView(ctx, requireLiveDocument(ctx.db, id, ofKind('mentor')));
    },
    'mentors.save': ({ mentor, ...rest }: MentorSave) => {
      const ctx = context(deps);
      assertBirthDate(mentor.birthDate, ctx.today, 'mentor.birthDate');
      return mentorView(ctx, saveRecord(ctx, 'mentor', { ...rest, value: mentor, title: mentor.name }));
    },
    'mentors.delete': ({ id, reason }) => deleteRecord(context(deps), 'mentor', id, reason),
    'contacts.list': () => {
      const ctx = context(deps);
      const { views, altered } = viewsOf(listDocuments(ctx.db, { caseId: null, kind: 'contact_entry' }), (doc) =>
        contactView(ctx, doc),
      );
      return { entries: views.sort(byRegister), altered };
    },
    'contacts.save': ({ entry, ...rest }: ContactSave) => {
      const ctx = context(deps);
      assertContactRegister(ctx.profile);
      assertContactCoherent(entry);
      return contactView(ctx, saveRecord(ctx, 'contact_entry', { ...rest, value: entry, title: entry.name }));
    },
    'contacts.delete': ({ id, reason }) => deleteRecord(context(deps), 'contact_entry', id, reason),
  };
}
