import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HandoverPreview } from '../../../shared/ipc/handover';
import { I18nProvider } from '../../app/i18n';
import { AlreadyReceivedNote, PreviewView } from './handover-import-panel';

const render = (node: ReactNode) => renderToStaticMarkup(<I18nProvider initialLocale="en">{node}</I18nProvider>);

const grading = { level: 'BEGRENSET' as const };
const preview = {
  outcome: 'acceptable',
  existingCaseId: null,
  report: {} as never,
  contents: {
    caseReference: 'KOMPIS-HO-1',
    name: 'Ola Testmann',
    sendingUnit: 'Fiktivby fengsel',
    receivingUnit: 'Nordby fengsel',
    transferKind: 'transfer',
    plannedDate: '2026-12-10',
    grading,
    documents: [
      { kind: 'follow_up_plan', version: 3, grading, reason: 'Gjeldende plan', alreadyReceived: true },
      { kind: 'meeting', version: 1, grading, reason: 'Siste møte', alreadyReceived: false },
    ],
    leftOut: [],
  },
} as unknown as Extract<HandoverPreview, { outcome: 'acceptable' }>;

describe('handover import panel', () => {
  it('marks a document version the case already received, and lists the others as arriving', () => {
    const html = render(<PreviewView preview={preview} />);
    expect(html).toMatch(/data-testid="handover-document-received">Follow-up plan, version 3: already received/);
    expect(html).toMatch(/data-testid="handover-document">[^<]*Siste møte/);
    expect(html).not.toMatch(/already received[^<]*Siste møte/);
  });

  it('says after a merge how many documents were already in the case, and nothing when none were', () => {
    expect(render(<AlreadyReceivedNote count={2} />)).toContain('2 documents were already in the case');
    expect(render(<AlreadyReceivedNote count={0} />)).toBe('');
  });
});
