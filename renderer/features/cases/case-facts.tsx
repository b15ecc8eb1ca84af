import type { CaseView } from '../../../shared/ipc/cases';
import { useI18n } from '../../app/i18n';
import { CASE_STATUS_KEY } from './case-labels';
import { formatIsoDate } from '../../lib/format';
import { GradingBadge } from './grading-badge';

/** The person's details under the case title. */
export function CaseFacts({ kase }: { kase: CaseView }) {
  const { t, locale } = useI18n();
  const notSet = t('cases.view.notSet');
  const date = (value: string | undefined) => (value ? formatIsoDate(locale, value) : notSet);
  const raised = kase.effectiveGrading !== kase.grading.level;
  return (
    <dl className="case-facts" data-testid="case-facts">
      <div>
        <dt>{t('cases.field.caseReference')}</dt>
        <dd className="case-reference">{kase.caseReference}</dd>
      </div>
      <div>
        <dt>{t('domain.case.birthDate')}</dt>
        <dd>{date(kase.birthDate)}</dd>
      </div>
      <div>
        <dt>{t('domain.case.unit')}</dt>
        <dd>{kase.unit || notSet}</dd>
      </div>
      <div>
        <dt>{t('domain.case.status')}</dt>
        <dd>{t(CASE_STATUS_KEY[kase.status])}</dd>
      </div>
      <div>
        <dt>{t('domain.case.expectedReleaseDate')}</dt>
        <dd>{date(kase.expectedReleaseDate)}</dd>
      </div>
      <div>
        <dt>{t('domain.case.grading')}</dt>
        <dd className="case-facts-grading">
          <GradingBadge level={kase.effectiveGrading} />
          {raised ? (
            <span className="case-facts-note">{t('cases.view.gradingRaised', { own: kase.grading.level })}</span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
