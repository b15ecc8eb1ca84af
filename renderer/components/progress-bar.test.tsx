import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../app/i18n';
import { OperationProgress, percentDone, ProgressBar } from './progress-bar';

function render(node: ReactNode, locale: 'nb' | 'da' | 'en' = 'en'): string {
  return renderToStaticMarkup(<I18nProvider initialLocale={locale}>{node}</I18nProvider>);
}

describe('ProgressBar', () => {
  it('is a labelled progressbar with its percent as value and value text', () => {
    const html = render(<ProgressBar label="Restoring the backup" done={30} total={120} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Restoring the backup"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('aria-valuetext="25 % done"');
    expect(html).toContain('width:25%');
  });

  it('is indeterminate, without a value, while the total is unknown', () => {
    const html = render(<ProgressBar label="Restoring the backup" done={0} total={0} />);
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('aria-valuetext="Working …"');
    expect(html).toContain('progress-indeterminate');
  });

  it('keeps the percent whole and within 0–100', () => {
    expect([percentDone(1, 3), percentDone(5, 4), percentDone(-1, 4), percentDone(3, 0)]).toEqual([33, 100, 0, null]);
  });

  it('labels an operation in the user language and shows nothing when idle', () => {
    expect(render(<OperationProgress operation="rotateKey" active />, 'nb')).toContain(
      'aria-label="Krypterer hvelvet på nytt med en ny nøkkel"',
    );
    expect(render(<OperationProgress operation="rotateKey" active={false} />)).toBe('');
  });
});
