import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import lists from './passphrase-dictionaries.json' with { type: 'json' };

/**
 * Minimum passphrase rules and a strength hint, shared by the create screen (live hint) and the vault
 * (enforcement), so both always agree. Strength is zxcvbn's estimate of guesses, with Norwegian and
 * Danish words, names, seasons and keyboard walks (build/passphrase-dictionaries.mjs) beside the most
 * common passwords: `Password1234` or `Vinteren2027` are long enough but guessed at once.
 */
export const PASSPHRASE_MIN_LENGTH = 12;
/** zxcvbn score 3: about 10^10 guesses, on top of a memory-hard KDF per guess. */
const MIN_SCORE = 3;

export interface PassphraseAssessment {
  acceptable: boolean;
  /** 0 (very weak) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Message keys (areas "vault" and "security") explaining what is missing, each with a hint. */
  problems: string[];
}

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: ranking the word lists takes a few milliseconds, not at import. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: {
      passwords: lists.passwords,
      nb: lists.nb,
      da: lists.da,
      names: lists.names,
      walks: lists.walks,
    },
    graphs: lists.graphs,
  });
  return estimator;
}

/**
 * A year found by zxcvbn's regex matcher (only regex matches carry a regexName). A function declaration,
 * not a constant: Stryker switches a mutant of a constant's initialiser only when the module loads.
 */
function isRecentYear(match: MatchExtended): boolean {
  return match.regexName === 'recentYear';
}

/** What the weak parts of a guessable passphrase are, as hint keys (first the most telling). */
function hintsFor(sequence: MatchExtended[]): string[] {
  const hints = new Set<string>();
  for (const match of sequence) {
    if (match.pattern === 'dictionary') {
      const name = String(match.dictionaryName);
      if (name === 'passwords') hints.add('security.passphrase.commonPassword');
      else if (name === 'names') hints.add('security.passphrase.name');
      else if (name === 'walks') hints.add('security.passphrase.keyboardWalk');
      else hints.add('security.passphrase.commonWord');
    } else if (match.pattern === 'spatial') hints.add('security.passphrase.keyboardWalk');
    else if (match.pattern === 'date' || isRecentYear(match)) hints.add('security.passphrase.yearOrDate');
    else if (match.pattern === 'sequence') hints.add('security.passphrase.sequence');
  }
  return [...hints];
}

function isRepetitive(text: string): boolean {
  const distinct = new Set([...text.toLowerCase()]).size;
  return distinct <= Math.max(3, Math.floor(text.length / 4));
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const length = [...passphrase].length;
  const problems: string[] = [];
  if (length < PASSPHRASE_MIN_LENGTH) problems.push('vault.passphrase.tooShort');
  if (passphrase.trim() !== passphrase) problems.push('vault.passphrase.edgeSpaces');
  if (length > 0 && isRepetitive(passphrase)) problems.push('vault.passphrase.repetitive');
  if (length === 0) return { acceptable: false, score: 0, problems };

  const result = zxcvbn().check(passphrase.normalize('NFC'));
  let score = result.score;
  if (score < MIN_SCORE && !problems.includes('vault.passphrase.repetitive')) {
    problems.push('security.passphrase.guessable', ...hintsFor(result.sequence));
  }
  if (problems.length > 0) score = Math.min(score, 2) as PassphraseAssessment['score'];
  return { acceptable: problems.length === 0, score, problems };
}
