import { computeDueList } from './due-list';
import { storeDueList } from './due-list-store';
import { context, type ServiceDeps } from './service-context';

/**
 * Issue 15: keeps the whole-vault due list in the vault (due-list-store.ts) once the open vault's full
 * integrity check has passed, so a later unlock the same day reads it instead of working it out again.
 * Not before the pass: nothing is written on its own to a file not yet known to be sound. Scheduled
 * after the check's answer (setImmediate), on the main thread like every query; nothing is kept for a
 * vault locked (or locked and unlocked again) meanwhile. Returns the function that stops listening.
 */
export function keepDueListWhenChecked(
  deps: ServiceDeps,
  schedule: (run: () => void) => void = (run) => void setImmediate(run),
): () => void {
  return deps.session.onChange((event) => {
    if (event.type !== 'checked' || event.health.state !== 'passed') return;
    const checked = event.vault.db;
    schedule(() => {
      try {
        const ctx = context(deps);
        if (ctx.db !== checked) return;
        const options = { profile: ctx.profile, today: ctx.today };
        storeDueList(ctx.db, options, computeDueList(ctx.db, options));
      } catch {
        // Locked meanwhile, or a write refused: the list is worked out at the next unlock instead.
      }
    });
  });
}
