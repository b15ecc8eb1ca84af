import { assertRecipientFits } from './grading-policy';
import { compareDates, DistributionRecipientSchema, localDayOf } from '../../shared/domain';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import { DistributionFormatSchema, type DistributionRecord } from '../../shared/ipc/distribution';
import {
  lastVersionSentTo,
  listDistributions,
  recordDistribution,
  type DistributionRecord as StoredDistribution,
} from '../db/repositories/distributions-repo';
import { AppError } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import { diffContent } from './document-diff';
import { anyKind, orderedContent, requireLiveDocument, requireVersion } from './document-records';
import { audit, context, write, type Ctx, type ServiceDeps } from './service-context';

type DistributionHandlers = Pick<Handlers, 'distribution.record' | 'distribution.list' | 'documents.changesSinceSent'>;

function view(entry: StoredDistribution): DistributionRecord {
  return {
    ...entry,
    recipient: DistributionRecipientSchema.parse(entry.recipient),
    format: DistributionFormatSchema.parse(entry.format),
  };
}

/**
 * Records that a finalised version went to a recipient. Only final versions are sent: a draft is not
 * what region and KDI are to be kept informed of (NO pkt 11).
 */
function record(ctx: Ctx, input: ChannelParsedInput<'distribution.record'>): DistributionRecord {
  assertRecipientFits(ctx.profile, input.recipient, 'recipient');
  const doc = requireLiveDocument(ctx.db, input.documentId, anyKind);
  const version = requireVersion(ctx.db, doc.id, input.version);
  if (version.status !== 'final')
    throw new AppError('conflict', 'error.version_not_final', { version: input.version }, ['version']);
  // The log answers duties (NO pkt 6, 11): a sending dated ahead would clear them before anything went,
  // and one dated before the version was finalised cannot have carried it.
  if (compareDates(input.sentOn, ctx.today) > 0)
    throw new AppError('invalid_input', 'error.sent_in_future', undefined, ['sentOn']);
  const finalisedOn = localDayOf(version.createdAt);
  if (compareDates(input.sentOn, finalisedOn) < 0)
    throw new AppError('invalid_input', 'error.sent_before_final', { version: input.version, date: finalisedOn }, [
      'sentOn',
    ]);
  // The same sending twice would have the log claim two (an export logs its own; recorded by hand too).
  const same = listDistributions(ctx.db, doc.id).some(
    (entry) =>
      entry.version === input.version &&
      entry.recipient === input.recipient &&
      entry.sentOn === input.sentOn &&
      entry.format === input.format,
  );
  if (same)
    throw new AppError('conflict', 'error.sent_already_recorded', { version: input.version, date: input.sentOn }, [
      'sentOn',
    ]);
  return write(ctx, (actor) => {
    const saved = recordDistribution(ctx.db, {
      documentId: doc.id,
      version: input.version,
      recipient: input.recipient,
      sentOn: input.sentOn,
      format: input.format,
      fileSha256: input.fileSha256 ?? null,
      recordedAt: ctx.at,
    });
    audit(ctx, actor, 'distribute', 'document', doc.id);
    return view(saved);
  });
}

/** "What changed since the version last sent to KDI": exactly the fields that differ, one by one. */
function changesSinceSent(ctx: Ctx, input: ChannelParsedInput<'documents.changesSinceSent'>) {
  const doc = requireLiveDocument(ctx.db, input.id, anyKind);
  const lastSentVersion = lastVersionSentTo(ctx.db, doc.id, input.recipient);
  const base = {
    recipient: input.recipient,
    lastSentVersion,
    currentVersion: doc.currentVersion,
    currentIsDraft: doc.status !== 'final',
  };
  if (lastSentVersion === null) return { ...base, changes: [] };
  const sent = requireVersion(ctx.db, doc.id, lastSentVersion);
  const current = requireVersion(ctx.db, doc.id, doc.currentVersion);
  return { ...base, changes: diffContent(orderedContent(doc, sent), orderedContent(doc, current)) };
}

export function distributionHandlers(deps: ServiceDeps): DistributionHandlers {
  return {
    'distribution.record': (input) => record(context(deps), input),
    'distribution.list': ({ documentId }) => {
      const { db } = context(deps);
      const doc = requireLiveDocument(db, documentId, anyKind);
      return { entries: listDistributions(db, doc.id).map(view) };
    },
    'documents.changesSinceSent': (input) => changesSinceSent(context(deps), input),
  };
}
