import { useRef, useState, type FormEvent } from 'react';
import { ArrowLeft, Save, Trash2 } from 'lucide-react';
import type { Profile } from '../../../shared/domain';
import type { CaseView } from '../../../shared/ipc/cases';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { CaseFields } from './case-form';
import {
  caseInput,
  emptyCaseForm,
  fieldErrorsFromServer,
  formFromCase,
  isDowngrade,
  validateCaseForm,
  type CaseFormErrors,
  type CaseFormField,
  type CaseFormValues,
} from './case-form-model';
import { DeleteCaseDialog } from './delete-case-dialog';
import { localToday } from '../../lib/format';
import { useUnits } from './use-units';
import { LoadFailed } from '../../components/load-failed';
import { mapOk, useLoad, valueOr, type Loaded } from '../../lib/use-load';
import './cases.css';

const NEW_CASE: Loaded<null> = { state: 'ready', value: null };

/** The stored case to edit; a new case has none to wait for. */
function useCaseToEdit(caseId: string | undefined): { loaded: Loaded<CaseView | null>; reload(): void } {
  const { loaded, reload } = useLoad(caseId ?? null, async () =>
    mapOk(await api.invoke('cases.get', { id: caseId ?? '' }), (value) => value.case),
  );
  return { loaded: caseId ? loaded : NEW_CASE, reload };
}

interface CaseFormProps {
  profile: Profile;
  kase: CaseView | null;
  units: readonly string[];
}

/** The form itself; mounted once the stored case (if any) is known, so its first values are right. */
function CaseForm({ profile, kase, units }: CaseFormProps) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CaseFormValues>(() => (kase ? formFromCase(kase) : emptyCaseForm(profile)));
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const originalLevel = kase?.grading.level;

  const onChange = <F extends CaseFormField>(field: F, value: CaseFormValues[F]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  // The banner shows the vault's highest grading; a saved case may have changed it.
  const refreshBanner = async () => {
    const status = await api.invoke('vault.status', {});
    if (status.ok) setStatus(status.value);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateCaseForm(values, { profile, today: localToday(), originalLevel });
    if (Object.keys(found).length > 0) return showErrorsAndFocus(form.current, () => setErrors(found));
    setErrors({});
    setFailure(null);
    setBusy(true);
    const input = caseInput(values, kase?.grading);
    const downgradeReason = isDowngrade(profile, originalLevel, values.gradingLevel)
      ? values.downgradeReason.trim()
      : undefined;
    const result = kase
      ? await api.invoke('cases.update', {
          ...input,
          id: kase.id,
          expectedUpdatedAt: kase.updatedAt,
          ...(downgradeReason ? { downgradeReason } : {}),
        })
      : await api.invoke('cases.create', input);
    setBusy(false);
    if (!result.ok) {
      const fieldErrors = fieldErrorsFromServer(result.error);
      return showErrorsAndFocus(form.current, () => {
        setErrors(fieldErrors);
        setFailure(result.error);
      });
    }
    void refreshBanner();
    navigate({ screen: 'case', caseId: result.value.id });
  };

  return (
    <>
      <form
        ref={form}
        className="form case-form"
        noValidate
        onSubmit={(event) => void submit(event)}
        data-testid="case-form"
      >
        {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
        <CaseFields
          profile={profile}
          values={values}
          errors={errors}
          units={units}
          originalLevel={originalLevel}
          onChange={onChange}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" icon={Save} busy={busy}>
            {kase ? t('cases.form.save') : t('cases.form.create')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => navigate(kase ? { screen: 'case', caseId: kase.id } : { screen: 'cases' })}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      {kase ? (
        <section className="danger-zone" aria-labelledby="case-delete-title">
          <h2 className="section-title" id="case-delete-title">
            {t('cases.delete.sectionTitle')}
          </h2>
          <p className="kind-intro">{t('cases.delete.sectionHint')}</p>
          <Button variant="danger" icon={Trash2} onClick={() => setDeleting(true)} aria-haspopup="dialog">
            {t('cases.delete.open')}
          </Button>
          <DeleteCaseDialog
            caseId={kase.id}
            reference={kase.caseReference}
            open={deleting}
            onClose={() => setDeleting(false)}
            onDeleted={() => {
              void refreshBanner();
              navigate({ screen: 'cases' });
            }}
          />
        </section>
      ) : null}
    </>
  );
}

/** Create a case, or edit one (with soft delete). */
export function CaseEditScreen({ caseId }: { caseId?: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const { loaded, reload } = useCaseToEdit(caseId);
  const units = useUnits();
  const title = caseId ? t('cases.form.editTitle') : t('cases.form.newTitle');

  return (
    <UnlockedShell screen="caseEdit">
      <div className="content content-narrow">
        <div className="back-link">
          <Button
            variant="link"
            icon={ArrowLeft}
            onClick={() => navigate(caseId ? { screen: 'case', caseId } : { screen: 'cases' })}
          >
            {caseId ? t('cases.form.backToCase') : t('cases.view.back')}
          </Button>
        </div>
        <PageHeader title={title} description={<p>{t('cases.form.intro')}</p>} />
        {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reload} /> : null}
        {units.loaded.state === 'failed' ? <LoadFailed error={units.loaded.error} onRetry={units.reload} /> : null}
        {loaded.state === 'loading' ? <div className="form-skeleton" aria-busy="true" /> : null}
        {loaded.state === 'ready' ? (
          <CaseForm profile={profile} kase={loaded.value} units={valueOr(units.loaded, [])} />
        ) : null}
      </div>
    </UnlockedShell>
  );
}
