import type { Handlers } from '../ipc/router';
import { computeDueList } from './due-list';
import { context, type ServiceDeps } from './service-context';

/** The due list (sorted overdue first by computeDueList); `today` defaults to the app's clock. */
export function dueHandlers(deps: ServiceDeps): Pick<Handlers, 'due.list'> {
  return {
    'due.list': ({ caseId, today }) => {
      const ctx = context(deps);
      return computeDueList(ctx.db, { profile: ctx.profile, today: today ?? ctx.today, caseId });
    },
  };
}
