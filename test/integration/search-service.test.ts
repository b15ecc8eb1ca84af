import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

beforeAll(async () => {
  s = await apps.make('NO');
});
afterAll(() => apps.cleanup());

describe('search service', () => {
  it('finds cases and documents by prefix, with snippets, optionally within one case', async () => {
    const a = await s.call('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-700010',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const b = await s.call('cases.create', {
      name: 'Jens Opdigtet',
      caseReference: 'KOMPIS-700011',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const obs = await s.call('documents.create', { caseId: a.id, kind: 'observation', grading: { level: 'UGRADERT' } });
    if (obs.data.kind !== 'observation') throw new Error('not an observation');
    await s.call('documents.save', {
      id: obs.document.id,
      content: { ...obs.data.content, seenOrHeard: 'Delte propaganda i luftegården' },
    });
    await s.call('documents.create', {
      caseId: b.id,
      kind: 'future_plan',
      content: {
        personResponse: 'accepted',
        plan: 'Utdanning og propagandafri hverdag',
        notes: '',
        grading: { level: 'UGRADERT' },
      },
    });

    const all = await s.call('search.query', { text: 'propag' });
    expect(all.hits).toHaveLength(2);
    const inA = await s.call('search.query', { text: 'propag', caseId: a.id });
    expect(inA.hits).toMatchObject([
      { objectType: 'document', objectId: obs.document.id, caseId: a.id, kind: 'observation', title: 'KOMPIS-700010' },
    ]);
    expect(inA.hits[0]?.snippet).toContain('[propaganda]');
    expect((await s.call('search.query', { text: 'opdig' })).hits).toMatchObject([
      { objectType: 'case', objectId: b.id, kind: null },
    ]);
  });
});
