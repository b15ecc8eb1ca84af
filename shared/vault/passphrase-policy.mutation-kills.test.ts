// Issue 17: counting UTF-16 units instead of characters survived, because the old test used letters of
// the Basic Multilingual Plane only. Characters outside it take two units each.
import { describe, expect, it } from 'vitest';
import { assessPassphrase, PASSPHRASE_MIN_LENGTH } from './passphrase-policy';

describe('passphrase length outside the Basic Multilingual Plane', () => {
  it('refuses eleven characters as too short even when they fill 22 UTF-16 units', () => {
    const eleven = '𝒜𝒷𝒸𝒹𝑒𝒻𝑔𝒽𝒾𝒿𝓀';
    expect([...eleven]).toHaveLength(PASSPHRASE_MIN_LENGTH - 1);
    expect(eleven.length).toBe(22);
    const result = assessPassphrase(eleven);
    expect(result.acceptable).toBe(false);
    expect(result.problems).toContain('vault.passphrase.tooShort');
  });
});

describe('passphrase rules of our own beside the strength estimate', () => {
  it('caps a long repetitive passphrase and names the repetition, also at the boundary', () => {
    const long = assessPassphrase('abcabcabcabcabcabcabcabc');
    expect(long.acceptable).toBe(false);
    expect(long.score).toBeLessThanOrEqual(2);
    expect(long.problems).toEqual(['vault.passphrase.repetitive']);
    // Three distinct characters in twelve: as many as the limit allows, still repetitive.
    expect(assessPassphrase('abcabcabcabc').problems).toEqual(['vault.passphrase.repetitive']);
    // Four distinct in twenty: the limit is a quarter of the length (5), not 3.
    expect(assessPassphrase('abcdabcdabcdabcdabcd').problems).toEqual(['vault.passphrase.repetitive']);
    expect(assessPassphrase('abcdefabcdefabcdefab').problems).not.toContain('vault.passphrase.repetitive');
  });

  it('names spaces at either end and then scores no higher than 2', () => {
    const strong = 'Fiolett ekorn, 7 blyanter & en tuba';
    expect(assessPassphrase(strong)).toMatchObject({ acceptable: true, problems: [] });
    expect(assessPassphrase(strong).score).toBeGreaterThanOrEqual(3);
    for (const padded of [` ${strong}`, `${strong} `]) {
      const result = assessPassphrase(padded);
      expect(result).toMatchObject({ acceptable: false, problems: ['vault.passphrase.edgeSpaces'] });
      expect(result.score).toBeLessThanOrEqual(2);
    }
  });

  it('calls an empty passphrase only too short', () => {
    expect(assessPassphrase('')).toEqual({ acceptable: false, score: 0, problems: ['vault.passphrase.tooShort'] });
  });
});

describe('why a passphrase is guessable', () => {
  const GUESSABLE = 'security.passphrase.guessable';
  it.each([
    ['17.05.1990Ola', [GUESSABLE, 'security.passphrase.yearOrDate', 'security.passphrase.name']],
    ['abcdefghijkl', [GUESSABLE, 'security.passphrase.sequence']],
    ['xsw2zaq1cde3', [GUESSABLE, 'security.passphrase.keyboardWalk']],
    ['zxcvbnm,.-12', [GUESSABLE, 'security.passphrase.keyboardWalk']],
  ])('names the weak parts of %s, and nothing else', (passphrase, problems) => {
    expect(assessPassphrase(passphrase).problems).toEqual(problems);
  });

  it('accepts a passphrase exactly at the required strength', () => {
    expect(assessPassphrase('Fjellvann2024')).toEqual({ acceptable: true, score: 3, problems: [] });
  });
});
