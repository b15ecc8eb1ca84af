import { prepareDueRows } from './due-view-service';
import { context, type ServiceDeps } from './service-context';

/**
 * Issue 15: the home screen's first due items as soon as possible after unlock. The whole due list is
 * worked out once per open vault (due-view-service.ts keeps it until something is written); doing
 * that right after unlock, while the window switches to the home screen, means the screen's first
 * due.view finds it ready instead of starting it. On the main thread like every query: a call arriving
 * meanwhile waits for it and then answers from memory. Nothing is kept if the vault was locked or
 * written to in between. Returns the function that stops listening.
 *
 * Scheduled with a timer, not setImmediate: the unlock's answer must leave first, and a transport that
 * needs a turn of the event loop's I/O to send it (the test bridge's does) only gets that turn after a
 * timer. Measured with the 10 000-case vault in the browser shell: the page had the answer 110-236 ms
 * after the router with setImmediate (the work ran first), 3-12 ms with the timer.
 */
export function warmDueListOnUnlock(
  deps: ServiceDeps,
  schedule: (run: () => void) => void = (run) => void setTimeout(run, 0),
): () => void {
  return deps.session.onChange((event) => {
    if (event.type !== 'unlocked') return;
    const opened = event.vault.db;
    schedule(() => {
      try {
        const ctx = context(deps);
        // Locked (and perhaps unlocked again) since: that unlock schedules its own.
        if (ctx.db !== opened) return;
        prepareDueRows(ctx.db, ctx.profile, ctx.today);
      } catch {
        // Locked meanwhile, or a page that cannot be read: the screen's own due.view reports it.
      }
    });
  });
}
