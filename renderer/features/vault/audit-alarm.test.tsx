import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../shared/i18n/catalogs';
import { I18nProvider } from '../../app/i18n';
import { AuditAlarm, RepairAlarm } from './audit-alarm';

const render = (node: ReactNode) => renderToStaticMarkup(<I18nProvider initialLocale="nb">{node}</I18nProvider>);
/** A message as the markup holds it (these have no parameters). */
const text = (key: string) => (catalogs.nb[key] ?? `missing ${key}`).replace(/'/g, '&#x27;');

describe('the alarms on every screen', () => {
  it('show nothing when nothing was found', () => {
    for (const none of [undefined, []]) {
      expect(render(<AuditAlarm findings={none} />)).toBe('');
      expect(render(<RepairAlarm repairs={none} />)).toBe('');
    }
  });

  it('name each audit finding under the audit title, and say whom to tell', () => {
    const html = render(<AuditAlarm findings={['tailCut', 'anchorMissing']} />);
    expect(html).toContain('data-testid="audit-alarm"');
    for (const key of [
      'security.audit.alarmTitle',
      'security.audit.found.tailCut',
      'security.audit.found.anchorMissing',
      'security.audit.alarmBody',
    ])
      expect(html).toContain(text(key));
    expect(html).not.toContain(text('security.repair.alarmTitle'));
  });

  it('name each repair under its own title: an edited file put right, not a tampered log', () => {
    const html = render(<RepairAlarm repairs={['dueFacts', 'keptDueList']} />);
    expect(html).toContain('data-testid="repair-alarm"');
    for (const key of [
      'security.repair.alarmTitle',
      'security.repair.dueFacts',
      'security.repair.keptDueList',
      'security.audit.alarmBody',
    ])
      expect(html).toContain(text(key));
    expect(html).not.toContain(text('security.audit.alarmTitle'));
  });
});
