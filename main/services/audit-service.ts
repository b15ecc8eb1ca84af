import { listAudit } from '../audit/audit-log';
import { verifyAuditChain } from '../audit/audit-verify';
import type { Handlers } from '../ipc/router';
import { readKeyFile } from '../vault/key-file';
import { context, type ServiceDeps } from './service-context';

export function auditHandlers(deps: ServiceDeps): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': ({ objectId, limit }) => ({ entries: listAudit(context(deps).db, { objectId, limit }) }),
    'audit.verify': () => verifyAuditChain(context(deps).db, readKeyFile(deps.session.files.keys).auditAnchor),
  };
}
