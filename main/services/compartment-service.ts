import { contentHash } from '../db/repositories/documents-repo';
import { assertConversationHeld } from './input-coherence';
import { z } from 'zod';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import type { ConversationView } from '../../shared/ipc/compartment';
import { NewMentorConversationSchema } from '../../shared/domain';
import { assessPassphrase } from '../../shared/vault/passphrase-policy';
import { getDocument } from '../db/repositories/documents-repo';
import { AppError } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import type { MentorCompartment, StoredRecord } from '../vault/compartment';
import { storedContent } from './document-records';
import { assertGradingFits, isDowngrade } from './grading-policy';
import { audit, context, notFound, write, type Ctx, type ServiceDeps } from './service-context';

type CompartmentHandlers = Pick<
  Handlers,
  | 'compartment.status'
  | 'compartment.create'
  | 'compartment.unlock'
  | 'compartment.lock'
  | 'conversations.list'
  | 'conversations.save'
>;

/** The compartment's audit object: one per vault, so a fixed id. */
const COMPARTMENT_ID = 'mentor-scheme';

/** What a sealed record keeps besides its content: earlier wordings of it, each with when it was saved. */
const HistorySchema = z
  .object({ savedAt: z.string().optional(), earlier: z.array(z.record(z.string(), z.unknown())).catch([]) })
  .catch({ earlier: [] });

/**
 * The record as shown. The day it was recorded is read from the seal (when its first wording was
 * saved), so one who can edit the database but not open the compartment cannot redate it; records
 * sealed before Bro kept that day show the stored one.
 */
function view(record: StoredRecord): ConversationView {
  const { earlier, savedAt } = HistorySchema.parse(record.payload);
  const first = earlier.length > 0 ? earlier[0]?.savedAt : savedAt;
  return {
    id: record.id,
    ...storedContent(NewMentorConversationSchema, record.payload),
    createdAt: typeof first === 'string' ? first : record.createdAt,
    revision: earlier.length + 1,
  };
}

/**
 * Only the mentor scheme, with the compartment open, may read or write conversation records
 * (NO pkt 13.5). Checked before anything else, so a coordinator cannot even learn whether a course exists.
 */
function requireOpen(compartment: MentorCompartment): void {
  if (compartment.state() !== 'unlocked') throw new AppError('forbidden', 'error.compartment_locked');
}

function requireCourse(ctx: Ctx, courseId: string): void {
  const course = getDocument(ctx.db, courseId);
  if (!course || course.deletedAt || course.kind !== 'mentor_course') throw notFound();
}

/** Each lowering of a record's grading with its reason, kept in the sealed record as a case keeps them. */
const GradingChangesSchema = z
  .array(z.object({ at: z.string(), from: z.string(), to: z.string(), reason: z.string() }))
  .catch([]);

/** A sealed payload as one earlier wording: its content and when it was saved, without its own history. */
function withoutHistory(payload: unknown): Record<string, unknown> {
  if (payload === null || typeof payload !== 'object') return {};
  const { earlier: _earlier, ...rest } = payload as Record<string, unknown>;
  return rest;
}

/**
 * The profile's gradings only; lowering a record's grading is an explicit act with a reason, kept in the
 * record and logged as a `downgrade`, as for cases, documents and vault records.
 */
function saveConversation(
  ctx: Ctx,
  compartment: MentorCompartment,
  input: ChannelParsedInput<'conversations.save'>,
): ConversationView {
  requireOpen(compartment);
  requireCourse(ctx, input.courseId);
  const { id, downgradeReason, expectedRevision, ...payload } = input;
  assertConversationHeld(payload.date, ctx.today);
  assertGradingFits(ctx.profile, payload.grading, 'grading');
  const stored = id === undefined ? undefined : (compartment.get(ctx.db, input.courseId, id) ?? undefined);
  if (id !== undefined && !stored) throw notFound();
  // A correction made from an older reading of the record would silently undo the one saved since.
  if (stored && expectedRevision !== undefined && view(stored).revision !== expectedRevision)
    throw new AppError('conflict', 'error.conflict');
  const previous = stored ? storedContent(NewMentorConversationSchema, stored.payload) : undefined;
  // Saving the record as it is sealed is no correction: no earlier wording kept, nothing logged (audit 9).
  if (stored && previous && contentHash(previous) === contentHash(storedContent(NewMentorConversationSchema, payload)))
    return view(stored);
  const downgrade = previous ? isDowngrade(ctx.profile, previous.grading, payload.grading, downgradeReason) : false;
  const earlier = GradingChangesSchema.parse(
    (stored?.payload as { gradingChanges?: unknown } | undefined)?.gradingChanges,
  );
  const gradingChanges =
    downgrade && previous
      ? [
          ...earlier,
          { at: ctx.at, from: previous.grading.level, to: payload.grading.level, reason: downgradeReason ?? '' },
        ]
      : earlier;
  // A correction keeps what the record said before, sealed with it: nothing of a record is lost.
  const history = stored
    ? { savedAt: ctx.at, earlier: [...HistorySchema.parse(stored.payload).earlier, withoutHistory(stored.payload)] }
    : { savedAt: ctx.at, earlier: [] };
  return write(ctx, (actor) => {
    const sealed = { ...payload, ...(gradingChanges.length > 0 ? { gradingChanges } : {}), ...history };
    const saved = compartment.save(ctx.db, input.courseId, sealed, id, stored?.createdAt);
    audit(ctx, actor, id === undefined ? 'create' : 'update', 'conversation', saved.id);
    if (downgrade) audit(ctx, actor, 'downgrade', 'conversation', saved.id);
    return view(saved);
  });
}

export function compartmentHandlers(deps: ServiceDeps & { compartment: MentorCompartment }): CompartmentHandlers {
  const { compartment } = deps;
  const status = () => ({ state: compartment.state() });
  return {
    'compartment.status': status,
    'compartment.create': async ({ passphrase }) => {
      // The vault is open (else refused as locked) before the slow key derivation.
      context(deps);
      if (!assessPassphrase(passphrase).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
      await compartment.create(passphrase);
      // Logged as made, once the key is derived, not when the call began (audit 9).
      const after = context(deps);
      write(after, (actor) => audit(after, actor, 'create', 'compartment', COMPARTMENT_ID));
      return status();
    },
    'compartment.unlock': async ({ passphrase }) => {
      context(deps);
      try {
        await compartment.unlock(passphrase);
      } catch (error) {
        if (error instanceof AppError && error.code === 'wrong_passphrase') {
          const after = context(deps);
          write(after, (actor) => audit(after, actor, 'unlock_failed', 'compartment', COMPARTMENT_ID));
        }
        throw error;
      }
      const after = context(deps);
      write(after, (actor) => audit(after, actor, 'compartment_unlock', 'compartment', COMPARTMENT_ID));
      return status();
    },
    'compartment.lock': () => {
      compartment.lock();
      return status();
    },
    'conversations.list': ({ courseId }) => {
      const ctx = context(deps);
      requireOpen(compartment);
      requireCourse(ctx, courseId);
      const { records, damaged } = compartment.read(ctx.db, courseId);
      return { conversations: records.map(view), damaged };
    },
    'conversations.save': (input) => saveConversation(context(deps), compartment, input),
  };
}
