import { Shield } from 'lucide-react';
import type { GradingLevel } from '../../shared/domain/grading';
import { useT } from '../app/i18n';

/** Colour family per level (see tokens.css); equivalent NO and DK levels share a colour. */
export const GRADING_TONE: Readonly<Record<GradingLevel, string>> = {
  UGRADERT: 'open',
  'IKKE KLASSIFICERET': 'open',
  FORTROLIG: 'protected',
  'TIL TJENESTEBRUG': 'protected',
  'STRENGT FORTROLIG': 'protected-high',
  BEGRENSET: 'restricted',
  KONFIDENSIELT: 'confidential',
  FORTROLIGT: 'confidential',
  HEMMELIG: 'secret',
  HEMMELIGT: 'secret',
  'STRENGT HEMMELIG': 'top-secret',
  'YDERST HEMMELIGT': 'top-secret',
};

export interface GradingBannerProps {
  level: GradingLevel;
  /** NO: the legal basis of "Unntatt offentlighet", when it applies. */
  exemptionBasis?: string;
}

/**
 * The grading marking at the top of every unlocked screen. The level itself is a fixed marking term
 * (it reads the same in every UI language); only the surrounding words are translated.
 */
export function GradingBanner({ level, exemptionBasis }: GradingBannerProps) {
  const t = useT();
  return (
    <div className={`grading-banner grading-${GRADING_TONE[level]}`} data-testid="grading-banner" data-grading={level}>
      <Shield className="icon" aria-hidden="true" />
      <span className="visually-hidden">{t('common.grading.label')}</span>
      <strong className="grading-level">{level}</strong>
      {exemptionBasis ? (
        <span className="grading-exemption">{t('common.grading.exempt', { basis: exemptionBasis })}</span>
      ) : null}
    </div>
  );
}
