import { CircleAlert, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Severity, Finding } from '../../../shared/rules';
import { describeFinding } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { CitationLabel } from '../../components/citation-label';
import { fieldId, findingKey } from './findings-view';
import { useFieldFindings } from './editor-context';

const ICON: Readonly<Record<Severity, LucideIcon>> = { blocking: CircleAlert, warning: TriangleAlert, info: Info };

export const SEVERITY_KEY = {
  blocking: 'rules.severity.blocking',
  warning: 'rules.severity.warning',
  info: 'rules.severity.info',
} as const satisfies Record<Severity, string>;

/**
 * Severity icon (none when `plain`: a neutral checklist item), message and citation, e.g. "Mentor må være fylt 18 år (DK § 5, stk. 1, nr. 1)", or
 * the "Bro's practice" badge with its reason when the rule is Bro's own reading.
 */
export function FindingText({ finding, plain = false }: { finding: Finding; plain?: boolean }) {
  const { locale, t } = useI18n();
  const Icon = ICON[finding.severity];
  const { message } = describeFinding(locale, finding);
  return (
    <>
      {plain ? null : (
        <Icon className={`icon doc-finding-icon doc-finding-icon-${finding.severity}`} aria-hidden="true" />
      )}
      <span className="doc-finding-text">
        {plain ? null : <span className="visually-hidden">{t(SEVERITY_KEY[finding.severity])}: </span>}
        {message} <CitationLabel citation={finding.citation} />
      </span>
    </>
  );
}

export function inlineFindingsId(path: string): string {
  return `${fieldId(path)}-findings`;
}

/** The findings about one field, under it; the field refers to this list with aria-describedby. */
export function InlineFindings({ path }: { path: string }) {
  const { findings } = useFieldFindings(path);
  if (findings.length === 0) return null;
  return (
    <ul className="inline-findings" id={inlineFindingsId(path)} data-testid={`findings-${path}`}>
      {findings.map((finding, index) => (
        <li key={findingKey(finding, index)} className={`doc-finding doc-finding-${finding.severity}`}>
          <FindingText finding={finding} />
        </li>
      ))}
    </ul>
  );
}
