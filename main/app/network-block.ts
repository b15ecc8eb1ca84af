import type { Session } from 'electron';
import type { CrashLog } from './log';
import { isAllowedRequest, schemeOf } from './request-filter';

/**
 * Cancels every request that is not for the app's own origin (or a blob/data URL it made, or
 * DevTools in development). Bro has no server to talk to: a request anywhere else is a bug or an
 * attack, and it is noted in the crash log by scheme only.
 */
export function blockNetwork(session: Session, options: { allowDevtools: boolean; log: CrashLog }): void {
  session.webRequest.onBeforeRequest((details, respond) => {
    const allowed = isAllowedRequest(details.url, { allowDevtools: options.allowDevtools });
    if (!allowed) options.log.record({ kind: 'request_blocked', scheme: schemeOf(details.url) });
    respond({ cancel: !allowed });
  });
  // Nothing may leave through a proxy or a PAC script fetched from the network either.
  void session.setProxy({ mode: 'direct' });
  session.setSpellCheckerEnabled(false);
}
