/**
 * What an audit log field holds (actor, object type, object id): an id, never free text, which keeps
 * personal data out of the log by construction. The log (main/audit/audit-log.ts), the integrity
 * worker's report of documents and the IPC contract of the log all hold to this one pattern.
 */
export const AUDIT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,80}$/;
