import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Save } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { bindForm, type SetField } from '../../components/form-binding';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { FindingsList } from './findings-list';
import { MentorDutyFields } from './mentor-duties';
import { isSuitable, mentorFindings, type MentorCourse } from './mentor-findings';
import { EMPTY_MENTOR_FORM, formFromMentor, mentorFromForm, type MentorForm, type TriState } from './mentor-form-model';
import { localToday } from './today';
import './forms.css';

export interface MentorFormProps {
  profile: Profile;
  /** The record being edited; absent for a new mentor. */
  mentor?: MentorView;
  courses: readonly MentorCourse[];
  limit: number;
  onSaved(mentor: MentorView): void;
  onCancel(): void;
}

function useTriOptions() {
  const { t } = useI18n();
  return [
    { value: 'unknown' as TriState, label: t('mentors.value.notRecorded') },
    { value: 'yes' as TriState, label: t('domain.yesNo.yes') },
    { value: 'no' as TriState, label: t('domain.yesNo.no') },
  ];
}

/** A titled group of fields; the legend names the group for screen readers. */
function FormGroup({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="form-group">
      <legend className="form-group-title">{title}</legend>
      {hint ? <p className="form-group-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

interface FieldsProps {
  form: MentorForm;
  set: SetField<MentorForm>;
}

function PersonFields({ form, set, nameError }: FieldsProps & { nameError?: string }) {
  const { t } = useI18n();
  const bind = bindForm(form, set);
  return (
    <FormGroup title={t('mentors.form.person')}>
      <div className="form-grid">
        <TextField
          label={t('domain.mentor.name')}
          {...bind.text('name')}
          error={nameError}
          required
          autoComplete="off"
        />
        <TextField label={t('domain.mentor.birthDate')} type="date" {...bind.text('birthDate')} />
        <TextField label={t('domain.mentor.phone')} type="tel" {...bind.text('phone')} autoComplete="off" />
        <TextField label={t('domain.mentor.email')} type="email" {...bind.text('email')} autoComplete="off" />
        <TextField label={t('domain.mentor.address')} {...bind.text('address')} autoComplete="off" />
        <TextField
          label={t('domain.mentor.languages')}
          hint={t('mentors.form.languagesHint')}
          {...bind.text('languages')}
        />
      </div>
    </FormGroup>
  );
}

function DkFields({ form, set }: FieldsProps) {
  const { t } = useI18n();
  const tri = useTriOptions();
  const bind = bindForm(form, set);
  return (
    <>
      <FormGroup title={t('mentors.form.dkSuitability')}>
        <div className="form-grid">
          <Select
            label={t('domain.mentor.understandsAndSpeaksDanish')}
            options={tri}
            {...bind.choice('understandsAndSpeaksDanish')}
          />
          <Select label={t('domain.mentor.willingToCooperate')} options={tri} {...bind.choice('willingToCooperate')} />
          <Select label={t('domain.mentor.willingToDocument')} options={tri} {...bind.choice('willingToDocument')} />
        </div>
      </FormGroup>
      <FormGroup title={t('mentors.form.recordCheck')} hint={t('mentors.form.recordCheckHint')}>
        <div className="form-grid">
          <TextField
            label={t('domain.mentor.criminalRecordCheck.writtenConsentDate')}
            type="date"
            {...bind.text('consentDate')}
          />
          <TextField label={t('domain.mentor.criminalRecordCheck.checkedOn')} type="date" {...bind.text('checkedOn')} />
          <Select<MentorForm['result']>
            label={t('domain.mentor.criminalRecordCheck.result')}
            options={[
              { value: '', label: t('mentors.value.notChecked') },
              { value: 'not_registered', label: t('domain.criminalRecordResult.not_registered') },
              { value: 'registered', label: t('domain.criminalRecordResult.registered') },
            ]}
            {...bind.choice('result')}
          />
        </div>
        {form.result === 'registered' ? (
          <TextAreaField
            label={t('domain.mentor.criminalRecordCheck.suitabilityReasoning')}
            hint={t('mentors.form.reasoningHint')}
            {...bind.text('suitabilityReasoning')}
          />
        ) : null}
      </FormGroup>
    </>
  );
}

function NoFields({ form, set }: FieldsProps) {
  const { t } = useI18n();
  const tri = useTriOptions();
  const bind = bindForm(form, set);
  return (
    <FormGroup title={t('mentors.form.noRequirements')}>
      <div className="form-grid">
        <TextField
          label={t('domain.mentor.policeCertificate.presentedOn')}
          type="date"
          {...bind.text('policePresentedOn')}
        />
        <Select
          label={t('domain.mentor.policeCertificate.comprehensive')}
          options={tri}
          {...bind.choice('policeComprehensive')}
        />
        <TextField
          label={t('domain.mentor.confidentialityDeclarationSignedOn')}
          type="date"
          {...bind.text('confidentialitySignedOn')}
        />
      </div>
    </FormGroup>
  );
}

function EmploymentAndTraining({ form, set, profile }: FieldsProps & { profile: Profile }) {
  const { t } = useI18n();
  const bind = bindForm(form, set);
  return (
    <>
      <FormGroup title={t(profile === 'DK' ? 'mentors.form.employment' : 'mentors.form.employmentNo')}>
        <Checkbox
          label={t('domain.mentor.employment.isStaff')}
          checked={form.isStaff}
          onCheckedChange={(v) => set('isStaff', v)}
        />
        {form.isStaff ? (
          <TextField
            label={t('domain.mentor.employment.unit')}
            hint={t('mentors.form.unitHint')}
            {...bind.text('unit')}
          />
        ) : null}
      </FormGroup>
      <FormGroup title={t('mentors.form.training')}>
        <div className="form-grid">
          <TextField
            label={t('domain.mentor.training.completedOn')}
            type="date"
            {...bind.text('trainingCompletedOn')}
          />
        </div>
        <TextAreaField label={t('domain.mentor.training.notes')} {...bind.text('trainingNotes')} />
        <TextAreaField label={t('domain.mentor.notes')} {...bind.text('notes')} />
      </FormGroup>
    </>
  );
}

/**
 * Add or edit a mentor. The suitability findings follow every change, with their citations, so the
 * user sees at once which provision a missing fact is about and sees it go away when fixed.
 */
export function MentorFormView({ profile, mentor, courses, limit, onSaved, onCancel }: MentorFormProps) {
  const { t, tError } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<MentorForm>(() => (mentor ? formFromMentor(mentor) : EMPTY_MENTOR_FORM));
  const [nameError, setNameError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set: SetField<MentorForm> = (key, value) => setForm((current) => ({ ...current, [key]: value }));

  const draft = useMemo(() => mentorFromForm(form), [form]);
  const findings = useMemo(
    () =>
      mentorFindings(
        profile,
        { ...draft, id: mentor?.id ?? '00000000-0000-4000-8000-000000000000' },
        courses,
        localToday(),
        mentor?.weeklyHours ?? 0,
        limit,
      ),
    [profile, draft, mentor, courses, limit],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name) {
      showErrorsAndFocus(formRef.current, () => setNameError(t('mentors.form.nameRequired')));
      return;
    }
    setNameError(undefined);
    setBusy(true);
    setSaveError(null);
    const result = await api.invoke(
      'mentors.save',
      mentor ? { id: mentor.id, mentor: draft, expectedVersion: mentor.currentVersion } : { mentor: draft },
    );
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setSaveError(tError(result.error));
  };

  const titleId = 'mentor-form-title';
  return (
    <form
      ref={formRef}
      className="mentor-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="mentor-form"
    >
      <h2 id={titleId} className="panel-title" tabIndex={-1}>
        {mentor ? t('mentors.form.editTitle', { name: mentor.name }) : t('mentors.form.newTitle')}
      </h2>
      <div className="mentor-form-layout">
        <div className="mentor-form-fields">
          <PersonFields form={form} set={set} nameError={nameError} />
          {profile === 'DK' ? <DkFields form={form} set={set} /> : <NoFields form={form} set={set} />}
          <MentorDutyFields form={form} set={set} profile={profile} />
          <EmploymentAndTraining form={form} set={set} profile={profile} />
        </div>
        <aside className="mentor-form-findings" aria-labelledby="mentor-form-findings-title">
          <h3 id="mentor-form-findings-title" className="export-subtitle">
            {t('mentors.findings.title')}
          </h3>
          <p
            className={isSuitable(findings) ? 'suitability suitability-ok' : 'suitability suitability-blocked'}
            aria-live="polite"
            data-testid="mentor-suitability"
          >
            {isSuitable(findings) ? t('mentors.findings.suitable') : t('mentors.findings.notSuitable')}
          </p>
          <FindingsList findings={findings} courses={courses} testId="mentor-form-findings" />
        </aside>
      </div>
      {saveError ? <StatusMessage tone="error" title={saveError} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={Save} busy={busy} data-testid="mentor-save">
          {t('mentors.form.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
