import { localDayOf } from '../../shared/domain/iso-date';
import type { DeletedRecord, RecordKind } from '../../shared/ipc/records';
import { lastContactRegisterSend } from '../db/repositories/contact-register-repo';
import {
  deletedRecord,
  deletedRecords,
  deleteRecordRows,
  isLiveRecord,
  liveDocumentsNaming,
} from '../db/repositories/record-purge-repo';
import { AppError } from '../ipc/app-error';
import type { Handlers } from '../ipc/router';
import { afterIntegrityCheck, eraseForGood } from './purge-service';
import { audit, context, notFound, type Ctx, type ServiceDeps } from './service-context';

/**
 * Deleted mentor records and contact register entries (personal data of staff and mentors): deleting
 * takes them out of the registers but keeps them in the file, so they are listed and purged here, as
 * a deleted case is (purge-service.ts). No text gives a retention period for them; the purge is the
 * administrator's decision.
 */

function listDeleted(ctx: Ctx, kind: RecordKind): DeletedRecord[] {
  return deletedRecords(ctx.db, kind).map((row) => ({
    id: row.id,
    name: typeof row.name === 'string' ? row.name : '',
    deletedOn: localDayOf(row.deletedAt),
    reason: row.reason ?? '',
  }));
}

/**
 * NO pkt 2: KDI had the register with this entry, and has not had it since the entry was deleted. The
 * deletion is then a change still to be sent, and the register's last change is read from it.
 */
function deletionUnsent(ctx: Ctx, deletedAt: string): boolean {
  const sent = lastContactRegisterSend(ctx.db);
  // Stryker disable next-line EqualityOperator: a sending and a deletion are two acts of the user, never recorded in one instant
  return sent !== undefined && sent.recordedAt < deletedAt;
}

/**
 * Refuses, writing nothing, a record that is not deleted (deleting records the reason first), one a
 * live document still names, or while another connection reads the vault (as the case purge does).
 */
function purgeRecord(ctx: Ctx, kind: RecordKind, id: string): { overwritten: boolean } {
  const record = deletedRecord(ctx.db, kind, id);
  if (!record) {
    if (isLiveRecord(ctx.db, kind, id)) throw new AppError('rule_blocked', 'records.purge.error.notDeleted');
    throw notFound();
  }
  if (kind === 'contact_entry' && deletionUnsent(ctx, record.deletedAt))
    throw new AppError('rule_blocked', 'records.purge.error.registerUnsent');
  const naming = liveDocumentsNaming(ctx.db, id);
  if (naming > 0) throw new AppError('rule_blocked', 'records.purge.error.named', { count: naming });
  const overwritten = eraseForGood(ctx, (actor) => {
    deleteRecordRows(ctx.db, id);
    audit(ctx, actor, 'delete', `${kind}_purged`, id);
  });
  return { overwritten };
}

export function recordPurgeHandlers(deps: ServiceDeps): Pick<Handlers, 'records.deleted' | 'records.purge'> {
  return {
    'records.deleted': ({ kind }) => ({ records: listDeleted(context(deps), kind) }),
    'records.purge': ({ kind, id }) =>
      afterIntegrityCheck(deps.session, () => deps.session.exclusive(() => purgeRecord(context(deps), kind, id))),
  };
}
