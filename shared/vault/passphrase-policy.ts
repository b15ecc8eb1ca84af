/**
 * Minimum passphrase rules and a strength hint, shared by the create screen (live hint) and the vault
 * (enforcement). The KDF makes each guess slow; length is what makes the search space large.
 */
export const PASSPHRASE_MIN_LENGTH = 12;

export interface PassphraseAssessment {
  acceptable: boolean;
  /** 0 (very weak) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Message keys (area "vault") explaining what is missing. */
  problems: string[];
}

function characterClasses(text: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}\s]/u, /\s/u];
  return classes.filter((pattern) => pattern.test(text)).length;
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

  const classes = characterClasses(passphrase);
  let score = 0;
  if (length >= PASSPHRASE_MIN_LENGTH) score += 1;
  if (length >= 16) score += 1;
  if (length >= 24) score += 1;
  if (classes >= 3) score += 1;
  if (isRepetitive(passphrase)) score = Math.min(score, 1);
  return {
    acceptable: problems.length === 0,
    score: Math.min(score, 4) as PassphraseAssessment['score'],
    problems,
  };
}
