import type { Handlers } from '../ipc/router';
import { caseNames } from '../db/repositories/due-facts-repo';
import { computeDueList, limitDueList } from './due-list';
import { retentionHandlers } from './retention-settings';
import { context, type ServiceDeps } from './service-context';

/**
 * The due list (sorted overdue first by computeDueList), cut per status on request; `today` defaults to
 * the app's clock. Names are looked up for the items sent only: reading every case's data for a list
 * of thousands would cost more than the list itself.
 */
export function dueHandlers(deps: ServiceDeps): Pick<Handlers, 'due.list' | 'retention.get' | 'retention.update'> {
  return {
    'due.list': ({ caseId, today, limitPerStatus }) => {
      const ctx = context(deps);
      const all = computeDueList(ctx.db, { profile: ctx.profile, today: today ?? ctx.today, caseId });
      const { items, counts } = limitDueList(all, limitPerStatus);
      const names = caseNames(
        ctx.db,
        items.map((item) => item.caseId),
      );
      return { items: items.map((item) => ({ ...item, personName: names.get(item.caseId) })), counts };
    },
    ...retentionHandlers(deps),
  };
}
