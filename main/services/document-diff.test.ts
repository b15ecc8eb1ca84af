import { describe, expect, it } from 'vitest';
import { diffContent } from './document-diff';

describe('field-by-field change summary', () => {
  it('lists exactly the fields that changed, with before and after', () => {
    const before = {
      cooperation: 'Politiet følger opp.',
      releasePlanning: '',
      grading: { level: 'BEGRENSET' },
      participants: [{ name: 'A' }],
    };
    const after = {
      cooperation: 'PST følger opp.',
      releasePlanning: '',
      grading: { level: 'KONFIDENSIELT' },
      participants: [{ name: 'A' }],
    };
    expect(diffContent(before, after)).toEqual([
      { path: 'cooperation', change: 'changed', before: 'Politiet følger opp.', after: 'PST følger opp.' },
      { path: 'grading.level', change: 'changed', before: 'BEGRENSET', after: 'KONFIDENSIELT' },
    ]);
  });

  it('names rows added to and removed from lists by index', () => {
    const changes = diffContent(
      { rows: [{ name: 'A' }, { name: 'B' }] },
      { rows: [{ name: 'A' }], date: '2026-01-05' },
    );
    expect(changes).toEqual([
      { path: 'date', change: 'added', after: '2026-01-05' },
      { path: 'rows.1.name', change: 'removed', before: 'B' },
    ]);
  });

  it('reports nothing for equal content, whatever the key order', () => {
    expect(diffContent({ a: 1, b: { c: true } }, { b: { c: true }, a: 1 })).toEqual([]);
  });
});
