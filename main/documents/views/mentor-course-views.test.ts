import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, Locale } from '../../../shared/domain';
import { eligibleDkCourse, MENTOR_ID } from '../../../shared/rules/test-fixtures';
import { renderDocumentPdf } from '../pdf';
import { documentViewFor } from './document-view-for';
import type { ViewSource } from './view-source';

function dkSource(content: DkMentorCourseContent, locale: Locale = 'da'): ViewSource {
  return {
    locale,
    profile: 'DK',
    data: { kind: 'mentor_course', content },
    person: { name: 'Søren Opdigtet', unit: 'KiF Testby', caseReference: 'KS-4711' },
    version: {
      number: 1,
      status: 'final',
      documentCreatedAt: '2026-02-01T09:00:00.000Z',
      finalisedAt: '2026-03-01T12:30:00.000Z',
    },
    printedAt: '2026-03-02T10:00:00.000Z',
    grading: { level: 'TIL TJENESTEBRUG' },
    findings: [],
    mentorNames: { [MENTOR_ID]: 'Jens Opdigtet' },
  };
}

const rowsOf = (source: ViewSource) =>
  documentViewFor(source).blocks.flatMap((b) => (b.type === 'keyValue' ? b.rows : []));

/** The PDF's text as a reader sees it, every run of white space (no-break spaces too) as one space. */
const pdfText = async (source: ViewSource) =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: await renderDocumentPdf(documentViewFor(source)),
  })
    .toString('utf8')
    .replace(/\s+/gu, ' ');

describe('DK mentor course print', () => {
  it('labels the person responsible for the course (§ 13, stk. 2) apart from the § 18 mentortovholder', async () => {
    const content = eligibleDkCourse({
      responsiblePerson: 'Kari Ansvarlig',
      mentortovholder: { name: 'Ole Tovholder', unit: 'KiF Testby' },
    });
    const rows = rowsOf(dkSource(content));
    expect(rows.find((r) => r.value === 'Ole Tovholder')?.key).toBe('Mentortovholder (DK § 18)');
    expect(rows.find((r) => r.value === 'Kari Ansvarlig')?.key).toBe('Ansvarlig for mentorforløbet (§ 13, stk. 2)');
    expect(await pdfText(dkSource(content))).toContain('Ansvarlig for mentorforløbet (§ 13, stk. 2) Kari Ansvarlig');
    for (const locale of ['nb', 'en'] as const) {
      const key = rowsOf(dkSource(content, locale)).find((r) => r.value === 'Kari Ansvarlig')?.key;
      expect(key).toContain('§ 13, stk. 2');
      expect(key).not.toMatch(/tovholder/iu);
    }
  });

  it('prints hours and amounts with the print language’s decimal comma', async () => {
    const [mentor] = eligibleDkCourse().mentors;
    if (!mentor) throw new Error('fixture has a mentor');
    const content = eligibleDkCourse({
      mentors: [{ ...mentor, agreedWeeklyHours: 7.5, fee: { amount: 2500.5, basis: 'Vurderet', setOn: '2025-02-03' } }],
      subsidies: [{ purpose: 'pedagogical_activity', amount: 1234.75, note: 'Museum' }],
    });
    const da = await pdfText(dkSource(content));
    for (const expected of ['7,5', '2.500,50', '1.234,75']) expect(da).toContain(expected);
    expect(da).not.toMatch(/7\.5|2500\.50|1234\.75/u);
    const nb = await pdfText(dkSource(content, 'nb'));
    for (const expected of ['7,5', '2 500,50', '1 234,75']) expect(nb).toContain(expected);
    const en = await pdfText(dkSource(content, 'en'));
    for (const expected of ['7.5', '2,500.50', '1,234.75']) expect(en).toContain(expected);
  });
});
