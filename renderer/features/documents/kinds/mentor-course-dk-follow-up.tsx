import type { DkEndReason, DkMentorCourseContent, DkMentorReport } from '../../../../shared/domain';
import { DkEndReasonSchema } from '../../../../shared/domain';
import { useI18n } from '../../../app/i18n';
import { DecimalInput } from '../choice-fields';
import { ChoiceSelect, DateInput, TextInput } from '../fields';
import { localIsoDate, removeAt, replaceAt } from '../form-values';
import {
  DK_END_REASON_KEY,
  REPORT_FORM_KEY,
  REPORT_PERIOD_KEY,
  SUBSIDY_PURPOSE_KEY,
} from '../../../lib/document-labels';
import { RepeatingRows } from '../repeating-rows';
import { EditorSection } from '../titled-section';
import type { DkMentorPartProps, DkPartProps } from './mentor-course-dk-eligibility';
import { StatusReportFields } from './mentor-course-dk-reporting';
import { MentorSelect } from './mentor-course-shared';

/** §§ 13, 17: quarterly meetings held and the mentor's reports. */
export function FollowUpFields({ content, set, mentors }: DkMentorPartProps) {
  const { t } = useI18n();
  const today = localIsoDate(new Date());
  const courseMentors = mentors.filter((m) => content.mentors.some((a) => a.mentorId === m.id));
  const periods = (['monthly', 'quarterly'] as const).map((value) => ({ value, label: t(REPORT_PERIOD_KEY[value]) }));
  const forms = (['written', 'phone'] as const).map((value) => ({ value, label: t(REPORT_FORM_KEY[value]) }));
  const setReport = (i: number, next: DkMentorReport) =>
    set('mentorReports', replaceAt(content.mentorReports, i, next));
  return (
    <EditorSection id="dk-follow-up" title={t('editors.dk.followUpHeading')}>
      <RepeatingRows
        path="meetingsHeld"
        legend={t('domain.mentorCourse.meetingsHeld')}
        hint={t('editors.dk.meetingsHint')}
        items={content.meetingsHeld}
        rowLabel={(i) => t('editors.dk.meetingRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.dk.removeMeeting', { n: i + 1 })}
        addLabel={t('editors.dk.addMeeting')}
        emptyText={t('editors.dk.noMeetings')}
        onAdd={() => set('meetingsHeld', [...content.meetingsHeld, today])}
        onRemove={(i) => set('meetingsHeld', removeAt(content.meetingsHeld, i))}
        renderRow={(date, i) => (
          <DateInput
            path={`meetingsHeld.${i}`}
            label={t('editors.common.date')}
            value={date}
            onChange={(v) => v && set('meetingsHeld', replaceAt(content.meetingsHeld, i, v))}
          />
        )}
        testId="meeting-held-rows"
      />
      <RepeatingRows
        path="mentorReports"
        legend={t('domain.mentorCourse.mentorReports')}
        hint={t('editors.dk.reportsHint')}
        items={content.mentorReports}
        rowLabel={(i) => t('editors.dk.reportRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.dk.removeReport', { n: i + 1 })}
        addLabel={t('editors.dk.addReport')}
        emptyText={t('editors.dk.noReports')}
        onAdd={() =>
          set('mentorReports', [
            ...content.mentorReports,
            {
              receivedOn: today,
              period: 'monthly',
              form: 'written',
              ...(courseMentors[0] ? { mentorId: courseMentors[0].id } : {}),
            },
          ])
        }
        onRemove={(i) => set('mentorReports', removeAt(content.mentorReports, i))}
        renderRow={(report, i) => (
          <>
            <div className="doc-row doc-row-4">
              <DateInput
                path={`mentorReports.${i}.receivedOn`}
                label={t('editors.mentorCourse.reportReceivedOn')}
                value={report.receivedOn}
                onChange={(v) => v && setReport(i, { ...report, receivedOn: v })}
              />
              <ChoiceSelect
                path={`mentorReports.${i}.period`}
                label={t('editors.mentorCourse.reportPeriod')}
                options={periods}
                value={report.period}
                onChange={(v) => v && setReport(i, { ...report, period: v })}
              />
              <ChoiceSelect
                path={`mentorReports.${i}.form`}
                label={t('editors.mentorCourse.reportForm')}
                options={forms}
                value={report.form}
                onChange={(v) => v && setReport(i, { ...report, form: v })}
              />
              <MentorSelect
                path={`mentorReports.${i}.mentorId`}
                emptyLabel={t('editors.field.notGiven')}
                mentors={courseMentors}
                value={report.mentorId}
                onChange={(v) => setReport(i, { ...report, mentorId: v })}
              />
            </div>
            <StatusReportFields index={i} report={report} onChange={(next) => setReport(i, next)} />
          </>
        )}
        testId="mentor-report-rows"
      />
    </EditorSection>
  );
}

