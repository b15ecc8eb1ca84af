import { benchBruteForce } from './brute-force';
import { benchCaseList } from './case-list';
import { benchCrash } from './crash';
import { benchDueList } from './due-list';
import { benchExport } from './export';
import { benchPkcs11 } from './pkcs11';
import { benchSearch } from './search';
import { benchScale } from './scale';
import { benchOverhead } from './overhead';
import { goalReport } from './goals';
import { benchUnlock } from './unlock';
import { benchVerifyChain } from './verify-chain';
import { benchVaultKeys } from './vault-keys';

/**
 * `npm run bench`: runs every benchmark and prints one JSON object of figures on stdout.
 * Progress goes to stderr so the JSON stays machine-readable. Pass names to run only some.
 */
const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  unlock: benchUnlock,
  'brute-force': benchBruteForce,
  crash: benchCrash,
  export: benchExport,
  pkcs11: benchPkcs11,
  'verify-chain': benchVerifyChain,
  'due-list': benchDueList,
  search: benchSearch,
  scale: benchScale,
  overhead: benchOverhead,
  'case-list': benchCaseList,
  'vault-keys': benchVaultKeys,
};

/** Left out of a full run: `scale` measures search at 100 000 entries on its way (one fill, not two). */
const COVERED_BY_OTHERS = new Set(['search']);

const selected = process.argv.slice(2).filter((name) => name in BENCHES);
const names = selected.length > 0 ? selected : Object.keys(BENCHES).filter((name) => !COVERED_BY_OTHERS.has(name));
const figures: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length };
for (const name of names) {
  process.stderr.write(`bench: ${name}…\n`);
  Object.assign(figures, await BENCHES[name]!());
}
figures.goals = goalReport(figures);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
