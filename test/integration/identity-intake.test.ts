// The unit signing identity as it is taken in through the router: only a signing certificate valid
// now becomes the identity, a refusal changes nothing, and a replaced identity is named in the log.
import { afterAll, describe, expect, it } from 'vitest';
import { caExtensions, issue, LEAF, TLS, pkcs12Of, pkcs8Of, type Ext } from '../fixtures/signing/identity-fixtures';
import { at, DAY, MINUTE, NOW } from '../fixtures/signing/webcrypto-pki';
import { serviceApps } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());

const PASSWORD = 'Fiktivt passord 2026';

/** A .p12 of one key and its certificate, as the import channel takes it. */
async function p12(spec: { extensions: Ext[]; notBefore?: Date; notAfter?: Date }) {
  const party = await issue({ name: 'Fiktivby fengsel', ...spec });
  const bytes = await pkcs12Of([{ key: await pkcs8Of(party.keys) }, { cert: party.cert }], {
    password: PASSWORD,
    mac: true,
  });
  return { fileBase64: Buffer.from(bytes).toString('base64'), password: PASSWORD };
}

describe('signing.importPkcs12 takes only a signing certificate valid now', () => {
  it.each([
    ['a CA certificate', { extensions: caExtensions() }, NOW, 'signing.identity.isCa'],
    ['a TLS server certificate', { extensions: TLS }, NOW, 'signing.identity.notForSigning'],
    ['an expired certificate', { extensions: LEAF, notAfter: at(-DAY) }, NOW, 'signing.identity.expired'],
    ['a certificate not yet valid', { extensions: LEAF, notBefore: at(DAY) }, NOW, 'signing.identity.notYetValid'],
  ])('refuses %s and changes nothing', async (_, spec, now, messageKey) => {
    const s = await apps.make('NO', now.toISOString());
    const rows = s.rows();
    expect(await s.fail('signing.importPkcs12', await p12(spec))).toMatchObject({ code: 'invalid_input', messageKey });
    expect(s.rows()).toEqual(rows);
    expect(await s.call('signing.identity', {})).toEqual({ identity: null });
  });

  it('accepts a certificate issued a moment "in the future" by a CA whose clock runs ahead', async () => {
    const s = await apps.make('NO', NOW.toISOString());
    const imported = await s.call('signing.importPkcs12', await p12({ extensions: LEAF, notBefore: at(2 * MINUTE) }));
    expect(imported).toMatchObject({ source: 'pkcs12', certificate: { commonName: 'Fiktivby fengsel' } });
  });

  it('refuses a replacement that cannot sign, and keeps the identity it has', async () => {
    const s = await apps.make('NO', NOW.toISOString());
    const first = await s.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
    const rows = s.rows();
    const refused = await s.fail('signing.importPkcs12', {
      ...(await p12({ extensions: caExtensions() })),
      replace: true,
    });
    expect(refused).toMatchObject({ messageKey: 'signing.identity.isCa' });
    expect(s.rows()).toEqual(rows);
    expect((await s.call('signing.identity', {})).identity?.certificate.fingerprint).toBe(
      first.certificate.fingerprint,
    );
  });
});

// audit.list answers newest first.
describe('replacing the identity', () => {
  it('logs the retired fingerprint as deleted when the new one is stored', async () => {
    const s = await apps.make('NO', NOW.toISOString());
    const first = await s.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
    const second = await s.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel', replace: true });
    const actions = async (objectId: string) =>
      (await s.call('audit.list', { objectId })).entries.map((entry) => entry.action);
    expect(await actions(first.certificate.fingerprint)).toEqual(['delete', 'create']);
    expect(await actions(second.certificate.fingerprint)).toEqual(['update']);
  });

  it('logs no deletion when the same certificate is imported again', async () => {
    const s = await apps.make('NO', NOW.toISOString());
    const file = await p12({ extensions: LEAF });
    const first = await s.call('signing.importPkcs12', file);
    await s.call('signing.importPkcs12', { ...file, replace: true });
    const entries = (await s.call('audit.list', { objectId: first.certificate.fingerprint })).entries;
    expect(entries.map((entry) => entry.action)).toEqual(['update', 'create']);
  });
});
