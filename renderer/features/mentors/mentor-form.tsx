import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Save } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { FindingsList } from './findings-list';
import { isSuitable, mentorFindings, type MentorCourse } from './mentor-findings';
import { EMPTY_MENTOR_FORM, formFromMentor, mentorFromForm, type MentorForm, type TriState } from './mentor-form-model';
import { TextArea } from './text-area';
import { localToday } from './today';

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

type Set = <K extends keyof MentorForm>(key: K, value: MentorForm[K]) => void;

function PersonFields({ form, set, nameError }: { form: MentorForm; set: Set; nameError?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-group">
      <legend className="form-group-title">{t('mentors.form.person')}</legend>
      <div className="form-grid">
        <TextField
          label={t('domain.mentor.name')}
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          error={nameError}
          required
          autoComplete="off"
        />
        <TextField
          label={t('domain.mentor.birthDate')}
          type="date"
          value={form.birthDate}
          onChange={(e) => set('birthDate', e.target.value)}
        />
        <TextField
          label={t('domain.mentor.phone')}
          type="tel"
          value={form.phone}
          onChange={(e) => set('phone', e.target.value)}
          autoComplete="off"
        />
        <TextField
          label={t('domain.mentor.email')}
          type="email"
          value={form.email}
          onChange={(e) => set('email', e.target.value)}
          autoComplete="off"
        />
        <TextField
          label={t('domain.mentor.address')}
          value={form.address}
          onChange={(e) => set('address', e.target.value)}
          autoComplete="off"
        />
        <TextField
          label={t('domain.mentor.languages')}
          hint={t('mentors.form.languagesHint')}
          value={form.languages}
          onChange={(e) => set('languages', e.target.value)}
        />
      </div>
    </fieldset>
  );
}

function DkFields({ form, set }: { form: MentorForm; set: Set }) {
  const { t } = useI18n();
  const tri = useTriOptions();
  return (
    <>
      <fieldset className="form-group">
        <legend className="form-group-title">{t('mentors.form.dkSuitability')}</legend>
        <div className="form-grid">
          <Select
            label={t('domain.mentor.understandsAndSpeaksDanish')}
            value={form.understandsAndSpeaksDanish}
            options={tri}
            onValueChange={(v) => set('understandsAndSpeaksDanish', v)}
          />
          <Select
            label={t('domain.mentor.willingToCooperate')}
            value={form.willingToCooperate}
            options={tri}
            onValueChange={(v) => set('willingToCooperate', v)}
          />
          <Select
            label={t('domain.mentor.willingToDocument')}
            value={form.willingToDocument}
            options={tri}
            onValueChange={(v) => set('willingToDocument', v)}
          />
        </div>
      </fieldset>
      <fieldset className="form-group">
        <legend className="form-group-title">{t('mentors.form.recordCheck')}</legend>
        <p className="form-group-hint">{t('mentors.form.recordCheckHint')}</p>
        <div className="form-grid">
          <TextField
            label={t('domain.mentor.criminalRecordCheck.writtenConsentDate')}
            type="date"
            value={form.consentDate}
            onChange={(e) => set('consentDate', e.target.value)}
          />
          <TextField
            label={t('domain.mentor.criminalRecordCheck.checkedOn')}
            type="date"
            value={form.checkedOn}
            onChange={(e) => set('checkedOn', e.target.value)}
          />
          <Select<MentorForm['result']>
            label={t('domain.mentor.criminalRecordCheck.result')}
            value={form.result}
            options={[
              { value: '', label: t('mentors.value.notChecked') },
              { value: 'not_registered', label: t('domain.criminalRecordResult.not_registered') },
              { value: 'registered', label: t('domain.criminalRecordResult.registered') },
            ]}
            onValueChange={(v) => set('result', v)}
          />
        </div>
        {form.result === 'registered' ? (
          <TextArea
            label={t('domain.mentor.criminalRecordCheck.suitabilityReasoning')}
            hint={t('mentors.form.reasoningHint')}
            value={form.suitabilityReasoning}
            onChange={(e) => set('suitabilityReasoning', e.target.value)}
          />
        ) : null}
      </fieldset>
    </>
  );
}

function NoFields({ form, set }: { form: MentorForm; set: Set }) {
  const { t } = useI18n();
  const tri = useTriOptions();
  return (
    <fieldset className="form-group">
      <legend className="form-group-title">{t('mentors.form.noRequirements')}</legend>
      <div className="form-grid">
        <TextField
          label={t('domain.mentor.policeCertificate.presentedOn')}
          type="date"
          value={form.policePresentedOn}
          onChange={(e) => set('policePresentedOn', e.target.value)}
        />
        <Select
          label={t('domain.mentor.policeCertificate.comprehensive')}
          value={form.policeComprehensive}
          options={tri}
          onValueChange={(v) => set('policeComprehensive', v)}
        />
        <TextField
          label={t('domain.mentor.confidentialityDeclarationSignedOn')}
          type="date"
          value={form.confidentialitySignedOn}
          onChange={(e) => set('confidentialitySignedOn', e.target.value)}
        />
      </div>
    </fieldset>
  );
}

function EmploymentAndTraining({ form, set, profile }: { form: MentorForm; set: Set; profile: Profile }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="form-group">
        <legend className="form-group-title">
          {t(profile === 'DK' ? 'mentors.form.employment' : 'mentors.form.employmentNo')}
        </legend>
        <Checkbox
          label={t('domain.mentor.employment.isStaff')}
          checked={form.isStaff}
          onCheckedChange={(v) => set('isStaff', v)}
        />
        {form.isStaff ? (
          <TextField
            label={t('domain.mentor.employment.unit')}
            hint={t('mentors.form.unitHint')}
            value={form.unit}
            onChange={(e) => set('unit', e.target.value)}
          />
        ) : null}
      </fieldset>
      <fieldset className="form-group">
        <legend className="form-group-title">{t('mentors.form.training')}</legend>
        <div className="form-grid">
          <TextField
            label={t('domain.mentor.training.completedOn')}
            type="date"
            value={form.trainingCompletedOn}
            onChange={(e) => set('trainingCompletedOn', e.target.value)}
          />
        </div>
        <TextArea
          label={t('domain.mentor.training.notes')}
          value={form.trainingNotes}
          onChange={(e) => set('trainingNotes', e.target.value)}
        />
        <TextArea label={t('domain.mentor.notes')} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      </fieldset>
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
  const set: Set = (key, value) => setForm((current) => ({ ...current, [key]: value }));

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
