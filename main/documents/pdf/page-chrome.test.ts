import { beforeAll, describe, expect, it } from 'vitest';
import { testView } from '../../../test/fixtures/pdf/test-view';
import { pdfPageTexts, waitForPoppler } from '../../../test/support/poppler';
import type { DocumentBlock } from './document-view';
import { renderDocumentPdf } from './render-document-pdf';

beforeAll(() => waitForPoppler(), 300_000);

/** Enough text for several pages, none of it a draft word, so only the page frame can print one. */
const LONG: DocumentBlock[] = Array.from({ length: 12 }, (_, i) => ({
  type: 'paragraph',
  text: Array.from({ length: 60 }, (_, n) => `Avsnitt ${i}.${n} om samarbeid og tiltak.`).join(' '),
}));

const count = (text: string, word: string) => text.split(word).length - 1;

describe('page frame of a draft', () => {
  it.each([
    ['nb', 'UTKAST'],
    ['da', 'UDKAST'],
    ['en', 'DRAFT'],
  ] as const)('marks every page of a %s draft "%s", so a loose page is never taken for final', async (locale, word) => {
    const pages = await pdfPageTexts(await renderDocumentPdf(testView(LONG, { locale, draft: true })));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(count(page, word), `page ${i + 1}`).toBe(1));
  });

  it('leaves the frame of a final version unmarked', async () => {
    for (const overrides of [{ draft: false }, {}]) {
      const pages = await pdfPageTexts(await renderDocumentPdf(testView(LONG, overrides)));
      for (const page of pages) expect(page).not.toContain('UTKAST');
    }
  });
});
