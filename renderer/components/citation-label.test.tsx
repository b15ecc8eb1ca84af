import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../../shared/rules/citations';
import { I18nProvider } from '../app/i18n';
import { CitationLabel } from './citation-label';

function render(citation: Parameters<typeof CitationLabel>[0]['citation'], locale: 'nb' | 'da' | 'en' = 'en') {
  return renderToStaticMarkup(
    <I18nProvider initialLocale={locale}>
      <CitationLabel citation={citation} />
    </I18nProvider>,
  );
}

describe('where a finding comes from', () => {
  it('shows a provision of the text in brackets, without a practice badge', () => {
    const html = render(CITATIONS.dk5_1_1);
    expect(html).toContain('(DK § 5, stk. 1, nr. 1)');
    expect(html).not.toContain('local-practice');
  });

  it("shows Bro's practice as a badge with its reason and the provision it reads, never as the text", () => {
    const html = render(CITATIONS.localReleaseLead);
    expect(html).toContain('data-testid="local-practice"');
    expect(html).toContain('Bro&#x27;s practice');
    expect(html).toContain('reading NO pkt 12');
    expect(html).toContain('30 days ahead');
    expect(render(CITATIONS.localReleaseLead, 'nb')).toContain('Bros praksis');
  });
});
