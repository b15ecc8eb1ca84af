import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RetentionPeriodView } from '../../../shared/ipc/due';
import { DEFAULT_RETENTION } from '../../../shared/rules/retention';
import { I18nProvider } from '../../app/i18n';
import { parseRetentionYears, RetentionPeriodForm } from './retention-section';

function render(node: ReactNode, locale: 'nb' | 'da' | 'en' = 'en'): string {
  return renderToStaticMarkup(<I18nProvider initialLocale={locale}>{node}</I18nProvider>);
}

const period = (over: Partial<RetentionPeriodView> = {}): RetentionPeriodView => ({
  kind: 'case',
  years: 5,
  source: 'default',
  basis: '',
  updatedAt: null,
  defaultYears: 5,
  defaultCitation: DEFAULT_RETENTION.NO.case.citation,
  ...over,
});

const noSave = () => Promise.resolve();

describe('retention settings', () => {
  it('takes whole years from 1 to 100 and nothing else', () => {
    expect(['1', ' 7 ', '100'].map(parseRetentionYears)).toEqual([1, 7, 100]);
    expect(['0', '101', '2.5', '2,5', '-3', '', 'fem', '1e2'].map(parseRetentionYears)).toEqual(Array(8).fill(null));
  });

  it('shows a default period as such, labelled fields and no reset', () => {
    const html = render(<RetentionPeriodForm period={period()} busy={false} onSave={noSave} />);
    expect(html).toContain('aria-label="Cases"');
    expect(html).toContain('Now: 5 years (default).');
    expect(html).toContain('Retention period (years)');
    expect(html).toContain('value="5"');
    expect(html).not.toContain('Use the default');
  });

  it('shows the vault period with its basis and offers the default back, in Norwegian and Danish', () => {
    const own = period({ kind: 'mentor_course', years: 8, source: 'vault', basis: 'Arkivplan 2025' });
    const nb = render(<RetentionPeriodForm period={own} busy={false} onSave={noSave} />, 'nb');
    expect(nb).toContain('aria-label="Mentorforløp"');
    expect(nb).toContain('Nå: 8 år (satt for dette hvelvet).');
    expect(nb).toContain('value="Arkivplan 2025"');
    expect(nb).toContain('Bruk standard');
    const da = render(<RetentionPeriodForm period={own} busy={false} onSave={noSave} />, 'da');
    expect(da).toContain('Opbevaringstid (år)');
    expect(da).toContain('Brug standard');
  });
});
