import { signPdf } from '../../signing/pades-sign';
import { makeIdentity } from '../../../test/fixtures/signing/signing-fixtures';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../ipc/app-error';
import { PLACEHOLDER, loadDefaultFontBytes } from './fonts';
import { testView } from '../../../test/fixtures/pdf/test-view';
import { twentyPagePlanView } from '../../../test/fixtures/pdf/twenty-page-plan';
import { buildDocumentPdf, renderDocumentPdf } from './render-document-pdf';
import { pdfInfo, pdfPageText, pdfPageTexts, waitForPoppler } from '../../../test/support/poppler';

const count = (text: string, word: string) => text.split(word).length - 1;

// The 20-page plan is rendered once and shared; tests that need a fresh render make their own.
let planPdf: Uint8Array;
beforeAll(async () => {
  await waitForPoppler();
  planPdf = await renderDocumentPdf(twentyPagePlanView());
}, 300_000);

describe('renderDocumentPdf', () => {
  it('prints Nordic letters that read back exactly as written', async () => {
    const nordic = 'æøå ÆØÅ é ä ö ü – Tromsø, Åsane, Sønderborg, Göteborg, Müller, Café';
    const pdf = await renderDocumentPdf(
      testView([
        { type: 'heading', level: 1, text: 'Særlige forhold for ÆØÅ' },
        { type: 'paragraph', text: nordic },
        { type: 'keyValue', rows: [{ key: 'Besøksrom', value: 'Rom på gården, ved siden av kjøkkenet' }] },
      ]),
    );
    const text = await pdfPageText(pdf, 1);
    expect(text).toContain(nordic);
    expect(text).toContain('Særlige forhold for ÆØÅ');
    expect(text).toContain('Rom på gården, ved siden av kjøkkenet');
  });

  it('marks every page of a 20-page plan with its grading and numbers the pages "side N av 20"', async () => {
    const pdf = planPdf;
    expect((await pdfInfo(pdf))['Pages']).toBe('20');
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(20);
    pages.forEach((page, index) => {
      expect(count(page, 'BEGRENSET'), `page ${index + 1}`).toBe(2);
      expect(count(page, 'Unntatt offentlighet, offl. § 13, jf. fvl. § 13'), `page ${index + 1}`).toBe(2);
      expect(page).toContain(`side ${index + 1} av 20`);
    });
    // The same, asked page by page, for the first and the last page.
    expect(await pdfPageText(pdf, 1)).toContain('side 1 av 20');
    expect(await pdfPageText(pdf, 20)).toContain('side 20 av 20');
  });

  it('uses the locale for page numbers and dates', async () => {
    const da = await pdfPageTexts(
      await renderDocumentPdf(testView([], { locale: 'da', grading: { level: 'FORTROLIGT' } })),
    );
    expect(da[0]).toContain('side 1 af 1');
    expect(da[0]).toContain('Udskrevet 12.03.2025 kl. 14.05');
    expect(count(da[0] ?? '', 'FORTROLIGT')).toBe(2);
    const en = await pdfPageTexts(await renderDocumentPdf(testView([], { locale: 'en' })));
    expect(en[0]).toContain('page 1 of 1');
    expect(en[0]).toContain('Printed 12/03/2025 at 14:05');
  });

  it('gives byte-identical output for the same view, with dates and metadata from the view', async () => {
    const first = planPdf;
    const second = await renderDocumentPdf(twentyPagePlanView());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const info = await pdfInfo(first);
    expect(info['Title']).toBe('Oppfølgingsplan for Ola Testmann');
    expect(info['Producer']).toBe('Bro');
    expect(info['CreationDate']).toMatch(/Mar 12 13:05:00 2025 UTC/);
    expect(info['ModDate']).toMatch(/Mar 12 13:05:00 2025 UTC/);
    const doc = await PDFDocument.load(first, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(nb-NO)');

    const small = testView([{ type: 'paragraph', text: 'Samme innhold.' }]);
    const reprinted = await renderDocumentPdf({ ...small, dates: { created: '2025-01-10', printed: '2025-03-13' } });
    expect(Buffer.from(reprinted).equals(Buffer.from(await renderDocumentPdf(small)))).toBe(false);
  });

  it('splits a long table between rows and repeats its header on each new page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => {
      const id = `R${String(i + 1).padStart(3, '0')}`;
      const note =
        i % 5 === 0 ? 'Lengre merknad som må brytes over flere linjer i den smale kolonnen. ' : 'Kort merknad.';
      return [id, `Tiltak ${id}`, `${note}Slutt${id}`];
    });
    const pdf = await renderDocumentPdf(
      testView([
        { type: 'paragraph', text: 'Innledning.' },
        {
          type: 'table',
          columns: [
            { header: 'Nummer', width: 15 },
            { header: 'Tiltaksnavn', width: 35 },
            { header: 'Merknader', width: 30 },
          ],
          rows,
        },
      ]),
    );
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const pageOf = (needle: string) => pages.findIndex((page) => page.includes(needle));
    for (const [id] of rows) {
      const page = pageOf(`${id}\n`);
      expect(page, id).toBeGreaterThanOrEqual(0);
      // The row is whole on one page: its last cell ends on the same page as its first starts.
      expect(pageOf(`Slutt${id}`), id).toBe(page);
    }
    for (const page of pages) {
      expect(page).toContain('Nummer');
      expect(page).toContain('Merknader');
      expect(page.indexOf('Tiltaksnavn')).toBeLessThan(page.search(/R\d{3}/));
    }
  });

  it('keeps explicit line breaks and blank lines of a paragraph', async () => {
    const pdf = await renderDocumentPdf(
      testView([{ type: 'paragraph', text: 'Første linje\nAndre linje\n\nFjerde linje' }]),
    );
    // -layout keeps vertical gaps, so the blank line shows as an empty line.
    expect(await pdfPageText(pdf, 1, true)).toMatch(/Første linje\nAndre linje\n\nFjerde linje\n/);
  });

  it('replaces an emoji and a control character it cannot draw, and keeps going', async () => {
    const pdf = await renderDocumentPdf(
      testView(
        [
          { type: 'heading', level: 1, text: 'Mentor 🦄 besøk' },
          { type: 'paragraph', text: 'Hei 🧑‍💻 der\u0007slutt. Tekst etter.' },
          { type: 'table', columns: [{ header: 'A🦄', width: 1 }], rows: [['x\u0000y']] },
        ],
        { title: 'Plan 🦄' },
      ),
    );
    const text = await pdfPageText(pdf, 1);
    expect(text).toContain(`Mentor ${PLACEHOLDER} besøk`);
    expect(text).toContain(`Hei ${PLACEHOLDER} der${PLACEHOLDER}slutt. Tekst etter.`);
    expect(text).toContain(`x${PLACEHOLDER}y`);
    expect((await pdfInfo(pdf))['Title']).toBe('Plan 🦄');
  });

  it('can be loaded again, and builds an unsaved document a signer can add its placeholder to', async () => {
    const loaded = await PDFDocument.load(planPdf);
    expect(loaded.getPageCount()).toBe(20);

    const small = testView([{ type: 'paragraph', text: 'Lagret uendret.' }]);
    const built = await (await buildDocumentPdf(small)).save({ useObjectStreams: false });
    expect(Buffer.from(built).equals(Buffer.from(await renderDocumentPdf(small)))).toBe(true);

    const signed = await signPdf(planPdf, await makeIdentity(), { signingTime: new Date('2026-11-23T10:00:00Z') });
    expect(Buffer.from(signed).includes('/ByteRange')).toBe(true);
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(20);
  });

  it('draws the same with font bytes passed by the caller as with the packaged default', async () => {
    const fonts = await loadDefaultFontBytes();
    expect([...fonts.regular.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    const input = testView([{ type: 'paragraph', text: 'Blåbærsyltetøy' }]);
    const withDefault = await renderDocumentPdf(input);
    const withBytes = await renderDocumentPdf(input, {
      fonts: { regular: fonts.regular.slice(), bold: fonts.bold.slice() },
    });
    expect(Buffer.from(withBytes).equals(Buffer.from(withDefault))).toBe(true);
  });

  it('refuses a table whose rows do not match its columns, naming the field but not its content', async () => {
    const bad = testView([{ type: 'table', columns: [{ header: 'A', width: 1 }], rows: [['Ola Testmann', 'ekstra']] }]);
    const error = await renderDocumentPdf(bad).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    if (!isAppError(error)) return;
    expect(error.messageKey).toBe('documents.pdf.invalidView');
    expect(error.fields).toEqual(['blocks.0.rows']);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Ola');
  });
});
