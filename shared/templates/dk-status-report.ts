import type { DkMentorReport } from '../domain';

/** A text element of the DK status report, with the provision whose words name it. */
export interface DkStatusReportElement {
  readonly field: 'workDone' | 'actionPlanFollowUp' | 'actionPlanRevision';
  /** The report periods (DK § 17, stk. 1, nr. 1 monthly, nr. 2 every third month) the element belongs to. */
  readonly periods: readonly DkMentorReport['period'][];
  /** The provision that names the element, as shown to the user. */
  readonly basis: string;
  /** The words of the circular (../shared/seeds/) the element rests on, quoted exactly. */
  readonly quote: string;
  readonly headingKey: string;
  readonly guidanceKey: string;
}

function element(
  field: DkStatusReportElement['field'],
  periods: DkStatusReportElement['periods'],
  basis: string,
  quote: string,
): DkStatusReportElement {
  return {
    field,
    periods,
    basis,
    quote,
    headingKey: `regulatory.statusReport.label.${field}`,
    guidanceKey: `regulatory.statusReport.${field}.guidance`,
  };
}

/**
 * DK § 17, stk. 2: "Statusrapporterne udarbejdes i en særlig skabelon." The circular does not
 * reproduce that template, so Bro builds it from what the text itself names: the mentor documents the
 * work (§ 17, stk. 1) every month, and the short report every third month is the opening for the
 * conversation at the evaluation of the handleplan (§ 17, stk. 1, nr. 2), where follow-up and any
 * revision of the handleplan are discussed (§ 13, stk. 3). Telephone reporting (§ 17, stk. 1) is not a
 * status report and has no template. Structured fields on the course's report record, not a template kind.
 */
export const DK_STATUS_REPORT_TEMPLATE = {
  id: 'dk-status-report',
  version: 1,
  titleKey: 'regulatory.statusReport.title',
  introKey: 'regulatory.statusReport.intro',
  elements: [
    element(
      'workDone',
      ['monthly', 'quarterly'],
      'DK § 17, stk. 1',
      'Mentor er forpligtet til at dokumentere sit arbejde ved at afrapportere',
    ),
    element('actionPlanFollowUp', ['quarterly'], 'DK § 13, stk. 3', 'hvor opfølgning og eventuel revurdering'),
    element('actionPlanRevision', ['quarterly'], 'DK § 13, stk. 3', 'eventuel revurdering af handleplanen drøftes'),
  ],
} as const satisfies {
  id: string;
  version: number;
  titleKey: string;
  introKey: string;
  elements: readonly DkStatusReportElement[];
};

/** The template's elements a report of this period must hold; none for telephone reporting. */
export function statusReportElements(report: Pick<DkMentorReport, 'period' | 'form'>): DkStatusReportElement[] {
  if (report.form !== 'written') return [];
  return DK_STATUS_REPORT_TEMPLATE.elements.filter((e) => e.periods.includes(report.period));
}

/** The elements a written report leaves empty, in the template's order. */
export function missingStatusReportElements(report: DkMentorReport): DkStatusReportElement[] {
  return statusReportElements(report).filter((e) => (report[e.field] ?? '').trim() === '');
}
