import { afterEach, describe, expect, it } from 'vitest';
import { insertReceived } from '../../main/db/repositories/received-repo';
import { appFixture } from '../support/app-fixture';
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
