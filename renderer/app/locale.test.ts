import { describe, expect, it } from 'vitest';
import { guessLocale } from './locale';

describe('first-guess UI language', () => {
  it('picks Danish, Norwegian (also from "no" and nynorsk) and English from the system languages', () => {
    expect(guessLocale(['da-DK', 'en-US'])).toBe('da');
    expect(guessLocale(['no'])).toBe('nb');
    expect(guessLocale(['nn-NO'])).toBe('nb');
    expect(guessLocale(['sv-SE', 'en-GB'])).toBe('en');
  });

  it('falls back to bokmål when no known language is listed', () => {
    expect(guessLocale(['de-DE'])).toBe('nb');
    expect(guessLocale([])).toBe('nb');
  });
});
