import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { bindForm, type SetField } from '../../components/form-binding';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../lib/date-format';
import type { MentorForm } from './mentor-form-model';

const NOTIFY_HINT = {
  NO: 'regulatory.mentor.notifyDutyHint.NO',
  DK: 'regulatory.mentor.notifyDutyHint.DK',
} as const satisfies Record<Profile, string>;

/**
 * The mentor's duties, acknowledged with a date: to notify (NO pkt 13.5: KDI; DK § 8, stk. 2:
 * Kriminalforsorgen, of an offence) and, for a DK mentor, confidentiality (DK § 8, stk. 1). A NO mentor
 * is reminded that the mentor is not the person's fullmektig (NO pkt 13.5), recorded per course.
 */
export function MentorDutyFields({
  form,
  set,
  profile,
}: {
  form: MentorForm;
  set: SetField<MentorForm>;
  profile: Profile;
}) {
  const { t } = useI18n();
  const bind = bindForm(form, set);
  return (
    <fieldset className="form-group" data-testid="mentor-duties">
      <legend className="form-group-title">{t('regulatory.mentor.dutiesHeading')}</legend>
      {profile === 'NO' ? <p className="form-group-hint">{t('regulatory.mentor.notProxyNote')}</p> : null}
      <div className="form-grid">
        <TextField
          label={t('regulatory.mentor.notifyDutyOn')}
          hint={t(NOTIFY_HINT[profile])}
          type="date"
          {...bind.text('notifyDutyOn')}
        />
        {profile === 'DK' ? (
          <TextField
            label={t('regulatory.mentor.confidentialityDutyOn')}
            hint={t('regulatory.mentor.confidentialityDutyHint')}
            type="date"
            {...bind.text('confidentialityDutyOn')}
          />
        ) : null}
      </div>
    </fieldset>
  );
}

function Acknowledged({ label, hint, on }: { label: string; hint: string; on: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {on ? formatIsoDate(locale, on) : <span className="muted">{t('regulatory.mentor.notAcknowledged')}</span>}
        <span className="muted"> — {hint}</span>
      </dd>
    </div>
  );
}

/** The duties as read in the register, each with the provision it rests on. */
export function MentorDutyFacts({ mentor, profile }: { mentor: MentorView; profile: Profile }) {
  const { t } = useI18n();
  const duties = mentor.dutiesAcknowledged;
  return (
    <>
      <Acknowledged
        label={t('regulatory.mentor.notifyDutyOn')}
        hint={t(NOTIFY_HINT[profile])}
        on={duties?.notifyDutyOn}
      />
      {profile === 'DK' ? (
        <Acknowledged
          label={t('regulatory.mentor.confidentialityDutyOn')}
          hint={t('regulatory.mentor.confidentialityDutyHint')}
          on={duties?.confidentialityDutyOn}
        />
      ) : (
        <div>
          <dt>{t('regulatory.mentor.dutiesHeading')}</dt>
          <dd>{t('regulatory.mentor.notProxyNote')}</dd>
        </div>
      )}
    </>
  );
}
