import { describe, expect, it } from 'vitest';
import { parseMinutes } from './auto-lock-minutes';

describe('auto-lock minutes field', () => {
  it('accepts whole minutes from 1 to 120, with surrounding spaces', () => {
    expect(parseMinutes('1')).toBe(1);
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('120')).toBe(120);
  });

  it('refuses zero, too many minutes, fractions and words', () => {
    for (const text of ['0', '121', '500', '1.5', '10,5', 'ti', '', '-5', '1e2']) expect(parseMinutes(text)).toBeNull();
  });
});
