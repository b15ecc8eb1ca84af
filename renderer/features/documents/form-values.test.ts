import { describe, expect, it } from 'vitest';
import {
  dateFromInput,
  dateTimeLocalFromIso,
  isoFromDateTimeLocal,
  localIsoDate,
  newId,
  parseDecimal,
  removeAt,
  replaceAt,
  sameContent,
} from './form-values';

describe('form values', () => {
  it('keeps a typed observation time when it is saved and shown again', () => {
    const iso = isoFromDateTimeLocal('2025-03-01T09:30');
    expect(iso).toMatch(/^2025-03-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(dateTimeLocalFromIso(iso)).toBe('2025-03-01T09:30');
  });

  it('treats a cleared date or time field as no value', () => {
    expect(isoFromDateTimeLocal('')).toBeUndefined();
    expect(dateFromInput('')).toBeUndefined();
    expect(dateFromInput('2026-12-24')).toBe('2026-12-24');
    expect(dateTimeLocalFromIso(undefined)).toBe('');
    expect(dateTimeLocalFromIso('not a date')).toBe('');
  });

  it('gives today as a calendar date in local time', () => {
    expect(localIsoDate(new Date(2026, 11, 24, 23, 59))).toBe('2026-12-24');
  });

  it('makes action ids the content schema accepts as UUIDs, each one new', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sees no unsaved change when only key order or an absent optional field differs', () => {
    expect(sameContent({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameContent({ a: 1, date: undefined }, { a: 1 })).toBe(true);
  });

  it('sees an unsaved change when a value, a list length or a field differs', () => {
    expect(sameContent({ a: 'x' }, { a: 'y' })).toBe(false);
    expect(sameContent({ list: [1] }, { list: [1, 2] })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, date: '2026-01-01' })).toBe(false);
    expect(sameContent({ a: null }, { a: {} })).toBe(false);
  });

  it('reads weekly hours written with a comma or a point, within bounds', () => {
    expect(parseDecimal('7,5', 0, 168)).toBe(7.5);
    expect(parseDecimal(' 10 ', 0, 168)).toBe(10);
    expect(parseDecimal('200', 0, 168)).toBeNull();
    expect(parseDecimal('ti', 0, 168)).toBeNull();
    expect(parseDecimal('-1', 0, 168)).toBeNull();
  });

  it('replaces and removes rows without touching the others', () => {
    expect(replaceAt(['a', 'b', 'c'], 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(['a', 'b', 'c'], 0)).toEqual(['b', 'c']);
  });
});
