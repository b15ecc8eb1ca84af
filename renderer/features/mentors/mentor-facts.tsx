import type { Profile } from '../../../shared/domain/profile';
import type { MentorView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { formatIsoDate } from '../../lib/date-format';
import { MentorDutyFacts } from './mentor-duties';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value && value.trim() ? value : <span className="muted">{t('mentors.value.notRecorded')}</span>}</dd>
    </div>
  );
}

/** The mentor record as read: contact, employment, and the checks of DK § 6 or NO pkt 13.2/13.5. */
export function MentorFacts({ mentor, profile }: { mentor: MentorView; profile: Profile }) {
  const { t, locale } = useI18n();
  const date = (value: string | undefined) => (value ? formatIsoDate(locale, value) : undefined);
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? undefined : t(value ? 'domain.yesNo.yes' : 'domain.yesNo.no');
  const check = mentor.criminalRecordCheck;
  return (
    <dl className="facts mentor-facts" data-testid="mentor-facts">
      <Fact label={t('domain.mentor.birthDate')} value={date(mentor.birthDate)} />
      <Fact label={t('domain.mentor.phone')} value={mentor.phone} />
      <Fact label={t('domain.mentor.email')} value={mentor.email} />
      <Fact label={t('domain.mentor.languages')} value={mentor.languages.join(', ')} />
      <Fact
        label={t('domain.mentor.employment.isStaff')}
        value={
          mentor.employment.isStaff
            ? t('mentors.facts.staffAt', { unit: mentor.employment.unit || '–' })
            : t('domain.yesNo.no')
        }
      />
      {profile === 'DK' ? (
        <>
          <Fact
            label={t('domain.mentor.understandsAndSpeaksDanish')}
            value={yesNo(mentor.understandsAndSpeaksDanish)}
          />
          <Fact label={t('domain.mentor.willingToCooperate')} value={yesNo(mentor.willingToCooperate)} />
          <Fact label={t('domain.mentor.willingToDocument')} value={yesNo(mentor.willingToDocument)} />
          <Fact
            label={t('domain.mentor.criminalRecordCheck.writtenConsentDate')}
            value={date(check.writtenConsentDate)}
          />
          <Fact
            label={t('domain.mentor.criminalRecordCheck.result')}
            value={
              check.result
                ? t(
                    check.result === 'registered'
                      ? 'domain.criminalRecordResult.registered'
                      : 'domain.criminalRecordResult.not_registered',
                  )
                : t('mentors.value.notChecked')
            }
          />
          {check.result === 'registered' ? (
            <Fact
              label={t('domain.mentor.criminalRecordCheck.suitabilityReasoning')}
              value={check.suitabilityReasoning}
            />
          ) : null}
        </>
      ) : (
        <>
          <Fact
            label={t('domain.mentor.policeCertificate.presentedOn')}
            value={date(mentor.policeCertificate.presentedOn)}
          />
          <Fact
            label={t('domain.mentor.policeCertificate.comprehensive')}
            value={yesNo(mentor.policeCertificate.comprehensive)}
          />
          <Fact
            label={t('domain.mentor.confidentialityDeclarationSignedOn')}
            value={date(mentor.confidentialityDeclarationSignedOn)}
          />
        </>
      )}
      <MentorDutyFacts mentor={mentor} profile={profile} />
      <Fact label={t('domain.mentor.training.completedOn')} value={date(mentor.training.completedOn)} />
    </dl>
  );
}
