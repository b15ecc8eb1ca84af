import { describe, expect, it, vi } from 'vitest';
import { translate } from '../i18n/translate';
import { assessPassphrase, PASSPHRASE_MIN_LENGTH } from './passphrase-policy';

describe('passphrase policy', () => {
  it('refuses a passphrase shorter than the minimum and says so', () => {
    const result = assessPassphrase('a'.repeat(3) + 'Bc1!xyz');
    expect(result.acceptable).toBe(false);
    expect(result.problems).toContain('vault.passphrase.tooShort');
  });
  it('accepts a long sentence and rates it stronger than a minimal one', () => {
    const minimal = assessPassphrase('kvelds-sol12');
    const sentence = assessPassphrase('Fire grønne tog kjører sakte forbi 2026');
    expect(minimal.acceptable).toBe(true);
    expect(sentence.acceptable).toBe(true);
    expect(sentence.score).toBeGreaterThanOrEqual(minimal.score);
  });
  it('refuses a long but repetitive passphrase', () => {
    expect(assessPassphrase('aaaaaaaaaaaaaaaaaaaa').problems).toContain('vault.passphrase.repetitive');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(assessPassphrase('æøåæøåæøåæø').problems).toContain('vault.passphrase.tooShort');
    expect(PASSPHRASE_MIN_LENGTH).toBe(12);
  });

  it.each([
    ['Password1234', 'security.passphrase.commonPassword'],
    ['Sommer2026!', 'security.passphrase.commonWord'],
    ['Vinteren2027', 'security.passphrase.commonWord'],
    ['Sommeren2026', 'security.passphrase.commonWord'],
    ['Efteråret2027!', 'security.passphrase.commonWord'],
    ['asdfghjkløæ1', 'security.passphrase.keyboardWalk'],
  ])('refuses the guessable %s with a hint in nb, da and en', (passphrase, hint) => {
    const result = assessPassphrase(passphrase);
    expect(result.acceptable).toBe(false);
    expect(result.problems).toContain('security.passphrase.guessable');
    expect(result.problems).toContain(hint);
    for (const locale of ['nb', 'da', 'en'] as const) {
      for (const key of result.problems) expect(translate(locale, key, { min: 12 })).not.toBe(key);
    }
  });

  it('accepts the sentences people are told to use', () => {
    for (const passphrase of [
      'Et helt annet passord 4711',
      'Mentorordningens eget lange passord',
      'Kari går tur med gule støvler',
    ])
      expect(assessPassphrase(passphrase)).toMatchObject({ acceptable: true, problems: [] });
  });
});

describe('passphrase hints', () => {
  it('names a recent year after a word, the way people date a passphrase', () => {
    // zxcvbn finds "2021" here as a recent year (its only regex), not as a date.
    expect(assessPassphrase('Sommerferie2021').problems).toEqual([
      'security.passphrase.guessable',
      'security.passphrase.commonWord',
      'security.passphrase.yearOrDate',
    ]);
  });

  it('merges letters that differ only in case, and no others: the dotless ı stays apart from i', () => {
    expect(assessPassphrase('abABabABabAB').problems).toContain('vault.passphrase.repetitive');
    // Four letters: a, b, ı and i. Upper case would make ı and i one letter (I) and call this repetitive.
    expect(assessPassphrase('abıiabıiabıi').problems).not.toContain('vault.passphrase.repetitive');
  });

  it('knows the Norwegian and Danish words, names and keyboard walks from a fresh start', async () => {
    // The estimator is built once per process: a fresh import builds it again, as the app does at launch.
    vi.resetModules();
    const fresh = await import('./passphrase-policy');
    expect(fresh.assessPassphrase('Vinteren2027').problems).toContain('security.passphrase.commonWord');
    expect(fresh.assessPassphrase('17.05.1990Ola').problems).toContain('security.passphrase.name');
    expect(fresh.assessPassphrase('asdfghjkløæ1').problems).toContain('security.passphrase.keyboardWalk');
  });
});
