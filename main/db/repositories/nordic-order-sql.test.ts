// The SQL form of the Nordic order key must give the very key the JavaScript form gives: the case list
// sorts in SQL (through the index of migrations 0028 and 0029), the unit filter and the contact register do too or in
// JavaScript, and a list must not change order with where it was sorted.
import { afterAll, describe, expect, it } from 'vitest';
import { nordicOrderKey, nordicOrderSql } from '../../../shared/domain/nordic-order';
import { openInMemory } from '../connection';
import { loadMigrations } from '../migrate';

const db = openInMemory();
afterAll(() => db.close());
const sqlKey = db.prepare(`SELECT ${nordicOrderSql('?')}`, { pluck: true });

/** A fixed pseudo-random text over letters that matter here, ASCII, combining marks and astral characters. */
function texts(count: number): string[] {
  const alphabet = [...'aAzZæÆøØåÅäÄöÖüÜéÉèÈ-_ 09\u030a\u0308\u0301\u0300\u007f', 'ß', 'ŋ', '𝔄', 'ä'.normalize('NFD')];
  let seed = 4711;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + (next() % 8) }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('the Nordic order key in SQL', () => {
  it('equals the JavaScript key for names, references and random texts', () => {
    const corpus = [
      'Aalborg',
      'aAa',
      'Åna fengsel',
      'ÅLESUND-ØST-7'.normalize('NFD'),
      'Ærø',
      'kompis-200001',
      '',
      ...texts(2000),
    ];
    for (const text of corpus) expect([text, sqlKey.get([text])]).toEqual([text, nordicOrderKey(text)]);
  });

  it('is written in the newest migration that makes the case list index exactly as the query writes it', () => {
    const making = loadMigrations().filter((m) => m.sql.includes('CREATE INDEX cases_reference_order'));
    expect(making.map((m) => m.version)).toEqual([28, 29]);
    expect(making.at(-1)?.sql).toContain(`(${nordicOrderSql('reference')}, reference, id)`);
  });
});
