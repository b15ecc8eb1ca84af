import { useState, type FormEvent } from 'react';
import { Lock, LockOpen, ShieldPlus } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { PasswordField } from '../../components/password-field';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { mapOk, useLoad } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { CourseConversations } from './conversations';
import type { MentorCourse } from './mentor-findings';
import './compartment.css';

type CompartmentState = 'loading' | 'none' | 'locked' | 'unlocked';

function CreateForm({ onDone }: { onDone(state: CompartmentState): void }) {
  const { t, tError } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || passphrase !== repeat) return setError(t('mentors.compartment.mismatch'));
    setBusy(true);
    const result = await api.invoke('compartment.create', { passphrase });
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    onDone(result.value.state);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="compartment-form" noValidate>
      <PasswordField
        label={t('mentors.compartment.newPassphrase')}
        hint={t('mentors.compartment.newPassphraseHint')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <PasswordField
        label={t('mentors.compartment.repeatPassphrase')}
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={mismatch ? t('mentors.compartment.mismatch') : undefined}
      />
      {error ? <StatusMessage tone="error" title={error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={ShieldPlus} busy={busy}>
          {t('mentors.compartment.create')}
        </Button>
      </div>
    </form>
  );
}

function UnlockForm({ onDone }: { onDone(state: CompartmentState): void }) {
  const { t, tError } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return setError(t('mentors.compartment.passphraseRequired'));
    setBusy(true);
    const result = await api.invoke('compartment.unlock', { passphrase });
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    setPassphrase('');
    onDone(result.value.state);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="compartment-form compartment-unlock" noValidate>
      <PasswordField
        label={t('mentors.compartment.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        error={error}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={LockOpen} busy={busy} data-testid="compartment-unlock">
          {t('mentors.compartment.unlock')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The mentor scheme's compartment, visibly apart from the rest of the screen: its own lock state and
 * passphrase. Conversation records are listed and added only while it is open (NO pkt 13.5, 13.10).
 */
export function CompartmentPanel({
  profile,
  mentorId,
  courses,
}: {
  profile: Profile;
  mentorId: string;
  courses: readonly MentorCourse[];
}) {
  const { t, tError } = useI18n();
  const status = useLoad('compartment', async () =>
    mapOk(await api.invoke('compartment.status', {}), (value): CompartmentState => value.state),
  );
  const state: CompartmentState = status.loaded.state === 'ready' ? status.loaded.value : 'loading';
  const setState = status.set;
  const [error, setError] = useState<string | null>(null);

  const lock = async () => {
    const result = await api.invoke('compartment.lock', {});
    if (result.ok) setState(result.value.state);
    else setError(tError(result.error));
  };

  const open = state === 'unlocked';
  return (
    <section
      className={open ? 'compartment compartment-open' : 'compartment'}
      aria-labelledby="compartment-title"
      data-testid="compartment"
      data-state={state}
    >
      <div className="compartment-header">
        {open ? (
          <LockOpen className="compartment-icon" aria-hidden="true" />
        ) : (
          <Lock className="compartment-icon" aria-hidden="true" />
        )}
        <div className="compartment-heading">
          <h3 id="compartment-title" className="compartment-title">
            {t('mentors.compartment.title')}
          </h3>
          <p className="compartment-state" role="status">
            {state === 'loading'
              ? t('common.loading')
              : open
                ? t('mentors.compartment.stateOpen')
                : state === 'none'
                  ? t('mentors.compartment.stateNone')
                  : t('mentors.compartment.stateLocked')}
          </p>
        </div>
        {open ? (
          <Button icon={Lock} onClick={() => void lock()} data-testid="compartment-lock">
            {t('mentors.compartment.lock')}
          </Button>
        ) : null}
      </div>
      <p className="compartment-explain">
        {t(profile === 'NO' ? 'mentors.compartment.explainNo' : 'mentors.compartment.explainDk')}
      </p>
      {error ? <StatusMessage tone="error" title={error} /> : null}
      {status.loaded.state === 'failed' ? <LoadFailed error={status.loaded.error} onRetry={status.reload} /> : null}
      {state === 'none' ? <CreateForm onDone={setState} /> : null}
      {state === 'locked' ? <UnlockForm onDone={setState} /> : null}
      {open && courses.length === 0 ? (
        <p className="panel-description">{t('mentors.conversations.noCourses')}</p>
      ) : null}
      {open
        ? courses.map((course) => <CourseConversations key={course.id} course={course} mentorId={mentorId} />)
        : null}
    </section>
  );
}
