// The import channels on a vault made inside each test, so the channels themselves are built while
// the test runs: an empty list, an unknown received document, and a signed PDF refused as not a
// container with the report of that very file.
import { afterAll, describe, expect, it } from 'vitest';
import { serviceApps } from '../support/service-app';
import { exportArea, finalisedPlan, makeCase } from './export-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());

describe('import channels on a new vault', () => {
  it('lists no received documents and answers not found for an unknown one', async () => {
    const kdi = await apps.make('NO');
    const area = exportArea(kdi);
    expect(await area.call('import.list', {})).toEqual({ documents: [] });
    const unknown = await kdi.app.router.invoke('import.get', { id: '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a signed PDF as not a container, with the verification report of that file', async () => {
    const s = await apps.make('NO');
    const area = exportArea(s);
    await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
    const plan = await finalisedPlan(s, await makeCase(s));
    const pdf = (await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' })).fileBase64;
    const result = await area.call('import.file', { fileName: 'C:\\Mottatt\\plan.pdf', fileBase64: pdf });
    if (result.outcome !== 'refused') throw new Error('a signed PDF should be refused');
    expect(result.reason.messageKey).toBe('export.import.notContainer');
    expect(result.report).toMatchObject({ format: 'pdf', files: [expect.objectContaining({ name: 'plan.pdf' })] });
  });
});
