import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked on every source file (the lint rules say the same; this test cannot be
 * switched off with a comment):
 * - shared/ imports only shared/ and packages: no Node built-in, no electron, nothing from main/ or renderer/;
 * - renderer/ imports only renderer/, shared/ and packages: no Node built-in, no electron, nothing from main/;
 * - only main/app/ imports electron (or electron-store, which is electron).
 * Tests and build configs inside shared/ and renderer/ run in Node, so they may use built-ins (and
 * test/ helpers), but never main/ or electron. Launchers (build/start.mjs, test/electron/) need the
 * `electron` npm package only for the path of the binary they start.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED_ROOTS = ['main', 'shared', 'renderer', 'test', 'bench', 'build'];
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'test-results', 'schemas', 'coverage']);
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const NODE_ONLY_FILE = /(\.test\.(ts|tsx)|\.config\.(ts|js|mjs))$/;
const ELECTRON_LAUNCHERS = ['build/start.mjs', 'test/electron/'];
const BUILTINS = new Set(builtinModules);

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Every module specifier in a file: static and type imports, re-exports, import(), require(). */
function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((ref) => ref.fileName);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

function isElectron(specifier: string): boolean {
  return /^electron(\/|$)/.test(specifier) || specifier === 'electron-store';
}

/** Where a relative specifier points, as a repo-relative posix path; null for packages. */
function target(file: string, specifier: string): string | null {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : null;
}

const inFolder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

function layerRule(file: string, specifier: string): string | null {
  const layer = inFolder(file, 'shared') ? 'shared' : inFolder(file, 'renderer') ? 'renderer' : null;
  if (layer === null) return null;
  const nodeOnly = NODE_ONLY_FILE.test(file);
  if (isBuiltin(specifier) && !nodeOnly) return `${layer}/ may not import Node built-ins`;
  const to = target(file, specifier);
  if (to === null) return null;
  const allowed = [layer, 'shared', ...(nodeOnly ? ['test'] : [])];
  return allowed.some((folder) => inFolder(to, folder)) ? null : `${layer}/ may not import from ${to.split('/')[0]}/`;
}

/** The boundary violations in one file, given its repo-relative path and its text. */
function checkImports(file: string, source: string): Violation[] {
  const violations: Violation[] = [];
  const mayUseElectron =
    inFolder(file, 'main/app') || ELECTRON_LAUNCHERS.some((launcher) => file === launcher || file.startsWith(launcher));
  for (const specifier of specifiersOf(source)) {
    if (isElectron(specifier) && !mayUseElectron) {
      violations.push({ file, specifier, rule: 'only main/app/ may import electron' });
      continue;
    }
    const rule = layerRule(file, specifier);
    if (rule) violations.push({ file, specifier, rule });
  }
  return violations;
}

function sourceFiles(dir: string, relativeDir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(join(dir, entry.name), rel);
    return entry.isFile() && SOURCE_FILE.test(entry.name) ? [rel] : [];
  });
}

function repoSourceFiles(): string[] {
  const topLevel = readdirSync(REPO_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => entry.name);
  const nested = SCANNED_ROOTS.flatMap((root) => {
    try {
      return sourceFiles(join(REPO_ROOT, root), root);
    } catch {
      return [];
    }
  });
  return [...topLevel, ...nested];
}

