import { CircleCheck } from 'lucide-react';
import type { Finding } from '../../../shared/rules';
import { useT } from '../../app/i18n';
import { Button } from '../../components/button';
import { countBySeverity, fieldId, findingKey, sortFindings } from './findings-view';
import { FindingText } from './finding-item';
import { Panel } from './titled-section';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves focus to the control for a field path, or to the nearest enclosing group that exists
 * ("mentors.0.closeRelation" → "mentors.0" → "mentors").
 */
export function focusField(path: string): boolean {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (!element) continue;
    const target = element.matches('input, select, textarea') ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}

/** Every finding on the document, most serious first, each with a way to the field it is about. */
export function FindingsPanel({ findings }: { findings: readonly Finding[] }) {
  const t = useT();
  const sorted = sortFindings(findings);
  const counts = countBySeverity(findings);
  return (
    <Panel
      id="findings-panel-title"
      title={t('editors.findings.title')}
      className="doc-panel findings-panel"
      testId="findings-panel"
    >
      {sorted.length === 0 ? (
        <p className="findings-clear">
          <CircleCheck className="icon" aria-hidden="true" />
          <span>{t('editors.findings.none')}</span>
        </p>
      ) : (
        <>
          <p className="panel-description">
            {[
              counts.blocking > 0 ? t('editors.findings.countBlocking', { count: counts.blocking }) : null,
              counts.warning > 0 ? t('editors.findings.countWarning', { count: counts.warning }) : null,
              counts.info > 0 ? t('editors.findings.countInfo', { count: counts.info }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <ul className="findings-list">
            {sorted.map((finding, index) => (
              <li key={findingKey(finding, index)} className={`doc-finding doc-finding-${finding.severity}`}>
                <FindingText finding={finding} />
                {finding.field ? (
                  <Button
                    variant="link"
                    className="doc-finding-goto"
                    onClick={() => finding.field && focusField(finding.field)}
                  >
                    {t('editors.findings.goTo')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
