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

  it('says a row taken out of a list was removed, not that every later row changed into the next', () => {
    const person = (name: string, role: string) => ({ name, role });
    const before = { involved: [person('Anna', 'politi'), person('Bo', 'PST'), person('Cato', 'kommune')] };
    const after = { involved: [person('Bo', 'PST'), person('Cato', 'kommune')] };
    expect(diffContent(before, after)).toEqual([
      { path: 'involved.0.name', change: 'removed', before: 'Anna' },
      { path: 'involved.0.role', change: 'removed', before: 'politi' },
    ]);
  });

  it('compares a row edited in place field by field, and a row added among others as added', () => {
    const before = {
      rows: [
        { name: 'A', note: 'x' },
        { name: 'B', note: 'y' },
      ],
    };
    const after = {
      rows: [
        { name: 'A', note: 'x' },
        { name: 'N', note: 'new' },
        { name: 'B', note: 'z' },
      ],
    };
    // B's note changed, and N was put before it: N is added, B's note is a change at B's new place.
    expect(diffContent(before, after)).toEqual([
      { path: 'rows.1.name', change: 'added', after: 'N' },
      { path: 'rows.1.note', change: 'added', after: 'new' },
      { path: 'rows.2.note', change: 'changed', before: 'y', after: 'z' },
    ]);
    const inPlace = {
      rows: [
        { name: 'A', note: 'x' },
        { name: 'B', note: 'z' },
      ],
    };
    expect(diffContent(before, inPlace)).toEqual([{ path: 'rows.1.note', change: 'changed', before: 'y', after: 'z' }]);
  });
});
