import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type Grading, type KindedContent } from '../../../shared/domain';
import { findingsFor } from '../../../shared/rules';
import {
  completePlan,
  eligibleDkCourse,
  MENTOR_ID,
  NO_GRADING,
  offeredNoCourse,
} from '../../../shared/rules/test-fixtures';
import { followUpPlanTemplate, meetingTemplate, newDraft } from '../../../shared/templates';
import { DocumentViewSchema, type DocumentBlock } from '../pdf/document-view';
import { renderDocumentPdf } from '../pdf';
import { documentViewFor } from './document-view-for';
import { local } from './local-time';
import type { ViewSource } from './view-source';

const PERSON = {
  name: 'Ola Testmann',
  birthDate: '1990-05-17',
  unit: 'Fiktivby fengsel',
  caseReference: 'KOMPIS-4711',
};

function source(data: KindedContent, overrides: Partial<ViewSource> = {}): ViewSource {
  return {
    locale: 'nb',
    profile: 'NO',
    data,
    person: PERSON,
    version: {
      number: 3,
      status: 'final',
      documentCreatedAt: '2026-02-01T09:00:00.000Z',
      finalisedAt: '2026-03-01T12:30:00.000Z',
    },
    printedAt: '2026-03-02T10:00:00.000Z',
    grading: data.content.grading,
    findings: [],
    ...overrides,
  };
}

/** All the text a view prints, for searching it. */
function texts(blocks: readonly DocumentBlock[]): string {
  return JSON.stringify(blocks);
}

function draftOf(kind: (typeof DOCUMENT_KINDS)[number], grading: Grading = NO_GRADING): KindedContent {
  if (kind === 'mentor_course') return { kind, content: offeredNoCourse() };
  return { kind, content: newDraft(kind, { profile: 'NO', grading }) } as KindedContent;
}

