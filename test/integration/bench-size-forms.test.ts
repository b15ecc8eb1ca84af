// The size bench says where the vault's bytes go by the form they are stored in: each value counted
// once for its table and once for every index holding a copy, and only values of that form.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesByForm } from '../../bench/size-forms';
import { openInMemory } from '../../main/db/connection';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ACTOR = `user-${ID}`;
const HASH = 'ab'.repeat(32);
const AT = '2026-03-15T10:00:00.000Z';

describe('vault bytes by form', () => {
  it('counts ids, hashes and times with their index copies, and the versions JSON with its deflated share', () => {
    const db = openInMemory();
    db.exec(`
      CREATE TABLE entries (id TEXT PRIMARY KEY, actor TEXT, hash TEXT, at TEXT, note TEXT) STRICT;
      CREATE INDEX entries_at ON entries (at);
      CREATE TABLE pairs (key TEXT PRIMARY KEY, value TEXT) STRICT, WITHOUT ROWID;
      CREATE INDEX pairs_value ON pairs (value);
      CREATE TABLE document_versions (content TEXT NOT NULL) STRICT;`);
    // Only whole values of a form count: an id inside other text, a short hex, a date are not.
    db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?, ?)').run([ID, ACTOR, HASH, AT, `see ${ID}`]);
    db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?, ?)').run(['x', 'y', 'abcd', '2026-03-15', HASH.toUpperCase()]);
    // Without rowid: the key is the table's own copy, and the value's index holds it again.
    db.prepare('INSERT INTO pairs VALUES (?, ?)').run([ID, AT]);
    const content = JSON.stringify({ note: 'Fiktiv tekst '.repeat(20) });
    // More versions than one page the versions are read by.
    const versions = 2_345;
    const insert = db.prepare('INSERT INTO document_versions VALUES (?)');
    for (let i = 0; i < versions; i += 1) insert.run([content]);

    const { perCase, versionJsonDeflated } = bytesByForm(db, 1);
    // entries.id: table and its key's index; actor once; pairs.key: table and pairs_value.
    expect(perCase.text_ids).toBe(36 * 2 + 41 + 36 * 2);
    expect(perCase.hex_hashes).toBe(64);
    // entries.at: table and entries_at; pairs.value: table and pairs_value.
    expect(perCase.iso_times).toBe(24 * 2 + 24 * 2);
    expect(perCase.version_json).toBe(content.length * versions);
    const share = deflateRawSync(Buffer.from(content)).length / content.length;
    // The same share over every version: none read twice, none left out.
    expect(versionJsonDeflated).toBeCloseTo(share, 3);
    expect(versionJsonDeflated).toBeLessThan(0.5);
    db.close();
  });
});
