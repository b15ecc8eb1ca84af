import { createHash, randomUUID } from 'node:crypto';
import { compareDates, type Profile } from '../../shared/domain';
import { contactRegisterStatus, type ContactRegisterStatus } from '../../shared/rules';
import {
  contactRegisterState,
  type ContactRegisterState,
  insertContactRegisterSend,
  lastContactRegisterSend,
} from '../db/repositories/contact-register-repo';
import type { Handlers } from '../ipc/router';
import { audit, context, invalid, localDate, write, type ServiceDeps } from './service-context';

/** One digest for the register as it stands: which entries are live, at which version. */
function registerDigest(entries: readonly { id: string; version: number }[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.id}:${entry.version}\n`);
  return hash.digest('hex');
}

/** The status of the register as read, against the sending recorded last. */
function statusOf(state: ContactRegisterState, lastSend: { sentOn: string; registerDigest: string } | undefined) {
  return contactRegisterStatus({
    entries: state.entries.length,
    digest: registerDigest(state.entries),
    lastChangeOn: state.lastChangeAt ? localDate(new Date(state.lastChangeAt)) : null,
    ...(lastSend ? { lastSend: { sentOn: lastSend.sentOn, digest: lastSend.registerDigest } } : {}),
  });
}

/** The contact register is NO pkt 2's: a DK vault keeps none, as it holds no NO-only document kind. */
export function assertContactRegister(profile: Profile): void {
  if (profile !== 'NO') throw invalid('rules.profile.kindNotOffered', ['kind'], { kind: 'contact_entry', profile });
}

/** NO pkt 2: whether KDI has the contact register as it stands, and recording that it was sent. */
export function contactRegisterHandlers(
  deps: ServiceDeps,
): Pick<Handlers, 'contacts.registerStatus' | 'contacts.recordSent'> {
  return {
    'contacts.registerStatus': (): ContactRegisterStatus => {
      const { db, profile } = context(deps);
      assertContactRegister(profile);
      return statusOf(contactRegisterState(db), lastContactRegisterSend(db));
    },
    'contacts.recordSent': ({ sentOn }) => {
      const ctx = context(deps);
      assertContactRegister(ctx.profile);
      if (compareDates(sentOn, ctx.today) > 0) throw invalid('mentors.contacts.sent.future', ['sentOn']);
      return write(ctx, (actor) => {
        // The register is read once: what is recorded as sent is exactly what the status reports.
        const state = contactRegisterState(ctx.db);
        // A sending dated before the register's last change did not carry it as it stands.
        const changedOn = state.lastChangeAt ? localDate(new Date(state.lastChangeAt)) : null;
        if (changedOn !== null && compareDates(sentOn, changedOn) < 0)
          throw invalid('mentors.contacts.sent.beforeChange', ['sentOn'], { changedOn });
        const send = { id: randomUUID(), sentOn, format: 'paper', registerDigest: registerDigest(state.entries) };
        insertContactRegisterSend(ctx.db, { ...send, recordedAt: ctx.at });
        audit(ctx, actor, 'distribute', 'contact_register', send.id);
        return statusOf(state, send);
      });
    },
  };
}
