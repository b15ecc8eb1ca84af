import { createHash } from 'node:crypto';
/**
 * What `npm run mutation` mutates, folder by folder, and the tests each folder is measured with.
 * A folder's tests are those that prove its behaviour: the unit tests beside it and the integration
 * tests over real vaults that reach it. Whole-app sweeps (contract, IPC fuzzing, packaging) and tests
 * that spawn the `bro` command are left out: a mutant is active only in the test's own process, and
 * their minute of running would be repeated for every mutant they touch.
 */
const NOT_MUTATED = ['!**/*.test.ts', '!**/test-fixtures.ts', '!main/signing/index.ts', '!shared/rules/index.ts'];

/** The tests of keeping the due list: the store and its guards one by one, and the keeper over real vaults. */
const DUE_LIST_KEEPING_TESTS = [
  'test/integration/due-list-store.test.ts',
  'test/integration/due-list-store-guards.test.ts',
  'test/integration/due-list-keeping.test.ts',
];

export const MUTATION_FOLDERS = {
  // rules-report.test.ts holds every quote of rule-quotes.ts against the source texts.
  'shared/rules': {
    mutate: ['shared/rules/**/*.ts'],
    tests: ['shared/rules/**/*.test.ts', 'build/rules-report.test.ts'],
  },
  'shared/vault': { mutate: ['shared/vault/**/*.ts'], tests: ['shared/vault/**/*.test.ts'] },
  'main/signing': { mutate: ['main/signing/**/*.ts'], tests: ['main/signing/**/*.test.ts'] },
  'main/audit': {
    mutate: ['main/audit/**/*.ts'],
    tests: [
      'main/audit/**/*.test.ts',
      'test/integration/audit-*.test.ts',
      'test/integration/storage.test.ts',
      'test/integration/migration-audit-anchor.test.ts',
    ],
  },
  'main/vault': {
    mutate: ['main/vault/**/*.ts'],
    tests: [
      'main/vault/**/*.test.ts',
      'test/integration/vault*.test.ts',
      'test/integration/brute-force.test.ts',
      'test/integration/compartment-*.test.ts',
      'test/integration/mentor-compartment.test.ts',
    ],
  },
  'main/backup': {
    mutate: ['main/backup/**/*.ts'],
    tests: ['main/backup/**/*.test.ts', 'test/integration/backup*.test.ts'],
  },
  // The kept due list is read back from a value an insider can edit: its codec and the list's order
  // are measured with their own tests and the due-list tests over real vaults. The home screen's view
  // of the list (due-view.ts, pure) with its own tests and the app's due.view, and due.view itself
  // (due-view-service.ts: the rows kept per vault and day, the filters, the page's details). The field
  // by field change summaries (document-diff.ts), which tell KDI what changed.
  // How case references are matched (reference-key.ts): creating and editing a case, the import's lookup
  // by current and former reference, the purge and the received documents' list.
  'main/db/repositories/reference-key.ts': {
    mutate: ['main/db/repositories/reference-key.ts'],
    tests: [
      'test/integration/cases-service.test.ts',
      'test/integration/purge-received.test.ts',
      'test/integration/received-purge.test.ts',
    ],
  },
  // Which cases a due read covers (case-filter.ts): the whole vault, one case, or a span of case ids
  // the keeper works out a step at a time; a span that drops or doubles a case changes the kept list.
  'main/db/repositories/case-filter.ts': {
    mutate: ['main/db/repositories/case-filter.ts'],
    tests: [
      'test/integration/due-list-keeping.test.ts',
      'test/integration/due-list-store.test.ts',
      'test/integration/due-facts.test.ts',
    ],
  },
  // Keeping the due list in the vault (due-list-store.ts): a list read back from a value an insider can
  // edit, and refused where it no longer covers what is asked. When it is kept and checked
  // (due-list-keep.ts) is measured as a file of main/services, with the same tests.
  'main/services/due-list-store.ts': {
    mutate: ['main/services/due-list-store.ts'],
    tests: DUE_LIST_KEEPING_TESTS,
  },
  // The order of references, units and the contact register (nordic-order.ts), in JavaScript and SQL.
  'shared/domain/nordic-order.ts': {
    mutate: ['shared/domain/nordic-order.ts'],
    tests: [
      'shared/domain/nordic-order.test.ts',
      'main/db/repositories/nordic-order-sql.test.ts',
      'test/integration/cases-service.test.ts',
      'test/integration/records-service.test.ts',
    ],
  },
  // What a typed search becomes (search-text.ts): the query that reaches FTS5, and the words indexed.
  'main/db/repositories/search-text.ts': {
    mutate: ['main/db/repositories/search-text.ts'],
    tests: [
      'main/db/repositories/search-text.test.ts',
      'test/integration/storage.test.ts',
      'test/integration/search-service.test.ts',
    ],
  },
  'main/services': {
    mutate: [
      'main/services/compartment-service.ts',
      'main/services/import-*.ts',
      'main/services/due-list-kept-codec.ts',
      'main/services/due-list-order.ts',
      'main/services/due-list-runs.ts',
      'main/services/due-view.ts',
      'main/services/due-view-service.ts',
      'main/services/document-diff.ts',
      'main/services/record-purge-service.ts',
    ],
    tests: [
      // The change summaries (changes since the version sent to KDI, between two versions).
      'main/services/document-diff.test.ts',
      'test/integration/distribution-service.test.ts',
      'main/services/due-view.test.ts',
      'test/integration/due-view.test.ts',
      'test/integration/due-warm.test.ts',
      'main/services/due-list-order.test.ts',
      'main/services/due-list-runs.test.ts',
      'main/services/due-list-kept-codec.test.ts',
      ...DUE_LIST_KEEPING_TESTS,
      'main/services/import-*.test.ts',
      'test/integration/compartment-*.test.ts',
      'test/integration/mentor-compartment.test.ts',
      'test/integration/verify-import.test.ts',
      'test/integration/import-*.test.ts',
      'test/integration/export.test.ts',
      // import.file with progress reported (the app's path): the channel's other branch.
      'test/integration/progress.test.ts',
      // Deleted mentor records and register entries, listed and purged.
      'test/integration/record-purge.test.ts',
    ],
  },
};