describe('document views', () => {
  it.each(DOCUMENT_KINDS)('turns an empty %s draft into a valid view that renders', async (kind) => {
    const view = documentViewFor(
      source(draftOf(kind), { version: { number: 1, status: 'draft', documentCreatedAt: '2026-02-01T09:00:00.000Z' } }),
    );
    expect(DocumentViewSchema.safeParse(view).success).toBe(true);
    expect(view.dates.finalised).toBeUndefined();
    expect(view.blocks.some((b) => b.type === 'notice')).toBe(true);
    const pdf = await renderDocumentPdf(view);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('prints the follow-up plan under the headings of the template it came from, in its order', () => {
    const template = followUpPlanTemplate('en');
    const reordered = { title: 'Oppfølgingsplan for Fiktivby', sections: [...template.sections].reverse() };
    const plan = {
      ...newDraft('follow_up_plan', { profile: 'NO', grading: NO_GRADING }),
      riskAndVulnerabilityFactors: 'Søker bekreftelse.',
    };
    const view = documentViewFor(source({ kind: 'follow_up_plan', content: plan }, { template: reordered }));
    const headings = view.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(view.title).toBe('Oppfølgingsplan for Fiktivby');
    expect(headings.slice(0, 7)).toEqual(
      template.sections
        .slice(0, 7)
        .reverse()
        .map((s) => s.heading),
    );
    expect(texts(view.blocks)).toContain('Søker bekreftelse.');
  });

  it('titles minutes by their meeting type and lists participants with their agency', () => {
    const content = { ...newDraft('meeting', { profile: 'NO', grading: NO_GRADING, meetingType: 'release' }) };
    content.participants = [{ name: 'Kari Fiktiv', agency: 'politi', role: 'politikontakt' }];
    const view = documentViewFor(source({ kind: 'meeting', content }));
    expect(view.title).toBe(meetingTemplate('release', 'nb').title);
    expect(texts(view.blocks)).toContain('Kari Fiktiv');
    expect(texts(view.blocks)).toContain('Politiet');
  });

  it('prints rule findings with their citations', () => {
    const content = newDraft('concern_report', { profile: 'NO', grading: NO_GRADING });
    const findings = findingsFor('concern_report', { profile: 'NO', content }, '2026-03-02');
    expect(findings.length).toBeGreaterThan(0);
    const view = documentViewFor(source({ kind: 'concern_report', content }, { findings }));
    const block = view.blocks.find((b) => b.type === 'findings');
    expect(block?.type === 'findings' && block.findings.every((f) => f.citation === 'NO pkt 6')).toBe(true);
  });

  it('prints every finding however many there are, in blocks the page takes', () => {
    const content = newDraft('concern_report', { profile: 'NO', grading: NO_GRADING });
    const [one] = findingsFor('concern_report', { profile: 'NO', content }, '2026-03-02');
    if (!one) throw new Error('no finding');
    // A DK course holding a thousand reports can raise this many.
    const findings = Array.from({ length: 1_201 }, () => one);
    const view = documentViewFor(source({ kind: 'concern_report', content }, { findings }));
    expect(DocumentViewSchema.safeParse(view).success).toBe(true);
    const blocks = view.blocks.filter((b) => b.type === 'findings');
    expect(blocks.map((b) => (b.type === 'findings' ? b.findings.length : 0))).toEqual([500, 500, 201]);
  });

  it('prints every field the user filled in of a plan and of both mentor courses', () => {
    const printed = (data: KindedContent, profile: 'NO' | 'DK' = 'NO') =>
      texts(documentViewFor(source(data, { profile, mentorNames: { [MENTOR_ID]: 'Jens Opdigtet' } })).blocks);
    const plan = {
      ...completePlan(),
      involved: [{ name: 'Qira Deltakersen', role: 'Kommunens NAV-kontakt' }],
      agencyProblems: [{ notedOn: '2026-02-03', agency: 'Qorbel kommune', description: 'Svarer ikke på henvendelser' }],
    };
    expect(printed({ kind: 'follow_up_plan', content: plan })).toEqual(expect.stringContaining('Qira Deltakersen'));
    expect(printed({ kind: 'follow_up_plan', content: plan })).toContain('Svarer ikke på henvendelser');
    const base = offeredNoCourse();
    const noCourse = {
      ...base,
      personInformed: { informedOn: '2024-12-10', notes: 'Qinformert i samtale' },
      otherMeasures: { consideredOn: '2025-01-02', measures: 'Qandre tiltak vurdert' },
      objections: [{ raisedOn: '2025-03-01', by: 'regional' as const, text: 'Qinnsigelse fra regionen' }],
      mentors: base.mentors.map((m) => ({
        ...m,
        suitabilityAssessment: { assessedOn: '2025-01-15', suitable: true, notes: 'Qegnet etter samtale' },
      })),
    };
    const no = printed({ kind: 'mentor_course', content: noCourse });
    for (const text of [
      'Qinformert i samtale',
      'Qandre tiltak vurdert',
      'Qinnsigelse fra regionen',
      'Qegnet etter samtale',
    ])
      expect(no).toContain(text);
    const dkBase = eligibleDkCourse();
    const dkCourse = {
      ...dkBase,
      assessingArea: 'Qvurderende område',
      supervisionAreaContactedOn: '2025-02-02',
      mentors: dkBase.mentors.map((m) => ({
        ...m,
        closeRelation: true,
        ownUnitExceptionJustification: 'Qegen enhed begrundet',
      })),
    };
    const dk = printed({ kind: 'mentor_course', content: dkCourse }, 'DK');
    for (const text of ['Qvurderende område', 'Qegen enhed begrundet']) expect(dk).toContain(text);
  });

  it('names a mentor course’s mentors from their records, and never prints conversation fields', () => {
    const view = documentViewFor(
      source({ kind: 'mentor_course', content: offeredNoCourse() }, { mentorNames: { [MENTOR_ID]: 'Jens Opdigtet' } }),
    );
    expect(texts(view.blocks)).toContain('Jens Opdigtet');
    expect(texts(view.blocks)).not.toMatch(/durationMinutes|samtalereferat/i);
    const dk = documentViewFor(
      source({ kind: 'mentor_course', content: eligibleDkCourse() }, { profile: 'DK', locale: 'da' }),
    );
    expect(DocumentViewSchema.safeParse(dk).success).toBe(true);
    expect(dk.contentLanguage).toBe('da-DK');
  });

  it('prints a DK course’s mentortovholder (§ 18) and a written status report’s template elements (§ 17, stk. 2)', () => {
    const content = eligibleDkCourse({
      mentorReports: [
        {
          receivedOn: '2025-05-02',
          period: 'quarterly',
          form: 'written',
          workDone: 'Ugentlige samtaler.',
          actionPlanFollowUp: 'Bolig fundet.',
          actionPlanRevision: 'Ingen.',
        },
        { receivedOn: '2025-06-02', period: 'monthly', form: 'phone' },
      ],
    });
    const view = documentViewFor(source({ kind: 'mentor_course', content }, { profile: 'DK', locale: 'da' }));
    const printed = texts(view.blocks);
    expect(printed).toContain('Ole Opdigtet');
    expect(printed).toContain('Mentortovholder (DK § 18)');
    expect(printed).toContain('Opfølgning på handleplanen');
    expect(printed).toContain('Bolig fundet.');
    expect(printed).not.toContain('Rapport 2');
  });

  it('prints a DK course’s action-plan goals (§ 1, stk. 2) and each mentor’s fee with its basis (§ 14), in the PDF too', async () => {
    const [assignment] = eligibleDkCourse().mentors;
    if (!assignment) throw new Error('fixture has a mentor');
    const fee = { amount: 2500, basis: 'Vurderet ud fra opgavens omfang: fire timer om ugen.', setOn: '2025-02-03' };
    const content = eligibleDkCourse({ mentors: [{ ...assignment, fee }] });
    const data = { kind: 'mentor_course', content } as const;
    const names = { mentorNames: { [MENTOR_ID]: 'Jens Opdigtet' } };
    const view = documentViewFor(source(data, { profile: 'DK', locale: 'da', ...names }));
    const printed = texts(view.blocks);
    expect(printed).toContain('Mål i handleplanen (§ 1, stk. 2)');
    expect(printed).toContain('Fast bolig og arbejde.');
    expect(printed).toContain('Honorar (§ 14)');
    expect(printed).toContain('2.500,00');
    expect(printed).toContain('03.02.2025');
    expect(printed).toContain('Vurderet ud fra opgavens omfang');
    const pdf = await renderDocumentPdf(view);
    // poppler's pdftotext, fed through stdin: the text a reader of the printed PDF sees.
    const pdfText = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    for (const expected of ['Fast bolig og arbejde.', 'Honorar (§ 14)', '2.500,00', 'Vurderet ud fra opgavens omfang'])
      expect(pdfText).toContain(expected);
    // Without a fee recorded the fee table is left out rather than printed empty.
    const none = documentViewFor(source({ kind: 'mentor_course', content: eligibleDkCourse() }, { profile: 'DK' }));
    expect(texts(none.blocks)).not.toContain('§ 14');
  });

  it('hands a draft version’s status to the page frame, which marks every printed page', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `Ord${i} i en lang tekst om tiltak.`).join(' ');
    const data = { kind: 'follow_up_plan', content: { ...completePlan(), riskAndVulnerabilityFactors: long } } as const;
    const draft = documentViewFor(
      source(data, { version: { number: 1, status: 'draft', documentCreatedAt: '2026-02-01T09:00:00.000Z' } }),
    );
    expect(draft.draft).toBe(true);
    const pages = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: await renderDocumentPdf(draft),
    })
      .toString('utf8')
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('UTKAST'));
    expect(documentViewFor(source(data)).draft).toBe(false);
  });

  it('shows the person, the case reference and the version in every language', () => {
    for (const locale of ['nb', 'da', 'en'] as const) {
      const view = documentViewFor(source(draftOf('future_plan'), { locale }));
      expect(view).toMatchObject({ caseReference: 'KOMPIS-4711', version: 3, locale, contentLanguage: 'nb-NO' });
      expect(texts(view.blocks)).toContain('Ola Testmann');
      expect(texts(view.blocks)).toContain(locale === 'en' ? '1990-05-17' : '17.05.1990');
    }
  });
});

describe('local print time', () => {
  it('keeps the instant and shows the wall clock of the given offset', () => {
    expect(local('2026-03-02T10:00:00.000Z', 60)).toBe('2026-03-02T11:00:00+01:00');
    expect(local('2026-07-01T23:30:00.000Z', 120)).toBe('2026-07-02T01:30:00+02:00');
    expect(local('2026-03-02T10:00:00.000Z', -90)).toBe('2026-03-02T08:30:00-01:30');
    expect(new Date(local('2026-03-02T10:00:00.000Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});
