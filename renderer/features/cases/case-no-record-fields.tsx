import type { Infoflyt, TargetGroupReason } from '../../../shared/domain';
import { checkNoCase, describeFinding } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { Select } from '../../components/select';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { caseInput, type CaseFormErrors, type CaseFormField, type CaseFormValues } from './case-form-model';

const REASON_KEY = {
  '': 'regulatory.case.targetGroupReason.none',
  terror_related: 'regulatory.case.targetGroupReason.terror_related',
  vulnerable: 'regulatory.case.targetGroupReason.vulnerable',
  hate_crime: 'regulatory.case.targetGroupReason.hate_crime',
} as const satisfies Record<'' | TargetGroupReason, string>;

const INFOFLYT_KEY = {
  '': 'regulatory.case.infoflytStatus.none',
  not_registered: 'regulatory.case.infoflytStatus.not_registered',
  requested: 'regulatory.case.infoflytStatus.requested',
  registered: 'regulatory.case.infoflytStatus.registered',
} as const satisfies Record<'' | Infoflyt['status'], string>;

const options = <V extends string>(keys: Readonly<Record<V, string>>, t: (key: string) => string) =>
  (Object.keys(keys) as V[]).map((value) => ({ value, label: t(keys[value]) }));

/**
 * A NO case's own records: arrival in the unit (the start-up meeting falls due, NO pkt 12), why the
 * person is in the target group (NO pkt 1), and Infoflyt with the request to KDI (NO pkt 7).
 */
export function CaseNoRecordFields({
  values,
  errors,
  onChange,
}: {
  values: CaseFormValues;
  errors: CaseFormErrors;
  onChange<F extends CaseFormField>(field: F, value: CaseFormValues[F]): void;
}) {
  const { t, locale } = useI18n();
  // NO pkt 1 and 7 as the form stands: shown here, they block nothing (see shared/rules/no-case.ts).
  const findings = checkNoCase(caseInput(values));
  const error = (field: CaseFormField) => (errors[field] ? t(errors[field]) : undefined);
  const text = (field: CaseFormField) => (event: { target: { value: string } }) =>
    onChange(field, event.target.value as never);
  return (
    <fieldset className="form-section" data-testid="case-no-records">
      <legend className="form-section-title">{t('regulatory.case.section')}</legend>
      <div className="form-grid">
        <TextField
          type="date"
          label={t('regulatory.case.arrivalDate')}
          value={values.arrivalDate}
          error={error('arrivalDate')}
          onChange={text('arrivalDate')}
        />
        <Select<'' | TargetGroupReason>
          label={t('regulatory.case.targetGroupReason')}
          value={values.targetGroupReason}
          options={options(REASON_KEY, t)}
          onValueChange={(reason) => onChange('targetGroupReason', reason)}
        />
      </div>
      <TextAreaField
        label={t('regulatory.case.targetGroupGrounds')}
        value={values.targetGroupGrounds}
        maxLength={2000}
        onChange={text('targetGroupGrounds')}
      />
      <div className="form-grid">
        <Select<'' | Infoflyt['status']>
          label={t('regulatory.case.infoflytStatus')}
          value={values.infoflytStatus}
          options={options(INFOFLYT_KEY, t)}
          onValueChange={(status) => onChange('infoflytStatus', status)}
        />
        {values.infoflytStatus === 'requested' || values.infoflytStatus === 'registered' ? (
          <TextField
            type="date"
            label={t('regulatory.case.requestSentOn')}
            value={values.infoflytRequestSentOn}
            error={error('infoflytRequestSentOn')}
            onChange={text('infoflytRequestSentOn')}
          />
        ) : null}
        {values.infoflytStatus === 'registered' ? (
          <TextField
            type="date"
            label={t('regulatory.case.registeredOn')}
            value={values.infoflytRegisteredOn}
            error={error('infoflytRegisteredOn')}
            onChange={text('infoflytRegisteredOn')}
          />
        ) : null}
      </div>
      {values.infoflytStatus === 'requested' ? (
        <TextAreaField
          label={t('regulatory.case.requestReason')}
          value={values.infoflytRequestReason}
          maxLength={2000}
          onChange={text('infoflytRequestReason')}
        />
      ) : null}
      {findings.length > 0 ? (
        <ul className="form-group-hint" data-testid="case-no-findings">
          {findings.map((finding) => (
            <li key={finding.ruleId}>{describeFinding(locale, finding).text}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
