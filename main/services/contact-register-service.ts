import { createHash, randomUUID } from 'node:crypto';
import { compareDates } from '../../shared/domain';
import { contactRegisterStatus, type ContactRegisterStatus } from '../../shared/rules';
import {
  contactRegisterState,
  insertContactRegisterSend,
  lastContactRegisterSend,
} from '../db/repositories/contact-register-repo';
import type { Handlers } from '../ipc/router';
import { audit, context, invalid, localDate, write, type Ctx, type ServiceDeps } from './service-context';

/** One digest for the register as it stands: which entries are live, at which version. */
function registerDigest(entries: readonly { id: string; version: number }[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.id}:${entry.version}\n`);
  return hash.digest('hex');
}

function status(ctx: Ctx): ContactRegisterStatus {
  const state = contactRegisterState(ctx.db);
  const lastSend = lastContactRegisterSend(ctx.db);
  return contactRegisterStatus({
    entries: state.entries.length,
    digest: registerDigest(state.entries),
    lastChangeOn: state.lastChangeAt ? localDate(new Date(state.lastChangeAt)) : null,
    ...(lastSend ? { lastSend: { sentOn: lastSend.sentOn, digest: lastSend.registerDigest } } : {}),
  });
}

/** NO pkt 2: whether KDI has the contact register as it stands, and recording that it was sent. */
export function contactRegisterHandlers(
  deps: ServiceDeps,
): Pick<Handlers, 'contacts.registerStatus' | 'contacts.recordSent'> {
  return {
    'contacts.registerStatus': () => status(context(deps)),
    'contacts.recordSent': ({ sentOn }) => {
      const ctx = context(deps);
      if (compareDates(sentOn, ctx.today) > 0) throw invalid('mentors.contacts.sent.future', ['sentOn']);
      return write(ctx, (actor) => {
        const id = randomUUID();
        const registerDigestNow = registerDigest(contactRegisterState(ctx.db).entries);
        insertContactRegisterSend(ctx.db, {
          id,
          sentOn,
          format: 'paper',
          registerDigest: registerDigestNow,
          recordedAt: ctx.at,
        });
        audit(ctx, actor, 'distribute', 'contact_register', id);
        return status(ctx);
      });
    },
  };
}
