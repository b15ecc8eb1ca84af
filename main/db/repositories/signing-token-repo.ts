import type { Db } from '../connection';

/**
 * Which PKCS#11 token key the unit signs with (module path, token, key, certificate file), as JSON
 * in the meta table. No secret: the PIN is asked at each signing and never stored anywhere.
 */
const KEY = 'signing_token';

export function readSigningTokenJson(db: Db): string | null {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?', { pluck: true }).get([KEY]);
  return typeof value === 'string' ? value : null;
}

export function writeSigningTokenJson(db: Db, json: string | null): void {
  if (json === null) db.prepare('DELETE FROM meta WHERE key = ?').run([KEY]);
  else db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run([KEY, json]);
}