/**
 * Stryker's mutate globs for a folder key, or for a path inside one (a file or a sub-folder), or for
 * several files of one folder separated by commas (one Stryker run, one first unmutated run).
 */
export function mutationTarget(target) {
  const paths = target.split(',').map((path) => path.trim().replace(/\/+$/, ''));
  if (paths.length > 1) {
    const each = paths.map((path) => (path.endsWith('.ts') ? mutationTarget(path) : null));
    const folder = each[0]?.folder;
    if (!folder || each.some((one) => one?.folder !== folder)) return null;
    return { folder, mutate: [...paths, ...NOT_MUTATED], tests: MUTATION_FOLDERS[folder].tests };
  }
  const clean = paths[0];
  const folder = Object.keys(MUTATION_FOLDERS).find((key) => clean === key || clean.startsWith(`${key}/`));
  if (!folder) return null;
  const { mutate, tests } = MUTATION_FOLDERS[folder];
  const globs = clean === folder ? mutate : [clean.endsWith('.ts') ? clean : `${clean}/**/*.ts`];
  return { folder, mutate: [...globs, ...NOT_MUTATED], tests };
}

/** A file-name-safe name for a target; a list of files is named by its first and a digest of all. */
export function slug(target) {
  const name = target.replace(/[^A-Za-z0-9]+/g, '-');
  if (!target.includes(',')) return name;
  const digest = createHash('sha256').update(target).digest('hex').slice(0, 8);
  return `${slug(target.split(',')[0])}-and-${target.split(',').length - 1}-more-${digest}`;
}
