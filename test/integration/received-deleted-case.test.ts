// Documents received under a case's reference leave lists and reading when the case is deleted, as the
// case's own documents do, until the purge takes them (audit 5: they stayed listed and readable, content
// and all). One received for a reference no case here holds (at KDI, most) stays. Real vaults, a real
// signed container from another unit. Fictional people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { receivingFrom } from './received-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());
let receiveInto: Awaited<ReturnType<typeof receivingFrom>>;

beforeAll(async () => {
  receiveInto = await receivingFrom(await apps.make('NO'));
}, 300_000);

const receive = async (kdi: ServiceApp, reference: string) => (await receiveInto(kdi, reference)).id;

describe('documents received for a case that is then deleted', () => {
  it('leave the list and can no longer be read; others stay', async () => {
    const kdi = await apps.make('NO');
    const kase = await kdi.call('cases.create', {
      name: 'Ola Fiktiv Mottatt',
      caseReference: 'KOMPIS-RCV-1',
      unit: 'KDI mentorordningen',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const held = await receive(kdi, 'KOMPIS-RCV-1');
    const caseless = await receive(kdi, 'KOMPIS-RCV-2');
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id).sort()).toEqual([held, caseless].sort());

    await kdi.call('cases.delete', { id: kase.id, reason: 'Registrert ved en feil' });
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id)).toEqual([caseless]);
    expect(await kdi.fail('import.get', { id: held })).toMatchObject({ code: 'not_found' });
    expect((await kdi.call('import.get', { id: caseless })).received.caseReference).toBe('KOMPIS-RCV-2');
    // The purge still counts and takes it.
    expect((await kdi.call('cases.purgePreview', { caseId: kase.id })).receivedFiles).toBe(1);
  });

  it('stay while a live case holds the reference, as its own or one it had before', async () => {
    const kdi = await apps.make('NO');
    const base = { unit: 'KDI mentorordningen', status: 'fengsel' as const, grading: { level: 'UGRADERT' as const } };
    const old = await kdi.call('cases.create', { ...base, name: 'Kari Fiktiv', caseReference: 'KOMPIS-RCV-3' });
    const held = await receive(kdi, 'KOMPIS-RCV-3');
    await kdi.call('cases.delete', { id: old.id, reason: 'Registrert ved en feil' });
    // The person's case is made again, and later renamed: the document is its own.
    const again = await kdi.call('cases.create', { ...base, name: 'Kari Fiktiv', caseReference: 'KOMPIS-RCV-3' });
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt, ...fields } = again;
    await kdi.call('cases.update', {
      ...fields,
      id: again.id,
      caseReference: 'KOMPIS-RCV-33',
      expectedUpdatedAt: updatedAt,
    });
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id)).toEqual([held]);
  });
});