/** §§ 14, 16 and 19: subsidies and how the course ended. */
export function SubsidyAndEndFields({ content, set }: DkPartProps) {
  const { t } = useI18n();
  const purposes = (['pedagogical_activity', 'transport', 'phone', 'postage', 'other'] as const).map((value) => ({
    value,
    label: t(SUBSIDY_PURPOSE_KEY[value]),
  }));
  const reasons = DkEndReasonSchema.options.map((value: DkEndReason) => ({
    value,
    label: t(DK_END_REASON_KEY[value]),
  }));
  type Subsidy = DkMentorCourseContent['subsidies'][number];
  const setSubsidy = (i: number, next: Subsidy) => set('subsidies', replaceAt(content.subsidies, i, next));
  return (
    <EditorSection id="dk-end" title={t('editors.dk.subsidiesAndEndHeading')}>
      <RepeatingRows
        path="subsidies"
        legend={t('domain.mentorCourse.subsidies')}
        hint={t('editors.dk.subsidiesHint')}
        items={content.subsidies}
        rowLabel={(i) => t('editors.dk.subsidyRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.dk.removeSubsidy', { n: i + 1 })}
        addLabel={t('editors.dk.addSubsidy')}
        emptyText={t('editors.dk.noSubsidies')}
        onAdd={() => set('subsidies', [...content.subsidies, { purpose: 'pedagogical_activity', amount: 0, note: '' }])}
        onRemove={(i) => set('subsidies', removeAt(content.subsidies, i))}
        renderRow={(subsidy, i) => (
          <div className="doc-row doc-row-3">
            <ChoiceSelect
              path={`subsidies.${i}.purpose`}
              label={t('editors.mentorCourse.subsidyPurpose')}
              options={purposes}
              value={subsidy.purpose}
              onChange={(v) => v && setSubsidy(i, { ...subsidy, purpose: v })}
            />
            <DecimalInput
              path={`subsidies.${i}.amount`}
              label={t('editors.mentorCourse.subsidyAmount')}
              max={1_000_000}
              value={subsidy.amount}
              onChange={(v) => setSubsidy(i, { ...subsidy, amount: v })}
            />
            <TextInput
              path={`subsidies.${i}.note`}
              label={t('editors.common.notes')}
              value={subsidy.note}
              onChange={(v) => setSubsidy(i, { ...subsidy, note: v })}
            />
          </div>
        )}
        testId="subsidy-rows"
      />
      <div className="doc-row">
        <DateInput
          path="endDate"
          label={t('domain.mentorCourse.endDate')}
          value={content.endDate}
          onChange={(v) => set('endDate', v)}
        />
        <ChoiceSelect
          path="endReason"
          label={t('domain.mentorCourse.endReason')}
          emptyLabel={t('editors.field.notGiven')}
          options={reasons}
          value={content.endReason}
          onChange={(v) => set('endReason', v)}
        />
      </div>
    </EditorSection>
  );
}
