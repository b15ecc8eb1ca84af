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

  it('pairs an edited row with the old row it shares most fields with, whatever their order', () => {
    const before = {
      rows: [
        { a: 1, b: 2, c: 3 },
        { a: 9, b: 8, c: 7 },
      ],
    };
    // The second row edited in one field, the first removed: not the first row rewritten.
    expect(diffContent(before, { rows: [{ a: 9, b: 8, c: 0 }] })).toEqual([
      { path: 'rows.0.c', change: 'changed', before: 7, after: 0 },
      { path: 'rows.0.a', change: 'removed', before: 1 },
      { path: 'rows.0.b', change: 'removed', before: 2 },
      { path: 'rows.0.c', change: 'removed', before: 3 },
    ]);
    // Of two candidates the one sharing more fields is the same row.
    const two = {
      rows: [
        { a: 1, b: 0 },
        { a: 1, b: 2 },
      ],
    };
    expect(diffContent(two, { rows: [{ a: 1, b: 2, c: 5 }] })).toEqual([
      { path: 'rows.0.c', change: 'added', after: 5 },
      { path: 'rows.0.a', change: 'removed', before: 1 },
      { path: 'rows.0.b', change: 'removed', before: 0 },
    ]);
  });

  it('pairs rows sharing nothing in order, and says what is left over was added or removed', () => {
    expect(diffContent({ rows: [{ x: 1 }] }, { rows: [{ y: 2 }, { z: 3 }] })).toEqual([
      { path: 'rows.0.y', change: 'added', after: 2 },
      { path: 'rows.1.z', change: 'added', after: 3 },
      { path: 'rows.0.x', change: 'removed', before: 1 },
    ]);
    expect(diffContent({ rows: [{ x: 1 }, { z: 3 }] }, { rows: [{ y: 2 }] })).toEqual([
      { path: 'rows.0.y', change: 'added', after: 2 },
      { path: 'rows.0.x', change: 'removed', before: 1 },
      { path: 'rows.1.z', change: 'removed', before: 3 },
    ]);
  });

  it('lines up lists of plain values, and lists inside rows', () => {
    expect(diffContent({ days: ['a', 'b', 'c'] }, { days: ['a', 'c', 'd'] })).toEqual([
      { path: 'days.2', change: 'added', after: 'd' },
      { path: 'days.1', change: 'removed', before: 'b' },
    ]);
    const before = { rows: [{ name: 'A', dates: ['1', '2'] }] };
    expect(diffContent(before, { rows: [{ name: 'A', dates: ['2'] }] })).toEqual([
      { path: 'rows.0.dates.0', change: 'removed', before: '1' },
    ]);
  });

  it('reports a value that changed shape as removed and added, and null, numbers and booleans as values', () => {
    expect(diffContent({ a: 'text' }, { a: { b: 'x' } })).toEqual([
      { path: 'a.b', change: 'added', after: 'x' },
      { path: 'a', change: 'removed', before: 'text' },
    ]);
    expect(diffContent({ a: ['x'] }, { a: 'x' })).toEqual([
      { path: 'a', change: 'added', after: 'x' },
      { path: 'a.0', change: 'removed', before: 'x' },
    ]);
    expect(diffContent({ a: null, n: 1, t: true }, { a: 'x', n: 2, t: false })).toEqual([
      { path: 'a', change: 'changed', before: null, after: 'x' },
      { path: 'n', change: 'changed', before: 1, after: 2 },
      { path: 't', change: 'changed', before: true, after: false },
    ]);
  });

  it('leaves out keys whose value is undefined, on either side', () => {
    expect(diffContent({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(diffContent({ a: 1 }, { a: 1, b: undefined })).toEqual([]);
    expect(diffContent({ rows: [{ a: 1, b: undefined }] }, { rows: [{ a: 1 }] })).toEqual([]);
  });

  it('gives an old row to one new row only, and of equally near rows the first', () => {
    const one = { rows: [{ a: 1, b: 2 }] };
    expect(
      diffContent(one, {
        rows: [
          { a: 1, b: 2, c: 1 },
          { a: 1, b: 2, c: 2 },
        ],
      }),
    ).toEqual([
      { path: 'rows.0.c', change: 'added', after: 1 },
      { path: 'rows.1.a', change: 'added', after: 1 },
      { path: 'rows.1.b', change: 'added', after: 2 },
      { path: 'rows.1.c', change: 'added', after: 2 },
    ]);
    expect(
      diffContent(
        {
          rows: [
            { a: 1, x: 1 },
            { a: 1, x: 2 },
          ],
        },
        { rows: [{ a: 1, x: 3 }] },
      ),
    ).toEqual([
      { path: 'rows.0.x', change: 'changed', before: 1, after: 3 },
      { path: 'rows.1.a', change: 'removed', before: 1 },
      { path: 'rows.1.x', change: 'removed', before: 2 },
    ]);
  });

  it('adds and removes whole values without their undefined keys', () => {
    expect(diffContent({}, { b: { c: undefined, d: 1 } })).toEqual([{ path: 'b.d', change: 'added', after: 1 }]);
    expect(diffContent({ b: { c: undefined, d: 1 } }, {})).toEqual([{ path: 'b.d', change: 'removed', before: 1 }]);
  });
});
