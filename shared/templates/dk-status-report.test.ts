import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DkMentorReport } from '../domain';
import { DkMentorReportSchema } from '../domain';
import { hasMessage } from '../i18n/translate';
import { DK_STATUS_REPORT_TEMPLATE, missingStatusReportElements, statusReportElements } from './dk-status-report';

const SEED = readFileSync(
  join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'shared',
    'seeds',
    'dk-mentorordning-cirkulaere-2024.txt',
  ),
  'utf8',
);

/** Where "§ p." opens a paragraph (at the start of a line, not a "jf. § p." reference). */
function paragraphStart(paragraph: number): number {
  return SEED.search(new RegExp(`^ ?§ ${paragraph}\\. `, 'm'));
}

/** The text of "DK § p, stk. s" in the circular, whitespace normalised; stk. 1 is the text before "Stk. 2.". */
function provision(basis: string): string {
  const m = /^DK § (\d+)(?:, stk\. (\d+))?$/.exec(basis);
  if (!m) throw new Error(`not a DK provision: ${basis}`);
  const paragraph = Number(m[1]);
  const text = SEED.slice(paragraphStart(paragraph), paragraphStart(paragraph + 1)).replace(/\s+/g, ' ');
  if (!m[2]) return text;
  const stk = Number(m[2]);
  const from = stk === 1 ? 0 : text.indexOf(`Stk. ${stk}. `);
  const to = text.indexOf(`Stk. ${stk + 1}. `);
  return from < 0 ? '' : text.slice(from, to < 0 ? undefined : to);
}

const written = (period: DkMentorReport['period'], fill: Partial<DkMentorReport> = {}): DkMentorReport => ({
  receivedOn: '2025-05-02',
  period,
  form: 'written',
  ...fill,
});

describe('DK status report template (§ 17, stk. 2)', () => {
  it('rests on § 17, stk. 2, which says the reports are written in a special template', () => {
    expect(provision('DK § 17, stk. 2')).toContain('Statusrapporterne udarbejdes i en særlig skabelon.');
  });

  it('holds every element the circular names: the work (§ 17, stk. 1), follow-up and revision of the handleplan (§ 13, stk. 3)', () => {
    expect(DK_STATUS_REPORT_TEMPLATE.elements.map((e) => [e.field, e.basis])).toEqual([
      ['workDone', 'DK § 17, stk. 1'],
      ['actionPlanFollowUp', 'DK § 13, stk. 3'],
      ['actionPlanRevision', 'DK § 13, stk. 3'],
    ]);
    expect(provision('DK § 13, stk. 3')).toContain('opfølgning og eventuel revurdering af handleplanen drøftes');
    expect(provision('DK § 17, stk. 1')).toContain('dokumentere sit arbejde');
  });

  it('quotes each element from the provision it names, exactly', () => {
    for (const element of DK_STATUS_REPORT_TEMPLATE.elements) {
      expect(provision(element.basis), element.field).toContain(element.quote);
    }
  });

  it('asks a monthly report for the work, and the quarterly one also for the handleplan follow-up and revision', () => {
    expect(statusReportElements(written('monthly')).map((e) => e.field)).toEqual(['workDone']);
    expect(statusReportElements(written('quarterly')).map((e) => e.field)).toEqual([
      'workDone',
      'actionPlanFollowUp',
      'actionPlanRevision',
    ]);
  });

  it('asks nothing of telephone reporting, which § 17, stk. 1 allows instead of a status report', () => {
    expect(statusReportElements({ period: 'quarterly', form: 'phone' })).toEqual([]);
  });

  it('finds the elements a written report leaves empty or blank, and none when all are filled', () => {
    expect(
      missingStatusReportElements(
        written('quarterly', { workDone: 'Samtaler hver uge.', actionPlanRevision: '  ' }),
      ).map((e) => e.field),
    ).toEqual(['actionPlanFollowUp', 'actionPlanRevision']);
    expect(
      missingStatusReportElements(
        written('quarterly', {
          workDone: 'Samtaler.',
          actionPlanFollowUp: 'Bolig fundet.',
          actionPlanRevision: 'Ingen.',
        }),
      ),
    ).toEqual([]);
  });

  it('keeps reports recorded before the template valid (the elements are optional)', () => {
    expect(
      DkMentorReportSchema.safeParse({ receivedOn: '2024-10-01', period: 'monthly', form: 'written' }).success,
    ).toBe(true);
  });

  it('has its headings and guidance in nb, da and en', () => {
    const keys = [
      DK_STATUS_REPORT_TEMPLATE.titleKey,
      DK_STATUS_REPORT_TEMPLATE.introKey,
      ...DK_STATUS_REPORT_TEMPLATE.elements.flatMap((e) => [e.headingKey, e.guidanceKey]),
    ];
    for (const locale of ['nb', 'da', 'en'] as const)
      for (const key of keys) expect(hasMessage(locale, key), `${locale} ${key}`).toBe(true);
  });
});
