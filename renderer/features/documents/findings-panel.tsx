import { Circle, CircleCheck } from 'lucide-react';
import type { Finding } from '../../../shared/rules';
import { useI18n, useT } from '../../app/i18n';
import { Button } from '../../components/button';
import type { FindingPlaces } from './finding-places';
import { fieldId, findingKey } from './findings-view';
import { FindingText } from './finding-item';
import { Panel } from './titled-section';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves focus to the control for a field path, or to the nearest enclosing group that exists
 * ("mentors.0.closeRelation" → "mentors.0" → "mentors"). A read-only field takes focus itself.
 */
export function focusField(path: string): boolean {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (!element) continue;
    const target = element.matches('input, select, textarea')
      ? element
      : (element.querySelector<HTMLElement>(FOCUSABLE) ?? (element.matches('.doc-read-field') ? element : null));
    if (!target) continue;
    if (target === element && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}

/** One finding as a list item, linked to its field when it has one. */
function FindingRow({ finding, index, neutral }: { finding: Finding; index: number; neutral?: boolean }) {
  const t = useT();
  return (
    <li
      key={findingKey(finding, index)}
      className={`doc-finding doc-finding-${neutral ? 'open' : finding.severity}`}
      data-testid="panel-finding"
    >
      {neutral ? (
        <>
          <Circle className="icon doc-finding-icon doc-finding-icon-open" aria-hidden="true" />
          <FindingText finding={finding} plain />
        </>
      ) : (
        <FindingText finding={finding} />
      )}
      {finding.field ? (
        <Button variant="link" className="doc-finding-goto" onClick={() => finding.field && focusField(finding.field)}>
          {t('editors.findings.goTo')}
        </Button>
      ) : null}
    </li>
  );
}

function Requirements({ places }: { places: FindingPlaces }) {
  const { t } = useI18n();
  if (places.total === 0) return null;
  const allMet = places.met === places.total;
  return (
    <div className="requirements" data-testid="requirements">
      <h3 className="panel-subtitle">{t('workbench.requirements.title')}</h3>
      <p className="requirements-count" data-testid="requirements-count">
        {allMet ? <CircleCheck className="icon" aria-hidden="true" /> : null}
        {t('workbench.requirements.count', { met: places.met, total: places.total })}
      </p>
      {places.inline.length > 0 ? (
        <p className="panel-description">{t('workbench.requirements.inForm', { count: places.inline.length })}</p>
      ) : null}
      {places.open.length > 0 ? (
        <ul className="findings-list" aria-label={t('workbench.requirements.open')}>
          {places.open.map((finding, index) => (
            <FindingRow key={findingKey(finding, index)} finding={finding} index={index} neutral />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** When the document was finalised, and whether anything was found then ("Finalised 01.12.2026 19:23 — no findings"). */
export function finalisedLine(locale: Parameters<typeof Intl.DateTimeFormat>[0], at: string) {
  const when = new Date(at);
  return {
    date: new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(when),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(when),
  };
}

const INTL_TAG = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' } as const;

/**
 * The rule check beside the form: a calm checklist of the requirements for finalising (how many are
 * met, what is still needed), then warnings and notes, each once and linked to its field. For a
 * finalised version it says when it was finalised and what was found.
 */
export function FindingsPanel({ places, finalisedAt }: { places: FindingPlaces; finalisedAt?: string }) {
  const { t, locale } = useI18n();
  const others = places.others;
  const count = places.open.length + places.inline.length + others.length;
  const finalised = finalisedAt ? finalisedLine(INTL_TAG[locale], finalisedAt) : null;
  return (
    <Panel
      id="findings-panel-title"
      title={t('editors.findings.title')}
      className="doc-panel findings-panel"
      testId="findings-panel"
    >
      {finalised ? (
        <p className="findings-clear" data-testid="findings-finalised">
          <CircleCheck className="icon" aria-hidden="true" />
          <span>
            {count === 0
              ? t('workbench.findings.finalised', finalised)
              : t('workbench.findings.finalisedWith', { ...finalised, count })}
          </span>
        </p>
      ) : (
        <Requirements places={places} />
      )}
      {!finalised && count === 0 ? (
        <p className="findings-clear">
          <CircleCheck className="icon" aria-hidden="true" />
          <span>{t('editors.findings.none')}</span>
        </p>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3 className="panel-subtitle">{t('workbench.others.title')}</h3>
          <ul className="findings-list">
            {others.map((finding, index) => (
              <FindingRow key={findingKey(finding, index)} finding={finding} index={index} />
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}

/** Dates still ahead that findings name (a meeting due, a copy to send): kept apart from what needs fixing. */
export function DeadlinesPanel({ deadlines }: { deadlines: readonly Finding[] }) {
  const t = useT();
  if (deadlines.length === 0) return null;
  return (
    <Panel
      id="deadlines-panel-title"
      title={t('workbench.deadlines.title')}
      intro={t('workbench.deadlines.description')}
      className="doc-panel deadlines-panel"
      testId="deadlines-panel"
    >
      <ul className="findings-list">
        {deadlines.map((finding, index) => (
          <FindingRow key={findingKey(finding, index)} finding={finding} index={index} />
        ))}
      </ul>
    </Panel>
  );
}
