import type { ReceivedPurgeReason } from '../../shared/ipc/export';
import { deleteReceived, getReceived } from '../db/repositories/received-repo';
import { AppError } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import { afterIntegrityCheck, eraseForGood } from './purge-service';
import { audit, context, notFound, type Ctx, type ServiceDeps } from './service-context';

/**
 * Received documents (signed copies kept at KDI or the region, NO pkt 6, 11) are removed for good here
 * when no case of this vault holds them: at KDI most are for references no case here has, and nothing
 * else ever took them out of the file. One a live case holds goes with that case's purge, as its own
 * documents do; one only a deleted case holds is already out of the lists and goes with its purge.
 */
function purgeReceived(ctx: Ctx, id: string, reason: ReceivedPurgeReason): { overwritten: boolean } {
  const record = getReceived(ctx.db, id);
  if (!record) throw notFound();
  if (record.heldByCase)
    throw new AppError('rule_blocked', 'export.import.purge.heldByCase', { reference: record.caseReference });
  const overwritten = eraseForGood(ctx, (actor) => {
    deleteReceived(ctx.db, id);
    audit(ctx, actor, 'delete', `received_purged.${reason}`, id);
  });
  return { overwritten };
}

export function receivedPurgeHandlers(deps: ServiceDeps): Pick<Handlers, 'import.purge'> {
  return {
    'import.purge': ({ id, reason }) =>
      afterIntegrityCheck(deps.session, () => deps.session.exclusive(() => purgeReceived(context(deps), id, reason))),
  };
}
