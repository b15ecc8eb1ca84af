import { describe, expect, it } from 'vitest';
import { sameAsCanonical, type AuditFields } from './audit-key';

describe('audit entry encoding', () => {
  it('writes the same bytes as canonical JSON, so chains made before stay valid', () => {
    for (const fields of [
      {
        seq: 1,
        at: '2026-11-23T10:00:00.000Z',
        actor: 'user-1',
        action: 'create',
        objectType: 'document',
        objectId: 'doc-1',
      },
      {
        seq: 99999,
        at: '2026-01-01T00:00:00Z',
        actor: 'user-æøå',
        action: 'audit_alarm',
        objectType: 'audit',
        objectId: 'a"b\\c',
      },
    ])
      expect(sameAsCanonical(fields)).toBe(true);
  });

  it('notices when the fast encoding would leave out a member canonical JSON writes', () => {
    const fields = {
      seq: 1,
      at: '2026-11-23T10:00:00.000Z',
      actor: 'u',
      action: 'create',
      objectType: 'd',
      objectId: 'x',
    };
    expect(sameAsCanonical({ ...fields, prevHash: '0' } as AuditFields)).toBe(false);
  });
});
