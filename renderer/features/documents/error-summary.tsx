import { useEffect, useRef } from 'react';
import { CircleAlert } from 'lucide-react';
import type { Finding } from '../../../shared/rules';
import { describeFinding } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { focusField } from './findings-panel';
import { fieldId, findingKey } from './findings-view';

/**
 * After a refused finalise: what blocks it, at the top of the form, each item a link to its field.
 * Focus moves here on each refused attempt (`attempt` counts them), so a screen reader reads the list
 * first; the items go as they are fixed.
 */
export function ErrorSummary({
  attempt,
  findings,
  citations,
}: {
  attempt: number;
  findings: readonly Finding[];
  citations: readonly string[];
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (attempt === 0 || (findings.length === 0 && citations.length === 0)) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="status status-error error-summary"
      role="region"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
    >
      <CircleAlert className="icon status-icon" aria-hidden="true" />
      <div className="status-text">
        <h2 className="status-title" id="error-summary-title">
          {t('editors.finalise.blockedTitle', { citations: citations.join(', ') })}
        </h2>
        {findings.length > 0 ? (
          <ul className="error-summary-list">
            {findings.map((finding, index) => (
              <li key={findingKey(finding, index)}>
                {finding.field ? (
                  <a
                    href={`#${fieldId(finding.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      if (finding.field) focusField(finding.field);
                    }}
                  >
                    {describeFinding(locale, finding).text}
                  </a>
                ) : (
                  describeFinding(locale, finding).text
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
