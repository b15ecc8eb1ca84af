#!/usr/bin/env node
/**
 * Mutation score per folder from Stryker's JSON report (reports/mutation/mutation.json):
 * a table on stdout, then one JSON line `{"mutationScore":{folder:{...}}}`, also written to
 * reports/mutation/score.json. Exits 1 when a folder scores below the goal (85 %, `--min N`).
 * Score = detected (killed + timeout) / (detected + survived + no coverage), as Stryker counts it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');

/** The folders issue 17 asks a score for; the compartment and import services and the due list kept and viewed count as one. */
export const FOLDERS = ['main/signing', 'main/vault', 'main/audit', 'main/backup', 'shared/rules', 'shared/vault'];
const SERVICES = 'main/services (compartment, import, due list kept and viewed)';

export function folderOf(path) {
  const file = path.split('\\').join('/');
  if (file.startsWith('main/services/')) return SERVICES;
  return FOLDERS.find((folder) => file.startsWith(`${folder}/`)) ?? dirname(file);
}

/** Counts each folder's mutants by status and its score; folders without mutants are left out. */
export function scoreByFolder(report, root = ROOT) {
  const folders = {};
  for (const [name, file] of Object.entries(report.files ?? {})) {
    const path = name.startsWith('/') ? relative(root, name) : name;
    const entry = (folders[folderOf(path)] ??= {
      killed: 0,
      timeout: 0,
      survived: 0,
      noCoverage: 0,
      ignored: 0,
      errors: 0,
    });
    for (const mutant of file.mutants ?? []) {
      const status = mutant.status;
      if (status === 'Killed') entry.killed++;
      else if (status === 'Timeout') entry.timeout++;
      else if (status === 'Survived') entry.survived++;
      else if (status === 'NoCoverage') entry.noCoverage++;
      else if (status === 'Ignored') entry.ignored++;
      else entry.errors++;
    }
  }
  for (const entry of Object.values(folders)) {
    const detected = entry.killed + entry.timeout;
    const valid = detected + entry.survived + entry.noCoverage;
    entry.score = valid === 0 ? null : Math.round((detected / valid) * 1000) / 10;
  }
  return folders;
}

function table(folders) {
  const rows = Object.entries(folders).sort(([a], [b]) => a.localeCompare(b));
  const head = ['folder', 'score %', 'killed', 'timeout', 'survived', 'no cover', 'ignored', 'errors'];
  const lines = rows.map(([folder, e]) => [
    folder,
    e.score === null ? '—' : e.score.toFixed(1),
    e.killed,
    e.timeout,
    e.survived,
    e.noCoverage,
    e.ignored,
    e.errors,
  ]);
  const cells = [head, ...lines].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  return cells
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}

function main(argv) {
  const minAt = argv.indexOf('--min');
  const min = minAt >= 0 ? Number(argv[minAt + 1]) : 85;
  let report;
  try {
    report = JSON.parse(readFileSync(REPORT, 'utf8'));
  } catch (error) {
    console.error(
      `No mutation report at ${relative(ROOT, REPORT)} (${error.code ?? error.message}); run npm run mutation.`,
    );
    return 2;
  }
  const folders = scoreByFolder(report);
  console.log(table(folders));
  const json = JSON.stringify({ mutationScore: folders });
  console.log(json);
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(join(dirname(REPORT), 'score.json'), `${json}\n`);
  const low = Object.entries(folders).filter(([, e]) => e.score !== null && e.score < min);
  for (const [folder, e] of low) console.error(`${folder}: ${e.score} % is below the goal of ${min} %`);
  return low.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
