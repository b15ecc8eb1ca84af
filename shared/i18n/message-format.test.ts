import { describe, expect, it } from 'vitest';
import { formatMessage, messageParams, parseMessage } from './message-format';

const CASES = '{count, plural, one {# sak} other {# saker}}';

describe('message format', () => {
  it('fills plain parameters and leaves a missing one visible', () => {
    expect(formatMessage('nb', 'Sak {reference} av {who}', { reference: 'NO-1' })).toBe('Sak NO-1 av {who}');
  });

  it('chooses the plural branch by the locale’s rules, with # as the number', () => {
    expect(formatMessage('nb', CASES, { count: 1 })).toBe('1 sak');
    expect(formatMessage('nb', CASES, { count: 0 })).toBe('0 saker');
    expect(formatMessage('nb', CASES, { count: 21 })).toBe('21 saker');
    expect(formatMessage('nb', CASES, { count: '1' })).toBe('1 sak');
  });

  it('prefers an exact =N branch, and treats a non-number as "other"', () => {
    const text = '{n, plural, =0 {ingen saker} one {# sak} other {# saker}}';
    expect(formatMessage('nb', text, { n: 0 })).toBe('ingen saker');
    expect(formatMessage('nb', text, { n: 'mange' })).toBe('mange saker');
  });

  it('follows the locale: a fraction is "other" in English and Norwegian, "one" for 1.5 in Danish', () => {
    const hours = '{h, plural, one {# time} other {# timer}}';
    expect(formatMessage('nb', hours, { h: 1.5 })).toBe('1.5 timer');
    expect(formatMessage('da', hours, { h: 1.5 })).toBe('1.5 time');
    expect(formatMessage('en', '{h, plural, one {# hour} other {# hours}}', { h: 1.5 })).toBe('1.5 hours');
  });

  it('fills parameters and nested plurals inside a branch', () => {
    const text =
      '{cases, plural, one {# sak med {docs, plural, one {# dokument} other {# dokumenter}}} other {# saker}} i {place}';
    expect(formatMessage('nb', text, { cases: 1, docs: 3, place: 'Oslo' })).toBe('1 sak med 3 dokumenter i Oslo');
    expect(messageParams(parseMessage(text))).toEqual(['cases', 'docs', 'place']);
  });

  it('leaves # alone outside a plural branch', () => {
    expect(formatMessage('en', 'Issue #{n}', { n: 4 })).toBe('Issue #4');
  });

  it.each([
    '{count, plural, one {# sak}}',
    '{count, plural, one {# sak} other {# saker}',
    '{count, select, a {x} other {y}}',
    '{count, plural, one {a} one {b} other {c}}',
  ])('refuses a malformed message: %s', (text) => {
    expect(() => parseMessage(text)).toThrow(SyntaxError);
    expect(formatMessage('nb', text, { count: 1 })).toBe(text);
  });
});
