import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/demo/prng';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

beforeAll(async () => {
  s = await apps.make('NO');
});
afterAll(() => apps.cleanup());

/** The index row an object's key names (search_keys). */
const keyOf = (app: ServiceApp, objectId: string) =>
  app.app.session
    .current()
    .db.prepare('SELECT entry_rowid FROM search_keys WHERE object_id = ?', { pluck: true })
    .get([objectId]);

/** An observation in the case whose "seen or heard" says `text`, saved: its document id. */
async function observationSaying(app: ServiceApp, caseId: string, text: string): Promise<string> {
  const obs = await app.call('documents.create', { caseId, kind: 'observation', grading: { level: 'UGRADERT' } });
  if (obs.data.kind !== 'observation') throw new Error('not an observation');
  await app.call('documents.save', { id: obs.document.id, content: { ...obs.data.content, seenOrHeard: text } });
  return obs.document.id;
}

/** A case with this reference (the same fictional person each time): the case. */
const caseWithReference = (app: ServiceApp, caseReference: string) =>
  app.call('cases.create', {
    name: 'Siri Fiktiv',
    caseReference,
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'UGRADERT' },
  });

describe('search service', () => {
  it('answers any typed text, FTS5 operators, quotes and control characters included, never with a query error', async () => {
    const t = await apps.make('NO');
    const kase = await caseWithReference(t, 'KOMPIS-300101');
    await observationSaying(t, kase.id, 'Samtale om "skole" (NEAR arbeid) - e-post 15.03.2026 كَتَبَ 中文 Q\u0307adir');
    const alphabet = [
      '"',
      '""',
      '*',
      '(',
      ')',
      ':',
      '^',
      '-',
      '+',
      '.',
      "'",
      '\\',
      '{',
      '}',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      ' ',
      '\t',
      '\u0000',
      '\u0007',
      'skole',
      'KOMPIS',
      '300101',
      'e',
      'كَتَبَ',
      '中',
      'Q\u0307',
      'å',
      '😀',
    ];
    const random = seededRandom(2026);
    let answered = 0;
    for (let run = 0; run < 300; run += 1) {
      const text = Array.from({ length: random.int(1, 12) }, () => random.pick(alphabet)).join(random.pick(['', ' ']));
      if (text.trim().length === 0) continue;
      const result = await t.call('search.query', { text });
      expect(Array.isArray(result.hits), text).toBe(true);
      await t.call('cases.list', { query: text });
      answered += 1;
    }
    expect(answered).toBeGreaterThan(250);
    // And the words still find what holds them.
    expect((await t.call('search.query', { text: '"skole" (NEAR' })).hits).toHaveLength(1);
  });

  it('takes a typed word the tokenizer splits (a reference, a date) as its parts side by side, in order', async () => {
    const t = await apps.make('NO');
    const wanted = await caseWithReference(t, 'KOMPIS-300001');
    const other = await caseWithReference(t, 'KOMPIS-300002');
    // The reference's parts in another case's text, apart and out of order: not that reference.
    await observationSaying(t, other.id, 'Ringte 300001 ganger om KOMPIS-saken 12.03.2026');
    const noted = await observationSaying(t, wanted.id, 'Samtale 15.03.2026 om e-post til skolen');
    const cases = async (text: string) =>
      new Set((await t.call('search.query', { text })).hits.map((hit) => hit.caseId));
    expect(await cases('KOMPIS-300001')).toEqual(new Set([wanted.id]));
    expect(await cases('kompis-3000')).toEqual(new Set([wanted.id, other.id]));
    expect(await cases('15.03.2026')).toEqual(new Set([wanted.id]));
    expect(await cases('12.03')).toEqual(new Set([other.id]));
    const mail = (await t.call('search.query', { text: 'e-post' })).hits;
    expect(mail.map((hit) => hit.objectId)).toEqual([noted]);
    expect(mail[0]?.snippet).toMatch(/\[e-post\]/);
    // A word is split by the index's own tokenizer: a combining mark it keeps inside a word (a dot above
    // a Q, which has no composed form) stays in the word, and FTS5 gets a quote as text.
    const named = await observationSaying(t, wanted.id, 'Møte med Q\u0307adir-Olsen om "skole"');
    const byName = async (text: string) => (await t.call('search.query', { text })).hits.map((hit) => hit.objectId);
    expect(await byName('q\u0307adir-olsen')).toEqual([named]);
    expect(await byName('"skole" q\u0307adir')).toEqual([named]);
    expect(await byName('adir-Olsen')).toEqual([]);
    // The case list's search box takes the same query.
    expect((await t.call('cases.list', { query: 'KOMPIS-300001' })).rows.map((row) => row.id)).toEqual([wanted.id]);
  });

  it('finds cases and documents by prefix, with snippets, optionally within one case', async () => {
    const a = await s.call('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-700010',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const b = await s.call('cases.create', {
      name: 'Jens Opdigtet',
      caseReference: 'KOMPIS-700011',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const obs = await observationSaying(s, a.id, 'Delte propaganda i luftegården');
    await s.call('documents.create', {
      caseId: b.id,
      kind: 'future_plan',
      content: {
        personResponse: 'accepted',
        plan: 'Utdanning og propagandafri hverdag',
        notes: '',
        grading: { level: 'UGRADERT' },
      },
    });

    const all = await s.call('search.query', { text: 'propag' });
    expect(all.hits).toHaveLength(2);
    const inA = await s.call('search.query', { text: 'propag', caseId: a.id });
    expect(inA.hits).toMatchObject([
      { objectType: 'document', objectId: obs, caseId: a.id, kind: 'observation', title: 'KOMPIS-700010' },
    ]);
    expect(inA.hits[0]?.snippet).toContain('[propaganda]');
    expect((await s.call('search.query', { text: 'opdig' })).hits).toMatchObject([
      { objectType: 'case', objectId: b.id, kind: null },
    ]);
  });

  it('finds a document saved again by its new words only, from the one index row it keeps', async () => {
    const newCase = {
      name: 'Ola Oppdiktet',
      caseReference: 'KOMPIS-700012',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    } as const;
    const kase = await s.call('cases.create', newCase);
    const obs = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'observation',
      grading: { level: 'UGRADERT' },
    });
    if (obs.data.kind !== 'observation') throw new Error('not an observation');
    const db = s.app.session.current().db;
    const row = () => keyOf(s, obs.document.id);
    const rows = () => db.prepare('SELECT count(*) FROM search_index', { pluck: true }).get();
    const save = (seenOrHeard: string) =>
      s.call('documents.save', { id: obs.document.id, content: { ...obs.data.content, seenOrHeard } });
    await save('Snakket om brevduer i kantina');
    const [first, count] = [row(), rows()];
    await save('Snakket om fotball i kantina');
    // The same row id and key (no new row per save), and no row left behind.
    expect([row(), rows()]).toEqual([first, count]);
    expect((await s.call('search.query', { text: 'brevdu' })).hits).toEqual([]);
    const hits = (await s.call('search.query', { text: 'fotbal' })).hits;
    expect(hits).toMatchObject([{ objectType: 'document', objectId: obs.document.id }]);
    expect(hits[0]?.snippet).toContain('[fotball]');
    // The case edited again: the same for its row.
    const caseRow = keyOf(s, kase.id);
    await s.call('cases.update', { ...newCase, id: kase.id, name: 'Ola Diktet' });
    expect(keyOf(s, kase.id)).toBe(caseRow);
    expect((await s.call('search.query', { text: 'oppdik' })).hits).toEqual([]);
    expect((await s.call('search.query', { text: 'dikte' })).hits).toMatchObject([
      { objectType: 'case', objectId: kase.id },
    ]);
    // FTS5's own check of its word lists against the sizes and rows.
    expect(() =>
      db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
  });

  it("saves a document whose index key an insider pointed at another case's row, and both stay findable", async () => {
    const own = await apps.make('NO');
    const make = (name: string, caseReference: string) =>
      own.call('cases.create', {
        name,
        caseReference,
        unit: 'Fiktivby fengsel',
        status: 'fengsel',
        grading: { level: 'UGRADERT' },
      });
    const other = await make('Siri Påfunn', 'KOMPIS-700020');
    const kase = await make('Ivar Oppspinn', 'KOMPIS-700021');
    const obs = await own.call('documents.create', {
      caseId: kase.id,
      kind: 'observation',
      grading: { level: 'UGRADERT' },
    });
    if (obs.data.kind !== 'observation') throw new Error('not an observation');
    const db = own.app.session.current().db;
    db.prepare('UPDATE search_keys SET entry_rowid = ? WHERE object_id = ?').run([
      keyOf(own, other.id) as number,
      obs.document.id,
    ]);
    await own.call('documents.save', {
      id: obs.document.id,
      content: { ...obs.data.content, seenOrHeard: 'Tegnet symboler på veggen' },
    });
    expect((await own.call('search.query', { text: 'påfunn' })).hits).toMatchObject([
      { objectType: 'case', objectId: other.id },
    ]);
    expect((await own.call('search.query', { text: 'symbol' })).hits).toMatchObject([
      { objectType: 'document', objectId: obs.document.id },
    ]);
    expect(keyOf(own, obs.document.id)).not.toBe(keyOf(own, other.id));
  });
});

describe("a case's documents after a change of its reference", () => {
  it('are found and titled by the new reference only, also when another case takes the old one', async () => {
    const own = await apps.make('NO');
    const fields = {
      name: 'Tore Fiktivsen',
      caseReference: 'ALFAREF-1001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel' as const,
      grading: { level: 'UGRADERT' as const },
    };
    const kase = await own.call('cases.create', fields);
    const obs = await observationSaying(own, kase.id, 'Snakket om vaffeljern i kantina');
    await own.call('cases.update', { ...fields, id: kase.id, caseReference: 'BRAVOREF-2002' });
    await own.call('cases.create', { ...fields, name: 'Une Oppdiktet' });
    const hitsOf = async (text: string) => (await own.call('search.query', { text })).hits;
    expect((await hitsOf('vaffeljern')).map((hit) => hit.title)).toEqual(['BRAVOREF-2002']);
    expect((await hitsOf('BRAVOREF')).map((hit) => hit.objectId)).toContain(obs);
    expect((await hitsOf('ALFAREF')).map((hit) => hit.objectId)).not.toContain(obs);
    expect((await own.call('cases.list', { query: 'ALFAREF' })).rows.map((row) => row.name)).toEqual(['Une Oppdiktet']);
  });
});

describe('search over text stored decomposed', () => {
  it('finds text stored decomposed (NFD, as pasted from some systems) by words typed composed, and the reverse', async () => {
    const own = await apps.make('NO');
    const nfd = (text: string) => text.normalize('NFD');
    const kase = await own.call('cases.create', {
      name: nfd('Åsmund Påfunnsen'),
      caseReference: 'KOMPIS-700030',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const obs = await observationSaying(own, kase.id, nfd('Forsøkte å påvirke medinnsatte i verkstedet'));
    const composed = await own.call('cases.create', {
      name: 'Kåre Tenkesen',
      caseReference: 'KOMPIS-700031',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const find = async (text: string) => (await own.call('search.query', { text })).hits;
    expect(await find('påfunnsen')).toMatchObject([{ objectType: 'case', objectId: kase.id }]);
    expect(await find('Åsm')).toMatchObject([{ objectType: 'case', objectId: kase.id }]);
    const inDocument = await find('påvirke verksted');
    expect(inDocument).toMatchObject([{ objectType: 'document', objectId: obs }]);
    expect(inDocument[0]?.snippet.normalize('NFC')).toContain('[påvirke]');
    // Typed decomposed, text stored composed: found as before.
    expect(await find(nfd('kåre'))).toMatchObject([{ objectType: 'case', objectId: composed.id }]);
    // The case list's search box reads the same index.
    expect((await own.call('cases.list', { query: 'påfunn' })).rows.map((row) => row.id)).toEqual([kase.id]);
  });
});
