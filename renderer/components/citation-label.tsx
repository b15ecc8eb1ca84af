import type { Citation } from '../../shared/rules';
import { citationText, localPracticeText } from '../../shared/rules';
import { useI18n } from '../app/i18n';

/**
 * Where a finding or due item comes from: the provision ("DK § 5, stk. 1, nr. 1") in brackets, or a
 * "Bro's practice" badge with its reason and the provision it reads, so nobody takes Bro's own figure
 * or reading for the text.
 */
export function CitationLabel({
  citation,
  className = 'doc-finding-citation',
}: {
  citation: Citation;
  className?: string;
}) {
  const { locale, t } = useI18n();
  const practice = localPracticeText(locale, citation);
  if (!practice) return <span className={className}>({citationText(locale, citation)})</span>;
  return (
    <span className="practice" data-testid="local-practice">
      <span className="practice-badge">{practice.badge}</span>{' '}
      <span className="practice-reason">
        {practice.reading ? `${t('rules.local.reads', { reading: practice.reading })}: ` : ''}
        {practice.reason}
      </span>
    </span>
  );
}
