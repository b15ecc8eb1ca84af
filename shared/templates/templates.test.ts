import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_PLAN_SECTIONS, MeetingTypeSchema, parseDocumentContent } from '../domain';
import {
  buildDraftFromTemplate,
  findTemplate,
  followUpPlanTemplate,
  listTemplates,
  meetingTemplate,
  visitRoutineTemplate,
} from './index';
import { TemplateSchema } from './template';

const LOCALES = ['nb', 'da', 'en'] as const;
const GRADING = { level: 'BEGRENSET' as const };

describe('templates', () => {
  it.each(LOCALES)('have a title, an intro and a heading and guidance for every section in %s', (locale) => {
    const templates = listTemplates(locale);
    expect(templates).toHaveLength(6);
    for (const template of templates) {
      TemplateSchema.parse(template);
      const texts = [template.title, template.intro, ...template.sections.flatMap((s) => [s.heading, s.guidance])];
      // A missing message shows as its key; none may.
      expect(texts.filter((t) => t.trim() === '' || t.startsWith('domain.'))).toEqual([]);
    }
  });

  it("follow the guideline's order of the follow-up plan sections (NO pkt 11)", () => {
    const fields = followUpPlanTemplate('nb').sections.map((s) => s.field);
    expect(fields.slice(0, FOLLOW_UP_PLAN_SECTIONS.length)).toEqual([...FOLLOW_UP_PLAN_SECTIONS]);
    expect(followUpPlanTemplate('nb').sections[0]?.heading).toBe('Risiko- og sårbarhetsfaktorer');
    expect(followUpPlanTemplate('da').sections[0]?.heading).toBe('Risiko- og sårbarhedsfaktorer');
  });

  it("say that the security-measures section rests on NO pkt 5 and 8 and is Bro's structure, not pkt 11", () => {
    const security = followUpPlanTemplate('nb').sections.find((s) => s.field === 'securityMeasures');
    expect(security?.guidance).toContain('pkt 5 og 8, ikke i pkt 11');
    expect(security?.guidance).toContain('Bros struktur');
  });

  it('give each of the four meeting types its own template and agenda guidance (NO pkt 12)', () => {
    const templates = MeetingTypeSchema.options.map((type) => meetingTemplate(type, 'nb'));
    expect(new Set(templates.map((t) => t.id)).size).toBe(4);
    expect(new Set(templates.map((t) => t.sections[0]?.guidance)).size).toBe(4);
    expect(meetingTemplate('release', 'nb').intro).toContain('Friomsorgskontoret');
  });

  it('list the visit routine contents in the order of NO pkt 9', () => {
    expect(visitRoutineTemplate('da').sections.map((s) => s.field)).toEqual([
      'mentorName',
      'mentorContact',
      'visitFrequency',
      'visitBooking',
      'visitConduct',
      'visitRoom',
      'itemsMentorMayBring',
      'otherMatters',
    ]);
  });

  it('build a valid draft that records the template id and version', () => {
    const plan = buildDraftFromTemplate(followUpPlanTemplate('nb'), GRADING);
    expect(parseDocumentContent('follow_up_plan', plan).template).toEqual({ id: 'no-follow-up-plan', version: 1 });
    for (const section of followUpPlanTemplate('nb').sections) expect(plan).toHaveProperty(section.field, '');

    const minutes = buildDraftFromTemplate(meetingTemplate('release', 'da'), GRADING);
    expect(parseDocumentContent('meeting', minutes)).toMatchObject({
      meetingType: 'release',
      template: { id: 'no-meeting-release' },
    });
    expect(minutes.participants.map((p) => p.unitKind ?? p.agency)).toEqual([
      'kriminalomsorgen',
      'politi',
      'pst',
      'probation_office',
    ]);

    const routine = buildDraftFromTemplate(visitRoutineTemplate('nb'), GRADING);
    expect(parseDocumentContent('visit_routine', routine).contactPerson.isLocalContact).toBe(true);
  });

  it("only name fields that exist in the kind's content", () => {
    for (const template of listTemplates('en')) {
      const draft = buildDraftFromTemplate(template, GRADING);
      for (const section of template.sections) expect(Object.keys(draft)).toContain(section.field);
    }
  });

  it('find a template by the id a document recorded', () => {
    expect(findTemplate('no-meeting-startup', 'nb')?.meetingType).toBe('startup');
    expect(findTemplate('no-such-template', 'nb')).toBeUndefined();
  });
});
