// Mutation testing (issue 17) found canonicalJson's key sorting untested by anything but round trips:
// dropping the sort or the object branch survived (the undefined filter it also had was redundant
// with JSON.stringify and went). The same value must give the
// same text whatever the key order, at every level and inside arrays.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts object keys at every level, also inside arrays', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same value written in another key order', () => {
    const one = { case: 'KOMPIS-1', version: 2, grading: { level: 'BEGRENSET', reason: 'x' } };
    const other = { grading: { reason: 'x', level: 'BEGRENSET' }, version: 2, case: 'KOMPIS-1' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('leaves out undefined members, as JSON does, and keeps null, numbers, strings and booleans', () => {
    expect(canonicalJson({ b: undefined, a: null, c: [1, 'to', true] })).toBe('{"a":null,"c":[1,"to",true]}');
    expect(canonicalJson('tekst')).toBe('"tekst"');
    expect(canonicalJson(null)).toBe('null');
  });
});
