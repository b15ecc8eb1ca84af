import { listAudit, verifyAuditChain } from '../audit/audit-log';
import type { Handlers } from '../ipc/router';
import { context, type ServiceDeps } from './service-context';

export function auditHandlers(deps: ServiceDeps): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': ({ objectId, limit }) => ({ entries: listAudit(context(deps).db, { objectId, limit }) }),
    'audit.verify': () => verifyAuditChain(context(deps).db),
  };
}
