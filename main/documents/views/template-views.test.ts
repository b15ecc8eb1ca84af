import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/domain';
import { completePlan } from '../../../shared/rules/test-fixtures';
import { followUpPlanTemplate } from '../../../shared/templates';
import { documentViewFor } from './document-view-for';

function planView(locale: Locale) {
  const template = followUpPlanTemplate(locale);
  return documentViewFor({
    locale,
    profile: 'NO',
    data: { kind: 'follow_up_plan', content: completePlan() },
    person: { name: 'Kari Fiktiv', unit: 'Fiktivby fengsel', caseReference: 'KOMPIS-7301' },
    version: { number: 2, status: 'final', documentCreatedAt: '2026-02-01T09:00:00.000Z' },
    printedAt: '2026-03-02T10:00:00.000Z',
    grading: { level: 'BEGRENSET' },
    findings: [],
    template: { title: template.title, sections: template.sections.map(({ field, heading }) => ({ field, heading })) },
  });
}

describe('follow-up plan print', () => {
  it.each([
    ['nb', 'Sikkerhetstiltak', 'Bros struktur'],
    ['da', 'Sikkerhedsforanstaltninger', 'Bros struktur'],
    ['en', 'Security measures', "Bro's structure"],
  ] as const)(
    'cites NO pkt 5 and 8 under the %s security section and says the section is Bro’s own',
    (locale, heading, structure) => {
      const blocks = planView(locale).blocks;
      const i = blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
      expect(i).toBeGreaterThan(-1);
      const note = blocks[i + 1];
      expect(note?.type === 'paragraph' && note.text).toMatch(/NO pkt 5 .*pkt 8/u);
      expect(note?.type === 'paragraph' && note.text).toContain(structure);
      // The section's own text follows the note.
      expect(blocks[i + 2]).toEqual({ type: 'paragraph', text: 'Tekst for securityMeasures.' });
    },
  );

  it('leaves the pkt 11 sections without that note', () => {
    const notes = planView('nb').blocks.filter((b) => b.type === 'paragraph' && b.text.includes('Bros struktur'));
    expect(notes).toHaveLength(1);
  });
});
