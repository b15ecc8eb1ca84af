import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, signCase } from '../fixtures/signing/generate-corpus';
import type { TestPki } from '../fixtures/signing/pki';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';

const apps = serviceApps();
const temp = tempDirs('bro-trust-channels-');
let s: ServiceApp;
let pki: TestPki;
const base = new Date(Math.floor(Date.now() / 1000) * 1000);

const file = (name: string) => ({ fileName: name, fileBase64: readFileSync(pki.path(name)).toString('base64') });

beforeAll(async () => {
  ({ pki } = generateCorpus(temp.make(), base));
  s = await apps.make('NO', new Date(base.getTime() + 3_600_000).toISOString());
}, 180_000);
afterAll(() => {
  apps.cleanup();
  temp.cleanup();
});

describe('trust.* channels (the settings list of the trust store)', () => {
  it('adds, lists and removes CA certificates and CRLs, and verify.file then uses them', async () => {
    const container = await signCase(
      pki,
      {
        name: 'good',
        expected: { indication: 'TOTAL-PASSED', subIndication: null },
        signer: 'leaf',
        carried: ['int'],
        anchors: [],
        crls: [],
        at: base,
      },
      new Date(base.getTime() + 30 * 60_000),
    );
    const verify = () =>
      s.call('verify.file', { fileName: 'notat.asice', fileBase64: Buffer.from(container).toString('base64') });
    expect(await verify()).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    const added = await s.call('trust.add', { files: [file('root.pem'), file('root.crl'), file('int.crl')] });
    expect(added.added.map((entry) => entry.kind)).toEqual(['certificate', 'crl', 'crl']);
    expect(await verify()).toMatchObject({ indication: 'TOTAL-PASSED', trusted: true, status: 'valid' });
    const { entries } = await s.call('trust.list', {});
    expect(entries).toHaveLength(3);
    const crl = entries.find((entry) => entry.kind === 'crl' && entry.name.startsWith('CN=int,'));
    await s.call('trust.remove', { id: crl!.id });
    expect(await verify()).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
  });

  it('refuses a unit certificate with its message key and writes nothing', async () => {
    const rows = s.rows();
    expect(await s.fail('trust.add', { files: [file('root.pem'), file('leaf.pem')] })).toMatchObject({
      code: 'invalid_input',
      messageKey: 'trust.store.notCa',
    });
    expect(s.rows()).toEqual(rows);
  });
});
