import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan } from '../support/document-fixtures';
import { pdfPageTexts } from '../support/poppler';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

beforeAll(async () => {
  s = await apps.make('NO');
});
afterAll(() => apps.cleanup());

/** A new vault copy of the visit routine, each heading marked, so it differs from the built-in. */
async function routineCopy(mark: string) {
  const builtin = await s.call('templates.get', { id: 'no-visit-routine', locale: 'nb' });
  return s.call('templates.save', {
    basedOn: 'no-visit-routine',
    locale: 'nb',
    title: `${builtin.title} ${mark}`,
    intro: builtin.intro,
    sections: builtin.sections.map((section) => ({ ...section, heading: `${section.heading} ${mark}` })),
  });
}

describe('templates service', () => {
  it('lists the built-in templates in the requested language', async () => {
    const nb = await s.call('templates.list', { locale: 'nb' });
    expect(nb.templates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['no-follow-up-plan', 'no-meeting-startup', 'no-visit-routine']),
    );
    expect(nb.templates.every((t) => t.source === 'builtin' && t.locale === 'nb')).toBe(true);
    const meetings = await s.call('templates.list', { locale: 'da', kind: 'meeting' });
    expect(meetings.templates.map((t) => t.meetingType)).toEqual([
      'startup',
      'follow_up_prison',
      'release',
      'follow_up_probation',
    ]);
  });

  it('keeps every version of a vault copy, and a document started from it records the version', async () => {
    const builtin = await s.call('templates.get', { id: 'no-visit-routine', locale: 'nb' });
    const sections = builtin.sections.map((section) => ({ ...section, guidance: `${section.guidance} (Fiktivby)` }));
    const v1 = await s.call('templates.save', {
      basedOn: 'no-visit-routine',
      locale: 'nb',
      title: 'Besøksrutine Fiktivby',
      intro: builtin.intro,
      sections,
    });
    expect(v1).toMatchObject({ source: 'vault', version: 1, kind: 'visit_routine', basedOn: 'no-visit-routine' });
    const v2 = await s.call('templates.save', {
      id: v1.id,
      locale: 'nb',
      title: 'Besøksrutine Fiktivby (revidert)',
      intro: '',
      sections: sections.slice(0, 3),
    });
    expect(v2).toMatchObject({ id: v1.id, version: 2 });
    expect((await s.call('templates.get', { id: v1.id, version: 1 })).title).toBe('Besøksrutine Fiktivby');
    const own = (await s.call('templates.list', { kind: 'visit_routine' })).templates.filter(
      (t) => t.source === 'vault',
    );
    expect(own).toMatchObject([{ id: v1.id, version: 2, title: 'Besøksrutine Fiktivby (revidert)' }]);

    const kase = await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-700001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const doc = await s.call('documents.create', { caseId: kase.id, kind: 'visit_routine', templateId: v1.id });
    expect(doc.data).toMatchObject({ kind: 'visit_routine', content: { template: { id: v1.id, version: 2 } } });
    expect((await s.call('audit.list', { objectId: v1.id })).entries.map((e) => e.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('refuses sections for fields the kind does not have, and unknown templates', async () => {
    const error = await s.fail('templates.save', {
      basedOn: 'no-follow-up-plan',
      locale: 'nb',
      title: 'Plan',
      intro: '',
      sections: [{ field: 'notAField', heading: 'X', guidance: '' }],
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.template_field',
      fields: ['sections.0.field'],
    });
    expect(await s.fail('templates.get', { id: 'no-such-template' })).toMatchObject({ code: 'not_found' });
    expect(
      await s.fail('templates.save', {
        locale: 'nb',
        title: 'Plan',
        intro: '',
        sections: [{ field: 'cooperation', heading: 'X', guidance: '' }],
      }),
    ).toMatchObject({ code: 'invalid_input', fields: ['basedOn'] });
  });

  it('refuses a save based on a version another save has replaced, and changes nothing', async () => {
    const v1 = await routineCopy('Fiktivby');
    const common = { id: v1.id, locale: 'nb' as const, title: v1.title, intro: v1.intro };
    // Two editors open version 1; each changes a different heading.
    const editA = v1.sections.map((sec, i) => (i === 0 ? { ...sec, heading: 'Besøk: hyppighet (A)' } : sec));
    const editB = v1.sections.map((sec, i) => (i === 1 ? { ...sec, heading: 'Besøk: varighet (B)' } : sec));
    expect(await s.call('templates.save', { ...common, expectedVersion: 1, sections: editA })).toMatchObject({
      version: 2,
    });
    const before = s.rows();
    expect(await s.fail('templates.save', { ...common, expectedVersion: 1, sections: editB })).toMatchObject({
      code: 'conflict',
      messageKey: 'error.conflict',
    });
    expect(s.rows()).toEqual(before);
    expect((await s.call('templates.get', { id: v1.id })).sections[0]?.heading).toBe('Besøk: hyppighet (A)');
    expect(await s.call('templates.save', { ...common, expectedVersion: 2, sections: editB })).toMatchObject({
      version: 3,
    });
  });

  it('adds no version and no audit entry when a copy is saved unchanged', async () => {
    const v1 = await routineCopy('Uendret');
    const before = s.rows();
    const again = await s.call('templates.save', {
      id: v1.id,
      expectedVersion: 1,
      locale: v1.locale,
      title: v1.title,
      intro: v1.intro,
      sections: v1.sections,
    });
    expect(again).toMatchObject({ id: v1.id, version: 1, savedAt: v1.savedAt });
    expect(s.rows()).toEqual(before);
    expect((await s.call('audit.list', { objectId: v1.id })).entries.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a title or heading with no visible character, naming the field', async () => {
    const base = await s.call('templates.get', { id: 'no-follow-up-plan', locale: 'nb' });
    const input = {
      basedOn: base.id,
      locale: 'nb' as const,
      title: 'Plan Fiktivby',
      intro: '',
      sections: base.sections,
    };
    const before = s.rows();
    const invisible = base.sections.map((sec, i) => (i === 1 ? { ...sec, heading: '\u200b \u2060' } : sec));
    expect(await s.fail('templates.save', { ...input, sections: invisible })).toMatchObject({
      code: 'invalid_input',
      fields: ['sections.1.heading'],
    });
    expect(await s.fail('templates.save', { ...input, title: '\u200b' })).toMatchObject({
      code: 'invalid_input',
      fields: ['title'],
    });
    expect(s.rows()).toEqual(before);
    const punctuated = base.sections.map((sec, i) => (i === 1 ? { ...sec, heading: '§ 4' } : sec));
    expect(await s.call('templates.save', { ...input, sections: punctuated })).toMatchObject({ version: 1 });
  });

  it("keeps copies in the vault's document language whatever the interface language, and changes nothing", async () => {
    // The editor used to copy a built-in in the interface language: English headings on a bokmål plan.
    const english = await s.call('templates.get', { id: 'no-follow-up-plan', locale: 'en' });
    const before = s.rows();
    expect(
      await s.fail('templates.save', {
        basedOn: english.id,
        locale: 'en',
        title: english.title,
        intro: english.intro,
        sections: english.sections,
      }),
    ).toMatchObject({ code: 'invalid_input', messageKey: 'exchange.templates.wrongLanguage', fields: ['locale'] });
    expect(s.rows()).toEqual(before);
    const v1 = await routineCopy('Språk');
    expect(
      await s.fail('templates.save', {
        id: v1.id,
        locale: 'da',
        title: v1.title,
        intro: v1.intro,
        sections: v1.sections,
      }),
    ).toMatchObject({ messageKey: 'exchange.templates.wrongLanguage' });
  });
});

describe('templates and the profile', () => {
  it('a DK vault neither lists, gives out nor keeps a copy of a template for a NO-only kind, and changes nothing', async () => {
    const dk = await apps.make('DK');
    const listed = await dk.call('templates.list', { locale: 'da' });
    expect(listed.templates.map((t) => t.kind)).toEqual([]);
    // Nor hands one out by id.
    expect(await dk.fail('templates.get', { id: 'no-follow-up-plan', locale: 'da' })).toMatchObject({
      code: 'invalid_input',
      messageKey: 'rules.profile.kindNotOffered',
    });
    const base = await s.call('templates.get', { id: 'no-follow-up-plan', locale: 'da' });
    const before = dk.rows();
    expect(
      await dk.fail('templates.save', {
        basedOn: 'no-follow-up-plan',
        locale: 'da',
        title: 'Opfølgningsplan',
        intro: base.intro,
        sections: base.sections,
      }),
    ).toMatchObject({ code: 'invalid_input', messageKey: 'rules.profile.kindNotOffered' });
    expect(dk.rows()).toEqual(before);
  });

  it("prints a document under its own kind's title when its content names another kind's template", async () => {
    const { id: caseId } = await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-TPL-1',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const content = { ...completePlan(), template: { id: 'no-meeting-release', version: 1 } };
    const plan = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content });
    const printed = await s.call('export.print', { documentId: plan.document.id });
    const text = (await pdfPageTexts(new Uint8Array(Buffer.from(printed.fileBase64, 'base64')))).join('\n');
    const release = await s.call('templates.get', { id: 'no-meeting-release', locale: 'nb' });
    expect(text).not.toContain(release.title);
  });
});
