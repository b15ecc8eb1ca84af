import { describe, expect, it } from 'vitest';
import { contactRegisterStatus } from './no-contact-register';

describe('contact register sent to KDI on every change (NO pkt 2)', () => {
  it('an empty register that was never sent needs nothing', () => {
    expect(contactRegisterStatus({ entries: 0, digest: 'a', lastChangeOn: null })).toMatchObject({
      state: 'empty',
      citation: { text: 'NO pkt 2' },
    });
  });

  it('a register with entries and no sending recorded has never been sent', () => {
    const status = contactRegisterStatus({ entries: 3, digest: 'a', lastChangeOn: '2026-11-20' });
    expect(status).toMatchObject({ state: 'never_sent', changedOn: '2026-11-20' });
    expect(status.lastSentOn).toBeUndefined();
  });

  it('is up to date when KDI got the register as it stands', () => {
    const lastSend = { sentOn: '2026-11-21', digest: 'a' };
    expect(contactRegisterStatus({ entries: 3, digest: 'a', lastChangeOn: '2026-11-20', lastSend })).toMatchObject({
      state: 'sent',
      lastSentOn: '2026-11-21',
    });
  });

  it('is changed after any save or deletion since the sending, also when the last entry was deleted', () => {
    const lastSend = { sentOn: '2026-11-21', digest: 'a' };
    expect(contactRegisterStatus({ entries: 4, digest: 'b', lastChangeOn: '2026-11-22', lastSend }).state).toBe(
      'changed',
    );
    expect(contactRegisterStatus({ entries: 0, digest: 'c', lastChangeOn: '2026-11-23', lastSend }).state).toBe(
      'changed',
    );
  });
});
