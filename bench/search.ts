import type { Db } from '../main/db/connection';
import { search } from '../main/db/repositories/search-repo';
import { vocabulary } from '../main/demo/fictional-words';
import { seededRandom } from '../main/demo/prng';
import { benchVault } from './demo-vault';
import { median, percentile, round, timeMs } from './stats';

const TARGET_ENTRIES = 100_000;

/** Word beginnings a coordinator types while the list narrows. */
const PREFIXES = [
  'bekym',
  'radikal',
  'ekstrem',
  'oppfølg',
  'løslat',
  'mentor',
  'kommun',
  'politi',
  'skole',
  'bolig',
  'utgang',
  'progresj',
  'samtal',
  'infoflyt',
  'symbol',
  'propaganda',
  'sikkerh',
  'kontroll',
];
/** Whole words, many with æ, ø, å. */
const WORDS = [
  'støtte',
  'løslatelse',
  'påvirke',
  'særlig',
  'sårbarhetsfaktorer',
  'høyere',
  'møteplikt',
  'friomsorgskontoret',
  'tiltak',
  'Prøvesen',
  'Påfunnsen',
  'Åse',
  'gjennomgå',
  'fiende',
  'hverdagsmestring',
];
/** Two words together. */
const PAIRS = [
  'voldelig ekstremisme',
  'Fiktivby fengsel',
  'skole samtaler',
  'bolig arbeid',
  'post besøk',
  'politiet PST',
  'oppfølgingsplan kommune',
  'høy sikkerhet',
  'Testvik avdeling',
  'lufting uttalte',
];

export const QUERY_SORTS = ['prefix', 'word', 'pair', 'name', 'reference'] as const;

/** 200 queries of five sorts in turn (QUERY_SORTS), the same every run. */
export function benchQueries(count = 200): string[] {
  const random = seededRandom(4711);
  const words = vocabulary('NO');
  const sorts = [
    () => random.pick(PREFIXES),
    () => random.pick(WORDS),
    () => random.pick(PAIRS),
    () => `${random.pick(words.firstNames)} ${random.pick(words.surnames).slice(0, random.int(3, 8))}`,
    () => `${words.referencePrefix}-${String(random.int(1, 13_000)).padStart(5, '0')}`,
  ];
  return Array.from({ length: count }, (_, i) => (sorts[i % sorts.length] as () => string)());
}

const entries = (db: Db) => db.prepare('SELECT count(*) FROM search_index', { pluck: true }).get() as number;

/**
 * Full-text search over a vault with 100 000 index entries (cases and documents, from the demo
 * generator): p95 of 200 realistic queries, each returning the first 50 hits as the search box does.
 */
export async function benchSearch(options: { entries?: number } = {}): Promise<Record<string, unknown>> {
  const target = options.entries ?? TARGET_ENTRIES;
  // About 7.4 entries per NO demo case; top up in small runs until the target is reached.
  const vault = await benchVault({
    profile: 'NO',
    cases: Math.floor(target / 7.6),
    until: (db) => entries(db) >= target,
    step: 200,
    label: 'search',
  });
  try {
    const queries = benchQueries();
    for (const query of queries.slice(0, 20)) search(vault.db, query, { limit: 50 });
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const { ms, value } = await timeMs(() => search(vault.db, query, { limit: 50 }));
      times.push(ms);
      hits += value.length;
    }
    return {
      search_p95_ms: round(percentile(times, 95)),
      search_median_ms: round(median(times)),
      search_entries: entries(vault.db),
      search_queries: queries.length,
      search_mean_hits: round(hits / queries.length),
      search_p95_ms_by_sort: Object.fromEntries(
        QUERY_SORTS.map((sort, i) => [
          sort,
          round(
            percentile(
              times.filter((_, n) => n % QUERY_SORTS.length === i),
              95,
            ),
          ),
        ]),
      ),
      search_fill_s: vault.fillSeconds,
    };
  } finally {
    vault.dispose();
  }
}
