// Names proposed for removal throughout an innsyn copy (audit 8): only meeting participants and the NO
// contact register were offered, so a DK vault was offered none, and a mentor named in a course table,
// a row label and every fee row had to be found by hand. The mentor register's names and the names the
// copy's documents hold in fields of their own (the DK course's responsible person) are offered now.
// Fictional people only.
import { afterAll, describe, expect, it } from 'vitest';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { innsynKit } from '../support/innsyn-area';
import { serviceApps } from '../support/service-app';

const apps = serviceApps();
const kit = innsynKit('bro-innsyn-proposals-');
afterAll(() => {
  apps.cleanup();
  kit.cleanup();
});

const G = { level: 'TIL TJENESTEBRUG' } as const;

describe('names proposed for an innsyn copy in a DK vault', () => {
  it('offer the course’s mentor (mentor register) and its responsible person (named in the document)', async () => {
    const s = await apps.make('DK');
    const { id: _id, ...mentor } = suitableMentor({ name: 'Birte Fiktivsen' });
    const mentorId = (await s.call('mentors.save', { mentor, grading: G })).id;
    const { id: caseId } = await s.call('cases.create', {
      name: 'Jens Opdigtet',
      caseReference: 'KS-INNSYN-1',
      unit: 'KiF Testby afdeling',
      status: 'samfunnsstraff',
      grading: G,
    });
    const base = eligibleDkCourse();
    await s.call('documents.create', {
      caseId,
      kind: 'mentor_course',
      content: eligibleDkCourse({
        grading: G,
        responsiblePerson: 'Kari Fiktiv',
        mentors: [{ ...base.mentors[0]!, mentorId }],
      }),
    });
    const prepared = await kit.area(s)('innsyn.prepare', { caseId });
    const proposed = prepared.proposals.map((p) => [p.term, p.source]);
    expect(proposed).toContainEqual(['Birte Fiktivsen', 'mentor']);
    expect(proposed).toContainEqual(['Kari Fiktiv', 'named']);
    // The person the copy is about is never a third party.
    expect(proposed.map(([term]) => term)).not.toContain('Jens Opdigtet');
    for (const proposal of prepared.proposals) expect(proposal.occurrences).toBeGreaterThan(0);
  });
});
