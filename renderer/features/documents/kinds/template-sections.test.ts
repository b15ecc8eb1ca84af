import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_PLAN_SECTIONS } from '../../../../shared/domain';
import { followUpPlanTemplate, type Template } from '../../../../shared/templates';
import { sectionsInTemplateOrder } from './template-sections';

describe('sections laid out by a template', () => {
  it("follows the built-in template's order, headings and guidance, leaving out its other fields", () => {
    const template = followUpPlanTemplate('nb');
    const plan = template.sections.filter((s) => (FOLLOW_UP_PLAN_SECTIONS as readonly string[]).includes(s.field));
    expect(sectionsInTemplateOrder(template, FOLLOW_UP_PLAN_SECTIONS)).toEqual(plan);
  });

  it("keeps a vault's own order, skips fields it does not know, and puts the sections it leaves out last", () => {
    const own: Template = {
      ...followUpPlanTemplate('nb'),
      sections: [
        { field: 'divisionOfWork', heading: 'Arbeidsdeling', guidance: 'Hvem gjør hva' },
        { field: 'notAPlanField', heading: 'Ukjent', guidance: '' },
        { field: 'cooperation', heading: 'Samarbeid', guidance: '' },
      ],
    };
    const fields = sectionsInTemplateOrder(own, FOLLOW_UP_PLAN_SECTIONS).map((s) => s.field);
    expect(fields.slice(0, 2)).toEqual(['divisionOfWork', 'cooperation']);
    expect(fields).not.toContain('notAPlanField');
    expect([...fields].sort()).toEqual([...FOLLOW_UP_PLAN_SECTIONS].sort());
  });

  it('lists every field in its own order, without headings, when there is no template', () => {
    expect(sectionsInTemplateOrder(null, FOLLOW_UP_PLAN_SECTIONS)).toEqual(
      FOLLOW_UP_PLAN_SECTIONS.map((field) => ({ field })),
    );
  });
});
