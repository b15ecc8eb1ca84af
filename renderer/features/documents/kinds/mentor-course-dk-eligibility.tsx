import type { DkCourseBasis, DkMentorCourseContent, LsRnrLevel } from '../../../../shared/domain';
import { DkCourseBasisSchema, LsRnrLevelSchema } from '../../../../shared/domain';
import type { MentorView } from '../../../../shared/ipc/records';
import { useI18n } from '../../../app/i18n';
import { YesNo } from '../choice-fields';
import { ChoiceSelect, DateInput, FieldGroup, TextArea, TextInput } from '../fields';
import { DK_BASIS_KEY, LS_RNR_KEY } from '../../../lib/document-labels';
import { EditorSection } from '../titled-section';
import type { EditorPartProps } from './kind-editor';
import { AreaContactFields } from './mentor-course-dk-duties';

/** What each part of the DK course editor gets; some parts also choose from the mentor register. */
export type DkPartProps = EditorPartProps<DkMentorCourseContent>;
export type DkMentorPartProps = DkPartProps & { mentors: readonly MentorView[] };

/** §§ 2-4: on which basis, and whether the person meets the conditions. */
export function EligibilityFields({ content, set }: DkPartProps) {
  const { t } = useI18n();
  const bases = DkCourseBasisSchema.options.map((value: DkCourseBasis) => ({ value, label: t(DK_BASIS_KEY[value]) }));
  const levels = LsRnrLevelSchema.options.map((value: LsRnrLevel) => ({ value, label: t(LS_RNR_KEY[value]) }));
  const inmate = content.inmate;
  const released = content.basis === 'released_end_of_sentence' || content.basis === 'continued_after_supervision';
  return (
    <EditorSection id="dk-eligibility" title={t('editors.dk.eligibilityHeading')}>
      <ChoiceSelect
        path="basis"
        label={t('domain.mentorCourse.basis')}
        emptyLabel={t('editors.field.choose')}
        options={bases}
        value={content.basis}
        onChange={(v) => set('basis', v)}
      />
      <div className="doc-row">
        <YesNo
          path="underSupervision"
          label={t('domain.mentorCourse.underSupervision')}
          value={content.underSupervision}
          onChange={(v) => set('underSupervision', v)}
        />
        <ChoiceSelect
          path="lsRnrLevel"
          label={t('domain.mentorCourse.lsRnrLevel')}
          emptyLabel={t('editors.field.choose')}
          options={levels}
          value={content.lsRnrLevel}
          onChange={(v) => set('lsRnrLevel', v)}
        />
      </div>
      <TextArea
        path="lsRnrExceptionJustification"
        label={t('domain.mentorCourse.lsRnrExceptionJustification')}
        hint={t('editors.dk.lsRnrExceptionHint')}
        rows={2}
        value={content.lsRnrExceptionJustification}
        onChange={(v) => set('lsRnrExceptionJustification', v)}
      />
      <YesNo
        path="specialNeed"
        label={t('domain.mentorCourse.specialNeed')}
        value={content.specialNeed}
        onChange={(v) => set('specialNeed', v)}
      />
      <TextArea
        path="specialNeedDescription"
        label={t('domain.mentorCourse.specialNeedDescription')}
        rows={2}
        value={content.specialNeedDescription}
        onChange={(v) => set('specialNeedDescription', v)}
      />
      <YesNo
        path="motivated"
        label={t('domain.mentorCourse.motivated')}
        value={content.motivated}
        onChange={(v) => set('motivated', v)}
      />
      {content.basis === 'inmate_release_preparation' ? (
        <FieldGroup path="inmate" legend={t('editors.dk.inmateHeading')}>
          <div className="doc-row">
            <YesNo
              path="inmate.partOfReleasePreparation"
              label={t('domain.mentorCourse.inmate.partOfReleasePreparation')}
              value={inmate.partOfReleasePreparation}
              onChange={(v) => set('inmate', { ...inmate, partOfReleasePreparation: v })}
            />
            <DateInput
              path="inmate.expectedReleaseDate"
              label={t('domain.mentorCourse.inmate.expectedReleaseDate')}
              value={inmate.expectedReleaseDate}
              onChange={(v) => set('inmate', { ...inmate, expectedReleaseDate: v })}
            />
          </div>
          <YesNo
            path="inmate.continuesAfterRelease"
            label={t('domain.mentorCourse.inmate.continuesAfterRelease')}
            value={inmate.continuesAfterRelease}
            onChange={(v) => set('inmate', { ...inmate, continuesAfterRelease: v })}
          />
          {inmate.continuesAfterRelease === false ? (
            <TextArea
              path="inmate.noContinuationJustification"
              label={t('domain.mentorCourse.inmate.noContinuationJustification')}
              rows={2}
              value={inmate.noContinuationJustification}
              onChange={(v) => set('inmate', { ...inmate, noContinuationJustification: v })}
            />
          ) : null}
        </FieldGroup>
      ) : null}
      {released ? (
        <div className="doc-row">
          <YesNo
            path="voluntarySupervision"
            label={t('domain.mentorCourse.voluntarySupervision')}
            value={content.voluntarySupervision}
            onChange={(v) => set('voluntarySupervision', v)}
          />
          {content.basis === 'continued_after_supervision' ? (
            <YesNo
              path="hadMentorDuringSupervision"
              label={t('domain.mentorCourse.hadMentorDuringSupervision')}
              value={content.hadMentorDuringSupervision}
              onChange={(v) => set('hadMentorDuringSupervision', v)}
            />
          ) : null}
        </div>
      ) : null}
      <div className="doc-row doc-row-3">
        <TextInput
          path="decidingArea"
          label={t('domain.mentorCourse.decidingArea')}
          hint={t('editors.dk.decidingAreaHint')}
          value={content.decidingArea}
          onChange={(v) => set('decidingArea', v)}
        />
        <TextInput
          path="supervisionArea"
          label={t('domain.mentorCourse.supervisionArea')}
          value={content.supervisionArea}
          onChange={(v) => set('supervisionArea', v)}
        />
        <TextInput
          path="personUnit"
          label={t('domain.mentorCourse.personUnit')}
          hint={t('editors.dk.personUnitHint')}
          value={content.personUnit}
          onChange={(v) => set('personUnit', v)}
        />
        <TextInput
          path="afterReleaseUnit"
          label={t('domain.mentorCourse.afterReleaseUnit')}
          hint={t('editors.dk.afterReleaseUnitHint')}
          value={content.afterReleaseUnit ?? ''}
          onChange={(v) => set('afterReleaseUnit', v)}
        />
      </div>
      <AreaContactFields content={content} set={set} />
    </EditorSection>
  );
}
