// Writes a table of every rule and due item: id, profile, severity, citation or Bro's practice with its
// reason, the sentence of the source text it rests on, and the tests that name it. Markdown to stdout,
// or to a file with --out <path>. Run: npm run rules:report [-- --out build/rules-report.md]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile } from '../shared/domain';
import { translate } from '../shared/i18n/translate';
import { DUE_DEFINITIONS, RULE_SETS, type Citation, type Severity } from '../shared/rules';
import { RULE_QUOTES } from '../shared/rules/rule-quotes';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_DIRS = ['shared', 'main', 'renderer', 'test', 'build'];

export interface ReportRow {
  id: string;
  profiles: Profile[];
  severity: Severity | 'due';
  citation: Citation;
  quote?: string;
  tests: string[];
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : testFiles(path);
    return /\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Test files that name the rule id (or due kind) as a string: the tests that assert on it. */
function coveringTests(names: readonly string[], files: readonly { path: string; text: string }[]): string[] {
  return files
    .filter((file) => names.some((name) => file.text.includes(`'${name}'`) || file.text.includes(`"${name}"`)))
    .map((file) => relative(ROOT, file.path))
    .sort();
}

/** Every rule of both profiles (a common rule once, with both profiles) and every due-item kind. */
export function reportRows(): ReportRow[] {
  const files = TEST_DIRS.flatMap((d) => testFiles(join(ROOT, d))).map((path) => ({
    path,
    text: readFileSync(path, 'utf8'),
  }));
  const rows = new Map<string, ReportRow>();
  for (const profile of ['NO', 'DK'] as const) {
    for (const rule of RULE_SETS[profile]) {
      const row = rows.get(rule.id);
      if (row) row.profiles.push(profile);
      else
        rows.set(rule.id, {
          id: rule.id,
          profiles: [profile],
          severity: rule.severity,
          citation: rule.citation,
          quote: RULE_QUOTES[rule.id],
          tests: coveringTests([rule.id], files),
        });
    }
  }
  for (const due of DUE_DEFINITIONS) {
    const id = `due.${due.kind}`;
    rows.set(id, {
      id,
      profiles: [due.profile],
      severity: 'due',
      citation: due.citation,
      quote: RULE_QUOTES[id],
      tests: coveringTests([due.kind, id], files),
    });
  }
  return [...rows.values()];
}

function basis(citation: Citation): string {
  if (citation.source !== 'local') return citation.text;
  const reading = citation.localPractice.reading ? ` (reads ${citation.localPractice.reading})` : '';
  return `local practice${reading}: ${translate('en', citation.localPractice.reasonKey)}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(rows: readonly ReportRow[]): string {
  const lines = [
    '# Bro rules report',
    '',
    "Every rule and due item, the provision it cites or Bro's practice with its reason, the sentence of",
    '`../shared/seeds/` it rests on, and the test files that name it. Severity: "skal" blocks, "bør" warns —',
    `that reading is itself Bro's practice (${translate('en', 'rules.local.severity')}).`,
    '',
    '| Rule | Profile | Severity | Citation or local practice | Source sentence | Tests |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const quote = row.quote ? `«${row.quote}»` : '—';
    const tests = row.tests.length > 0 ? row.tests.join('<br>') : '**none**';
    lines.push(
      `| \`${row.id}\` | ${row.profiles.join(', ')} | ${row.severity} | ${cell(basis(row.citation))} | ${cell(quote)} | ${tests} |`,
    );
  }
  const untested = rows.filter((r) => r.tests.length === 0).length;
  lines.push('', `${rows.length} rules and due items; ${untested} named by no test file.`, '');
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const markdown = reportMarkdown(reportRows());
  const at = process.argv.indexOf('--out');
  const out = at >= 0 ? process.argv[at + 1] : undefined;
  if (out) writeFileSync(out, markdown);
  else process.stdout.write(markdown);
}
