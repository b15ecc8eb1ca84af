import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DkMentorReport } from '../../../../shared/domain';
import { eligibleDkCourse } from '../../../../shared/rules/test-fixtures';
import { I18nProvider } from '../../../app/i18n';
import { EditorContextProvider } from '../editor-context';
import { placeFindings } from '../finding-places';
import { MentortovholderFields, StatusReportFields } from './mentor-course-dk-reporting';

const noop = () => undefined;

function render(node: ReactNode, locale: 'en' | 'nb' = 'en'): string {
  const { inline } = placeFindings([], { showInvalid: true, today: '2026-12-01', baseline: [] });
  return renderToStaticMarkup(
    <I18nProvider initialLocale={locale}>
      <EditorContextProvider value={{ inline, readOnly: false }}>{node}</EditorContextProvider>
    </I18nProvider>,
  );
}

const report = (fill: Partial<DkMentorReport>): DkMentorReport => ({
  receivedOn: '2025-05-02',
  period: 'quarterly',
  form: 'written',
  ...fill,
});

describe('DK course editor: § 18 mentortovholder and § 17, stk. 2 status report fields', () => {
  it('shows the mentortovholder name and unit fields, empty when none is recorded', () => {
    const course = eligibleDkCourse({ mentortovholder: undefined });
    const html = render(<MentortovholderFields content={course} set={noop} />);
    expect(html).toContain('id="field-mentortovholder-name"');
    expect(html).toContain('id="field-mentortovholder-unit"');
    expect(html).toContain('Mentortovholder (DK § 18)');
  });

  it('shows the three template elements of a written quarterly report, with their provisions', () => {
    const html = render(<StatusReportFields index={0} report={report({})} onChange={noop} />);
    expect(html).toContain('id="field-mentorReports-0-workDone"');
    expect(html).toContain('id="field-mentorReports-0-actionPlanFollowUp"');
    expect(html).toContain('id="field-mentorReports-0-actionPlanRevision"');
    expect(html).toContain('(§ 13, stk. 3)');
    expect(html).toContain('(§ 17, stk. 1)');
  });

  it('shows only the work for a monthly report, in Norwegian, and nothing for telephone reporting', () => {
    const monthly = render(
      <StatusReportFields index={1} report={report({ period: 'monthly' })} onChange={noop} />,
      'nb',
    );
    expect(monthly).toContain('Mentors arbeid i perioden');
    expect(monthly).not.toContain('actionPlanFollowUp');
    expect(render(<StatusReportFields index={2} report={report({ form: 'phone' })} onChange={noop} />)).toBe('');
  });
});
