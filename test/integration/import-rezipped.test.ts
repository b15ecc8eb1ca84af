// The same signed export is imported once: re-zipped by another tool (new container bytes, the same
// signed files) it is refused as a duplicate, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../main/signing/zip-read';
import { writeZip } from '../fixtures/signing/signing-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { bytesOf, exportArea, finalisedPlan, makeCase } from './export-fixtures';
import { vaultState } from './handover-fixtures';

const apps = serviceApps();
let kdi: ServiceApp;
let container: Uint8Array;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function rezip(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.messageKey);
  return writeZip(zip.entries.filter((e) => !e.isDirectory).map((e) => ({ name: e.name, bytes: e.bytes })));
}

beforeAll(async () => {
  const sender = await apps.make('NO');
  kdi = await apps.make('NO');
  const area = exportArea(sender);
  const identity = await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  const plan = await finalisedPlan(sender, await makeCase(sender));
  container = bytesOf((await area.call('export.asice', { documentId: plan.id, recipient: 'kdi' })).fileBase64);
  await kdi.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: identity.certificate.fingerprint });
}, 300_000);
afterAll(() => apps.cleanup());

describe('a received export is imported once', () => {
  it('refuses a re-zipped copy of an imported export as a duplicate, writing nothing', async () => {
    const area = exportArea(kdi);
    const first = await area.call('import.file', { fileName: 'p.asice', fileBase64: b64(container) });
    expect(first.outcome).toBe('imported');
    const rezipped = await rezip(container);
    expect(Buffer.compare(Buffer.from(rezipped), Buffer.from(container))).not.toBe(0);
    const before = vaultState(kdi);
    const second = await area.call('import.file', { fileName: 'p-copy.asice', fileBase64: b64(rezipped) });
    expect(second).toMatchObject({ outcome: 'refused', reason: { messageKey: 'export.import.duplicate' } });
    expect(second.report.status).toBe('valid');
    expect(vaultState(kdi)).toEqual(before);
    expect((await area.call('import.list', {})).documents).toHaveLength(1);
  });
});
