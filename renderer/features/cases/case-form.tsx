import { useId } from 'react';
import type { CaseStatus, GradingLevel, Profile } from '../../../shared/domain';
import { CaseStatusSchema, gradingScale } from '../../../shared/domain';
import { useT } from '../../app/i18n';
import { Select } from '../../components/select';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { CASE_STATUS_KEY } from './case-labels';
import { isDowngrade, type CaseFormErrors, type CaseFormField, type CaseFormValues } from './case-form-model';
import { CaseNoRecordFields } from './case-no-record-fields';

const REFERENCE_HINT = {
  NO: 'cases.field.caseReferenceHintNo',
  DK: 'cases.field.caseReferenceHintDk',
} as const satisfies Record<Profile, string>;

export interface CaseFieldsProps {
  profile: Profile;
  values: CaseFormValues;
  errors: CaseFormErrors;
  units: readonly string[];
  /** The stored grading when editing, to ask for a reason when it is lowered. */
  originalLevel?: GradingLevel;
  onChange<F extends CaseFormField>(field: F, value: CaseFormValues[F]): void;
}

/** The fields of a case: the person's minimal details (DOMAIN "The records") and the case's grading. */
export function CaseFields({ profile, values, errors, units, originalLevel, onChange }: CaseFieldsProps) {
  const t = useT();
  const unitList = `units${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const error = (field: CaseFormField) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const lowering = isDowngrade(profile, originalLevel, values.gradingLevel);
  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('cases.form.person')}</legend>
        <div className="form-grid">
          <TextField
            className="form-grid-wide"
            label={t('domain.case.name')}
            value={values.name}
            autoComplete="off"
            required
            error={error('name')}
            onChange={(event) => onChange('name', event.target.value)}
          />
          <TextField
            type="date"
            label={t('domain.case.birthDate')}
            value={values.birthDate}
            error={error('birthDate')}
            onChange={(event) => onChange('birthDate', event.target.value)}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('cases.form.case')}</legend>
        <div className="form-grid">
          <TextField
            className="field-monospace"
            label={t('cases.field.caseReference')}
            hint={t(REFERENCE_HINT[profile])}
            value={values.caseReference}
            autoComplete="off"
            spellCheck={false}
            required
            error={error('caseReference')}
            onChange={(event) => onChange('caseReference', event.target.value)}
          />
          <TextField
            label={t('domain.case.unit')}
            hint={t('cases.field.unitHint')}
            value={values.unit}
            list={unitList}
            autoComplete="off"
            required
            error={error('unit')}
            onChange={(event) => onChange('unit', event.target.value)}
          />
          <datalist id={unitList}>
            {units.map((unit) => (
              <option key={unit} value={unit} />
            ))}
          </datalist>
          <Select<CaseStatus>
            label={t('domain.case.status')}
            value={values.status}
            options={CaseStatusSchema.options.map((status) => ({ value: status, label: t(CASE_STATUS_KEY[status]) }))}
            error={error('status')}
            onValueChange={(status) => onChange('status', status)}
          />
          <TextField
            type="date"
            label={t('domain.case.expectedReleaseDate')}
            value={values.expectedReleaseDate}
            error={error('expectedReleaseDate')}
            onChange={(event) => onChange('expectedReleaseDate', event.target.value)}
          />
        </div>
      </fieldset>
      {profile === 'NO' ? <CaseNoRecordFields values={values} errors={errors} onChange={onChange} /> : null}
      <fieldset className="form-section">
        <legend className="form-section-title">{t('domain.case.grading')}</legend>
        <div className="form-grid">
          <Select<GradingLevel>
            label={t('cases.field.grading')}
            hint={t('cases.field.gradingHint')}
            value={values.gradingLevel}
            options={gradingScale(profile).map((level) => ({ value: level, label: level }))}
            error={error('gradingLevel')}
            onValueChange={(level) => onChange('gradingLevel', level)}
          />
        </div>
        {lowering ? (
          <TextAreaField
            label={t('cases.field.downgradeReason')}
            hint={t('cases.field.downgradeReasonHint', { from: originalLevel ?? '', to: values.gradingLevel })}
            value={values.downgradeReason}
            required
            maxLength={2000}
            error={error('downgradeReason')}
            onChange={(event) => onChange('downgradeReason', event.target.value)}
          />
        ) : null}
      </fieldset>
    </>
  );
}