describe('import boundaries', () => {
  it('holds for every source file in the repository', () => {
    const files = repoSourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((file) => checkImports(file, readFileSync(join(REPO_ROOT, file), 'utf8')));
    const listing = violations.map((v) => `${v.file}: '${v.specifier}' (${v.rule})`).join('\n');
    expect(violations, `import boundary violations:\n${listing}`).toEqual([]);
  });

  it('catches planted violations in shared/', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { readFile } from 'fs/promises';",
      "import type { Router } from '../../main/ipc/router';",
      "export { Shell } from '../../renderer/app/shell';",
      "import { z } from 'zod';",
      "import { LocaleSchema } from '../domain/profile';",
    ].join('\n');
    expect(checkImports('shared/ipc/planted.ts', source).map((v) => [v.specifier, v.rule])).toEqual([
      ['node:fs', 'shared/ may not import Node built-ins'],
      ['path', 'shared/ may not import Node built-ins'],
      ['fs/promises', 'shared/ may not import Node built-ins'],
      ['../../main/ipc/router', 'shared/ may not import from main/'],
      ['../../renderer/app/shell', 'shared/ may not import from renderer/'],
    ]);
  });

  it('catches planted violations in renderer/ and tells main/ from renderer/main.tsx and shared/domain', () => {
    const source = [
      "import { createApp } from '../../main/services/registry';",
      "import { something } from '../main';",
      "import type { Profile } from '../../shared/domain/profile';",
      "const os = await import('os');",
    ].join('\n');
    expect(checkImports('renderer/app/planted.tsx', source).map((v) => v.specifier)).toEqual([
      '../../main/services/registry',
      'os',
    ]);
  });

  it('catches electron outside main/app/ in every form, and ignores it in comments and strings', () => {
    const source = [
      "import { app } from 'electron';",
      "import type { Session } from 'electron';",
      "import Store from 'electron-store';",
      "const { ipcRenderer } = require('electron/renderer');",
      "const lazy = () => import('electron');",
      "// import { shell } from 'electron';",
      'const note = "import { dialog } from \'electron\'";',
    ].join('\n');
    const found = checkImports('main/services/planted.ts', source);
    expect(found.map((v) => v.specifier)).toEqual([
      'electron',
      'electron',
      'electron-store',
      'electron/renderer',
      'electron',
    ]);
    expect(new Set(found.map((v) => v.rule))).toEqual(new Set(['only main/app/ may import electron']));
    expect(checkImports('main/app/planted.ts', source)).toEqual([]);
  });

  it('lets tests and configs in shared/ and renderer/ use Node built-ins and test helpers, but not main/', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import { tempDirs } from '../../test/support/temp-dir';",
      "import { createApp } from '../../main/services/registry';",
    ].join('\n');
    expect(checkImports('shared/i18n/planted.test.ts', source).map((v) => v.specifier)).toEqual([
      '../../main/services/registry',
    ]);
    expect(checkImports('renderer/vite.config.ts', "import { fileURLToPath } from 'node:url';")).toEqual([]);
  });
});

/** The renderer feature a repo-relative path belongs to, or null outside renderer/features/. */
function featureOf(path: string): string | null {
  const match = /^renderer\/features\/([^/]+)\//.exec(path);
  return match ? (match[1] ?? null) : null;
}

