import { afterEach, describe, expect, it } from 'vitest';
import { insertReceived } from '../../main/db/repositories/received-repo';
import { appFixture } from '../support/app-fixture';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const fixture = appFixture();
afterEach(() => fixture.cleanup());

function received(grading: string) {
  return {
    kind: 'observation',
    content: { what: 'Fiktiv mottatt observasjon' },
    grading,
    caseReference: 'SAK-1',
    documentVersion: 1,
    recipient: null,
    exportedAt: '2026-11-20T09:00:00.000Z',
    source: 'Fiktiv enhet',
    signerSubject: 'CN=Fiktiv Signerer',
    signerFingerprint: 'ab'.repeat(32),
    signerTrusted: true,
    signingTime: null,
    report: {},
    containerSha256: 'cd'.repeat(32),
    receivedAt: '2026-11-21T09:00:00.000Z',
    container: new Uint8Array([1, 2, 3]),
  };
}

describe('the grading banner', () => {
  it('takes the highest grading over everything in the vault, received documents included', async () => {
    const { app } = fixture.make({ kdfCost: FAST_KDF });
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
    expect(await app.router.invoke('vault.status', {})).toMatchObject({
      ok: true,
      value: { highestGrading: 'UGRADERT' },
    });
    insertReceived(app.session.current().db, received('HEMMELIG'));
    expect(await app.router.invoke('vault.status', {})).toMatchObject({
      ok: true,
      value: { highestGrading: 'HEMMELIG' },
    });
  });
});

describe('the grading banner and what the deleted lists show', () => {
  it('counts a deleted case and a deleted register entry until they are purged', async () => {
    const { app } = fixture.make({ kdfCost: FAST_KDF });
    const call = async (channel: string, input: unknown) => {
      const result = await app.router.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.messageKey}`);
      return result.value as { id: string; highestGrading?: string };
    };
    await call('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
    const kase = await call('cases.create', {
      name: 'Per Fiktivsen',
      caseReference: 'KOMPIS-BANNER-1',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'HEMMELIG' },
    });
    await call('cases.delete', { id: kase.id, reason: 'Registrert ved en feil' });
    expect((await call('vault.status', {})).highestGrading).toBe('HEMMELIG');
    await call('cases.purge', { caseId: kase.id, confirmReference: 'KOMPIS-BANNER-1', reason: 'registered_in_error' });
    expect((await call('vault.status', {})).highestGrading).toBe('UGRADERT');
    const entry = await call('contacts.save', { entry: FICTIONAL_CONTACT, grading: { level: 'KONFIDENSIELT' } });
    await call('contacts.delete', { id: entry.id, reason: 'Sluttet' });
    expect((await call('vault.status', {})).highestGrading).toBe('KONFIDENSIELT');
    await call('records.purge', { kind: 'contact_entry', id: entry.id });
    expect((await call('vault.status', {})).highestGrading).toBe('UGRADERT');
  });
});
