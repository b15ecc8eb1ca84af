import type { DkMentorReport } from '../../../../shared/domain';
import { statusReportElements } from '../../../../shared/templates/dk-status-report';
import { useI18n } from '../../../app/i18n';
import { TextArea, TextInput } from '../fields';
import type { DkPartProps } from './mentor-course-dk-eligibility';

/** DK § 18: the mentortovholder (name and unit) the course's staff turn to. */
export function MentortovholderFields({ content, set }: DkPartProps) {
  const { t } = useI18n();
  const holder = content.mentortovholder ?? { name: '', unit: '' };
  return (
    <div className="doc-row">
      <TextInput
        path="mentortovholder.name"
        label={t('regulatory.dkCourse.mentortovholderName')}
        value={holder.name}
        onChange={(v) => set('mentortovholder', { ...holder, name: v })}
      />
      <TextInput
        path="mentortovholder.unit"
        label={t('regulatory.dkCourse.mentortovholderUnit')}
        value={holder.unit}
        onChange={(v) => set('mentortovholder', { ...holder, unit: v })}
      />
    </div>
  );
}

/** DK § 17, stk. 2: a written status report's template elements for its period; none for telephone reporting. */
export function StatusReportFields({
  index,
  report,
  onChange,
}: {
  index: number;
  report: DkMentorReport;
  onChange(next: DkMentorReport): void;
}) {
  const { t } = useI18n();
  const elements = statusReportElements(report);
  if (elements.length === 0) return null;
  return (
    <div className="doc-status-report" data-testid={`status-report-${index}`}>
      {elements.map((element) => (
        <TextArea
          key={element.field}
          path={`mentorReports.${index}.${element.field}`}
          label={t(element.headingKey)}
          hint={t(element.guidanceKey)}
          rows={3}
          value={report[element.field] ?? ''}
          onChange={(v) => onChange({ ...report, [element.field]: v })}
        />
      ))}
    </div>
  );
}
