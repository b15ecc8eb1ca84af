// Runs Doyensec's Electronegativity over Bro's sources, offline. Its own entry point (`run`) fetches
// translations from S3 and Electron's release list from GitHub before it reports, so this drives the
// same loader-free pipeline (parser → atomic checks → global checks) with the bundled English texts
// and without the one check that needs the network (see accepted-findings.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EXCLUDED_CHECKS } from './accepted-findings';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const require = createRequire(import.meta.url);
const DIST = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist');

const LevelSchema = z.object({ name: z.string(), value: z.number() });

export const FindingSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).partial().optional(),
  severity: LevelSchema,
  confidence: LevelSchema,
  manualReview: z.boolean().optional(),
  description: z.unknown().optional(),
  visibility: z
    .object({ inlineDisabled: z.boolean().optional(), globalCheckDisabled: z.boolean().optional() })
    .optional(),
});
export type Finding = Omit<z.infer<typeof FindingSchema>, 'file'> & {
  /** Relative to the repository root, with forward slashes. */
  file: string;
};

export type ScanResult = { findings: Finding[]; parseErrors: { file: string; message: string }[]; files: string[] };

/** The parts of Electronegativity's CommonJS internals this runner uses. */
type ParserModule = {
  Parser: new (
    babelFirst: boolean,
    typescriptBabelFirst: boolean,
  ) => {
    parse(file: string, content: string): [unknown, unknown, unknown, unknown];
  };
};
type FinderModule = {
  Finder: new (
    custom: string[],
    exclude: string[],
    upgrade: undefined,
  ) => {
    find(
      file: string,
      data: unknown,
      type: unknown,
      content: unknown,
      unused: null,
      electronVersion: string,
    ): Promise<unknown[]>;
  };
  GlobalChecks: new (
    custom: string[],
    exclude: string[],
    upgrade: undefined,
  ) => {
    getResults(issues: unknown[], output: undefined): Promise<unknown[]>;
  };
};
type I18nModule = { configure(options: Record<string, unknown>): void; setLocale(locale: string): void };

/** Check classes read `__()` (a global set by the i18n package) when they are constructed. */
function loadBundledTranslations(): void {
  const i18n: I18nModule = require(require.resolve('i18n', { paths: [DIST] }));
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(DIST, 'locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
}

const SCANNED = /\.(ts|tsx|js|jsx|cjs|mjs|html|htm)$/;
const SKIPPED = /\.(test|spec)\.(ts|tsx)$/;

/** Every scannable file under `dirs` (tests and node_modules left out), plus the given single files. */
export function collectFiles(dirs: string[], singles: string[] = []): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (SCANNED.test(entry.name) && !SKIPPED.test(entry.name)) files.push(path);
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return [...files, ...singles.map((file) => join(ROOT, file))].sort();
}

export function installedElectronVersion(): string {
  const pkg = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')));
  return pkg.version;
}

function toRelative(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

/** Scans `files` (absolute paths) with every Electronegativity check except the excluded ones. */
export async function scan(files: string[], electronVersion: string = installedElectronVersion()): Promise<ScanResult> {
  loadBundledTranslations();
  const { Parser }: ParserModule = require(join(DIST, 'parser'));
  const { Finder, GlobalChecks }: FinderModule = require(join(DIST, 'finder'));
  // As in Electronegativity's runner: global checks are excluded by the global checker only, the rest
  // by the finder (which exits the process on a name it does not know).
  const exclude = EXCLUDED_CHECKS.map((item) => item.check.toLowerCase());
  const parser = new Parser(false, true);
  const globalChecks = new GlobalChecks([], exclude, undefined);
  const finder = new Finder(
    [],
    exclude.filter((name) => !name.includes('globalcheck')),
    undefined,
  );
  const raw: unknown[] = [];
  const parseErrors: ScanResult['parseErrors'] = [];
  for (const file of files) {
    try {
      const [type, data, content] = parser.parse(file, readFileSync(file, 'utf8'));
      if (data === null) continue;
      raw.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (error) {
      parseErrors.push({ file: toRelative(file), message: error instanceof Error ? error.message : String(error) });
    }
  }
  const findings = z
    .array(FindingSchema)
    .parse(await globalChecks.getResults(raw, undefined))
    .filter((finding) => !finding.visibility?.inlineDisabled && !finding.visibility?.globalCheckDisabled)
    .map((finding) => ({ ...finding, file: finding.file === 'N/A' ? finding.file : toRelative(finding.file) }));
  return { findings, parseErrors, files: files.map(toRelative) };
}

/** Electronegativity's severity scale: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3. */
export const MEDIUM = 2;
