import type { Handlers } from '../ipc/router';
import { computeDueList, limitDueList } from './due-list';
import { context, type ServiceDeps } from './service-context';

/** The due list (sorted overdue first by computeDueList), cut per status on request; `today` defaults to the app's clock. */
export function dueHandlers(deps: ServiceDeps): Pick<Handlers, 'due.list'> {
  return {
    'due.list': ({ caseId, today, limitPerStatus }) => {
      const ctx = context(deps);
      const all = computeDueList(ctx.db, { profile: ctx.profile, today: today ?? ctx.today, caseId });
      return limitDueList(all, limitPerStatus);
    },
  };
}
