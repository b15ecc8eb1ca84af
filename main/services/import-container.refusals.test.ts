// Issue 17: import refusals no test named — files beyond the three a Bro export holds, and an export
// graded lower than the document it carries. The container files are built here as a verified
// container hands them over; the accepted case shows the same files pass with that one thing right.
import { describe, expect, it } from 'vitest';
import { completePlan } from '../../test/support/document-fixtures';
import type { GradingLevel } from '../../shared/domain';
import { dataFileNames, encodeJson, ENVELOPE_NAME, schemaIdOf } from './export-envelope';
import { parseContainerFiles } from './import-container';

const NAMES = dataFileNames('follow_up_plan');

function exportFiles(exportGrading: GradingLevel, contentGrading: GradingLevel, profile = 'NO') {
  const envelope = {
    format: 'bro-export',
    formatVersion: 1,
    kind: 'follow_up_plan',
    schema: schemaIdOf('follow_up_plan'),
    documentFile: NAMES.json,
    pdfFile: NAMES.pdf,
    profile,
    caseReference: 'KOMPIS-700001',
    documentVersion: 2,
    grading: { level: exportGrading },
    recipient: 'kdi',
    exportedAt: '2026-03-02T10:15:00.000Z',
  };
  return [
    { name: NAMES.pdf, bytes: new TextEncoder().encode('%PDF-1.7 fiktiv') },
    { name: NAMES.json, bytes: encodeJson(completePlan({ grading: { level: contentGrading } })) },
    { name: ENVELOPE_NAME, bytes: encodeJson(envelope) },
  ];
}

describe('reading a verified container as a Bro export', () => {
  it('accepts the three files of an export graded as its content', () => {
    expect(parseContainerFiles(exportFiles('KONFIDENSIELT', 'KONFIDENSIELT'), 'NO')).toMatchObject({ ok: true });
  });

  it('refuses an export graded lower than the document it carries (gradingTooLow)', () => {
    expect(parseContainerFiles(exportFiles('BEGRENSET', 'KONFIDENSIELT'), 'NO')).toEqual({
      ok: false,
      messageKey: 'export.import.gradingTooLow',
    });
  });

  it('refuses a fourth file, and a missing one, instead of ignoring them (unexpectedFiles)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    const extra = [...files, { name: 'vedlegg.txt', bytes: new TextEncoder().encode('Ola Testmann') }];
    const missing = files.filter((file) => file.name !== NAMES.pdf);
    for (const list of [extra, missing])
      expect(parseContainerFiles(list, 'NO')).toEqual({ ok: false, messageKey: 'export.import.unexpectedFiles' });
  });

  const replaced = (files: ReturnType<typeof exportFiles>, name: string, bytes: Uint8Array) =>
    files.map((file) => (file.name === name ? { name, bytes } : file));
  const refusal = (messageKey: string, fields?: string[]) => ({ ok: false, messageKey, ...(fields ? { fields } : {}) });

  it('refuses a container where a foreign file takes the place of one of the three (unexpectedFiles)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    const foreign = [
      ...files.filter((file) => file.name !== NAMES.pdf),
      { name: 'vedlegg.txt', bytes: new TextEncoder().encode('x') },
    ];
    expect(parseContainerFiles(foreign, 'NO')).toEqual(refusal('export.import.unexpectedFiles'));
  });

  it('refuses a container without an envelope, or with one that is not JSON or not an envelope (notBroExport)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    const cases = [
      files.filter((file) => file.name !== ENVELOPE_NAME),
      replaced(files, ENVELOPE_NAME, new TextEncoder().encode('{"format": "bro-export"')),
      replaced(files, ENVELOPE_NAME, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      replaced(files, ENVELOPE_NAME, encodeJson({ format: 'bro-export', formatVersion: 1 })),
    ];
    for (const list of cases) expect(parseContainerFiles(list, 'NO')).toEqual(refusal('export.import.notBroExport'));
  });

  it('refuses an export made in a vault of the other profile (wrongProfile)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    expect(parseContainerFiles(files, 'DK')).toEqual(refusal('export.import.wrongProfile'));
  });

  it("refuses an envelope of the other profile even when the document's grading exists in this one (wrongProfile)", () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET', 'DK');
    expect(parseContainerFiles(files, 'NO')).toEqual(refusal('export.import.wrongProfile'));
  });

  it("names an envelope graded on the other country's scale as the other profile's, not as too low (wrongProfile)", () => {
    const files = exportFiles('YDERST HEMMELIGT', 'BEGRENSET');
    expect(parseContainerFiles(files, 'NO')).toEqual(refusal('export.import.wrongProfile'));
  });

  it('refuses a kind the vault’s profile never holds, even in an envelope and grading of that profile (wrongProfile)', () => {
    const files = exportFiles('FORTROLIGT', 'FORTROLIGT', 'DK');
    const plan = completePlan({ grading: { level: 'BEGRENSET' } }) as Record<string, unknown>;
    const danish = replaced(files, NAMES.json, encodeJson({ ...plan, grading: { level: 'FORTROLIGT' } }));
    // A follow-up plan is NO pkt 11's: a DK vault holds none.
    expect(parseContainerFiles(danish, 'DK')).toEqual(refusal('export.import.wrongProfile'));
  });

  it('refuses document JSON that is not UTF-8 JSON (jsonUnreadable)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    for (const bytes of [new TextEncoder().encode('{"grading":'), new Uint8Array([0x22, 0xc3, 0x28, 0x22])])
      expect(parseContainerFiles(replaced(files, NAMES.json, bytes), 'NO')).toEqual(
        refusal('export.import.jsonUnreadable'),
      );
  });

  it('refuses a document that breaks its schema, naming only the paths (schemaInvalid)', () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    const plan = completePlan({ grading: { level: 'BEGRENSET' } }) as Record<string, unknown>;
    const broken = encodeJson({ ...plan, grading: { level: 'Ola Testmann' } });
    expect(parseContainerFiles(replaced(files, NAMES.json, broken), 'NO')).toEqual(
      refusal('export.import.schemaInvalid', ['grading.level']),
    );
    expect(parseContainerFiles(replaced(files, NAMES.json, encodeJson(['liste'])), 'NO')).toEqual(
      refusal('export.import.schemaInvalid', ['(root)']),
    );
  });

  it("refuses a document graded in the other profile's scale inside a matching envelope (wrongProfile)", () => {
    const files = exportFiles('BEGRENSET', 'BEGRENSET');
    const plan = completePlan({ grading: { level: 'BEGRENSET' } }) as Record<string, unknown>;
    const danish = encodeJson({ ...plan, grading: { level: 'FORTROLIGT' } });
    expect(parseContainerFiles(replaced(files, NAMES.json, danish), 'NO')).toEqual(
      refusal('export.import.wrongProfile'),
    );
  });

  it('accepts an export graded higher than its content, and gives back envelope and content', () => {
    const parsed = parseContainerFiles(exportFiles('KONFIDENSIELT', 'BEGRENSET'), 'NO');
    expect(parsed).toMatchObject({
      ok: true,
      envelope: { kind: 'follow_up_plan', caseReference: 'KOMPIS-700001', grading: { level: 'KONFIDENSIELT' } },
      content: { grading: { level: 'BEGRENSET' } },
    });
  });
});
