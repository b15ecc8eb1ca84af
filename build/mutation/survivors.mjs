#!/usr/bin/env node
/**
 * The mutants a test should still kill: `node build/mutation/survivors.mjs [path-prefix ...]` lists
 * each survived or uncovered mutant of reports/mutation/mutation.json (only files under the given
 * prefixes, if any) as `file:line:column  mutator  original → replacement`, for review one by one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
const LIVE = new Set(['Survived', 'NoCoverage']);

const oneLine = (text, width = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

/** The live mutants of a report, in file and line order. */
export function survivors(report, prefixes = [], root = ROOT) {
  const out = [];
  for (const [name, file] of Object.entries(report.files ?? {})) {
    const path = name.startsWith('/') ? relative(root, name) : name;
    if (prefixes.length && !prefixes.some((prefix) => path.startsWith(prefix))) continue;
    const lines = file.source.split('\n');
    for (const mutant of file.mutants ?? []) {
      if (!LIVE.has(mutant.status)) continue;
      const { start, end } = mutant.location;
      const original =
        start.line === end.line
          ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
          : [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1)].join(' ');
      out.push({ path, line: start.line, column: start.column, mutant, original });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}

function main(argv) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  const live = survivors(report, argv);
  for (const { path, line, column, mutant, original } of live) {
    const status = mutant.status === 'NoCoverage' ? ' (no coverage)' : '';
    console.log(
      `${path}:${line}:${column}  ${mutant.mutatorName}${status}\n    ${oneLine(original)}\n  → ${oneLine(mutant.replacement ?? '')}`,
    );
  }
  console.log(`${live.length} live mutant(s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