/** Feature → the other features it imports from (tests included: they are part of the feature). */
function featureGraph(files: { path: string; text: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const from = featureOf(path);
    if (from === null) continue;
    // Style sheets are bundled as one; only code imports can form a cycle.
    for (const specifier of specifiersOf(text).filter((spec) => !spec.endsWith('.css'))) {
      const to = featureOf(target(path, specifier) ?? '');
      if (to !== null && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle's features, as sorted lists (strongly connected components with more than one feature). */
function featureCycles(graph: Map<string, Set<string>>): string[][] {
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    return seen;
  };
  const reached = new Map([...graph.keys()].map((feature) => [feature, reach(feature)]));
  const cycles = new Map<string, string[]>();
  for (const [feature, from] of reached) {
    const together = [
      feature,
      ...[...from].filter((other) => other !== feature && reached.get(other)?.has(feature)),
    ].sort();
    if (together.length > 1) cycles.set(together.join(','), together);
  }
  return [...cycles.values()];
}

/** Commands under main/cli reach the vault through services, never repositories (one implementation each). */
function cliRepositoryImports(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) =>
    inFolder(path, 'main/cli')
      ? specifiersOf(text)
          .filter((specifier) => inFolder(target(path, specifier) ?? '', 'main/db/repositories'))
          .map((specifier) => `${path}: '${specifier}'`)
      : [],
  );
}

describe('feature and command boundaries', () => {
  const files = () => repoSourceFiles().map((path) => ({ path, text: readFileSync(join(REPO_ROOT, path), 'utf8') }));

  it('no renderer features import each other in a cycle', () => {
    expect(featureCycles(featureGraph(files()))).toEqual([]);
  });

  it('finds a planted cycle between two features, through a nested folder', () => {
    const planted = [
      { path: 'renderer/features/a/a.tsx', text: "import { B } from '../b/b';" },
      { path: 'renderer/features/b/deep/b.tsx', text: "import { A } from '../../a/a';" },
      { path: 'renderer/features/c/c.tsx', text: "import { A } from '../a/a';" },
    ];
    expect(featureCycles(featureGraph(planted))).toEqual([['a', 'b']]);
  });

  it('no command under main/cli imports a repository', () => {
    expect(cliRepositoryImports(files())).toEqual([]);
  });

  it('finds a planted repository import under main/cli', () => {
    const planted = [
      { path: 'main/cli/commands/x.ts', text: "import { listCases } from '../../db/repositories/cases-repo';" },
      { path: 'main/services/y.ts', text: "import { listCases } from '../db/repositories/cases-repo';" },
    ];
    expect(cliRepositoryImports(planted)).toEqual(["main/cli/commands/x.ts: '../../db/repositories/cases-repo'"]);
  });
});

/** Tests and what only they use: *.test.* files and everything under test/. */
const isTestFile = (path: string) => /\.test\.(ts|tsx)$/.test(path) || inFolder(path, 'test');
const TEST_ONLY_NAME = /(^|\/)(fixtures?|testing|test-fixtures|test-support)(\/|\.ts$)|(^|\/)test-[^/]*\.ts$/;
/** Started by Electron or the bundler, not imported (tests may read or start them). */
const ENTRY_POINTS = new Set(['main/app/main.ts', 'main/app/preload.ts']);
/** Production code that only tests reach today, with why it stays under main/. */
const NOT_YET_WIRED: Readonly<Record<string, string>> = {
  'main/services/due-facts-check.ts': 'the due-facts check and repair meant for `bro vault check`, not wired yet',
};

/** The repo file a relative specifier resolves to, if it is one of `known`. */
function resolveIn(known: Set<string>, from: string, specifier: string): string | null {
  const to = target(from, specifier);
  if (to === null) return null;
  const candidates = [to, `${to}.ts`, `${to}.tsx`, `${to}/index.ts`, to.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/**
 * Test-only code outside main/: a module under main/ that is named as a fixture or that only tests
 * import is test code living among production code; and production code under main/ never imports
 * test code (test/ or a *.test file).
 */
function testCodeInMain(files: { path: string; text: string }[]): string[] {
  const known = new Set(files.map((f) => f.path));
  const importers = new Map<string, string[]>();
  const problems: string[] = [];
  for (const { path, text } of files) {
    for (const specifier of specifiersOf(text)) {
      const to = resolveIn(known, path, specifier);
      if (to === null) continue;
      importers.set(to, [...(importers.get(to) ?? []), path]);
      if (inFolder(path, 'main') && !isTestFile(path) && isTestFile(to)) {
        problems.push(`${path}: production code imports test code '${specifier}'`);
      }
    }
  }
  for (const path of known) {
    if (!inFolder(path, 'main') || isTestFile(path) || ENTRY_POINTS.has(path) || path in NOT_YET_WIRED) continue;
    const users = importers.get(path) ?? [];
    if (TEST_ONLY_NAME.test(path)) problems.push(`${path}: a test fixture under main/ (move it to test/fixtures)`);
    else if (users.length > 0 && users.every(isTestFile))
      problems.push(`${path}: only tests import it (test code under main/)`);
  }
  return problems.sort();
}

describe('test code stays out of main/', () => {
  it('no test-only module lives under main/, and no production module there imports test code', () => {
    const files = repoSourceFiles().map((path) => ({ path, text: readFileSync(join(REPO_ROOT, path), 'utf8') }));
    expect(testCodeInMain(files)).toEqual([]);
  });

  it('finds a planted fixture, a module only tests use, and production code importing a test helper', () => {
    const planted = [
      { path: 'main/signing/test-fixtures.ts', text: 'export const x = 1;' },
      { path: 'main/signing/sign.ts', text: "import { vault } from '../../test/support/vault-fixtures';" },
      { path: 'main/signing/only-tested.ts', text: 'export const y = 2;' },
      {
        path: 'main/signing/sign.test.ts',
        text: "import { y } from './only-tested';\nimport { x } from './test-fixtures';",
      },
      { path: 'main/signing/used.ts', text: 'export const z = 3;' },
      { path: 'main/app/main.ts', text: "import { z } from '../signing/used';" },
      { path: 'main/signing/used.test.ts', text: "import { z } from './used';" },
      { path: 'test/support/vault-fixtures.ts', text: 'export const vault = 1;' },
    ];
    expect(testCodeInMain(planted)).toEqual([
      'main/signing/only-tested.ts: only tests import it (test code under main/)',
      "main/signing/sign.ts: production code imports test code '../../test/support/vault-fixtures'",
      'main/signing/test-fixtures.ts: a test fixture under main/ (move it to test/fixtures)',
    ]);
  });
});
