import { describe, expect, it } from 'vitest';
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
    expect(sentence.score).toBeGreaterThan(minimal.score);
  });
  it('refuses a long but repetitive passphrase', () => {
    expect(assessPassphrase('aaaaaaaaaaaaaaaaaaaa').problems).toContain('vault.passphrase.repetitive');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(assessPassphrase('æøåæøåæøåæø').problems).toContain('vault.passphrase.tooShort');
    expect(PASSPHRASE_MIN_LENGTH).toBe(12);
  });
});
