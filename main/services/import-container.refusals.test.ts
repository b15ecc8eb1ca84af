// Issue 17: import refusals no test named — files beyond the three a Bro export holds, and an export
// graded lower than the document it carries. The container files are built here as a verified
// container hands them over; the accepted case shows the same files pass with that one thing right.
import { describe, expect, it } from 'vitest';
import { completePlan } from '../../test/support/document-fixtures';
import type { GradingLevel } from '../../shared/domain';
import { dataFileNames, encodeJson, ENVELOPE_NAME, schemaIdOf } from './export-envelope';
import { parseContainerFiles } from './import-container';

const NAMES = dataFileNames('follow_up_plan');

function exportFiles(exportGrading: GradingLevel, contentGrading: GradingLevel) {
  const envelope = {
    format: 'bro-export',
    formatVersion: 1,
    kind: 'follow_up_plan',
    schema: schemaIdOf('follow_up_plan'),
    documentFile: NAMES.json,
    pdfFile: NAMES.pdf,
    profile: 'NO',
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
});
