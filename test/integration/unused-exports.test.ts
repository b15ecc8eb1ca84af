import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: unused exports go, and stay gone. An export of main/, shared/ or renderer/ that no file
 * imports (tests, bench and build included) and that its own module does not use either is dead code.
 * Barrels (`export *`) pass names through; a namespace, side-effect or dynamic import uses them all.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['main', 'shared', 'renderer', 'test', 'bench', 'build'];
const SKIPPED = new Set(['node_modules', 'out', 'dist', 'test-results', 'coverage', 'schemas']);
const CHECKED = /^(main|shared|renderer)\//;
/** Loaded by a tool by file name, not imported. */
const TOOL_LOADED = new Set(['renderer/vite.config.ts#default']);
/** Work in progress in parallel (restore from a backup in the UI, issue 16): may still be unused. */
const PENDING = new Set(['shared/ipc/backup.ts#RestoreChoice']);

interface Module {
  path: string;
  text: string;
}

function walk(rel: string): string[] {
  const abs = join(REPO_ROOT, rel);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    const path = `${rel}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : walk(path);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolver(known: Set<string>) {
  return (from: string, specifier: string): string | null => {
    if (!specifier.startsWith('.')) return null;
    const to = posix.normalize(posix.join(posix.dirname(from), specifier));
    const candidates = [to, `${to}.ts`, `${to}.tsx`, `${to}/index.ts`, `${to}/index.tsx`, to.replace(/\.m?js$/, '.ts')];
    return candidates.find((candidate) => known.has(candidate)) ?? null;
  };
}

interface Scan {
  /** Names each module exports (its own declarations and named re-exports). */
  exported: Map<string, string[]>;
  /** Modules each module re-exports whole (`export * from`). */
  starFrom: Map<string, string[]>;
  /** `module#name` → used; `module#*` → every name used. */
  used: Set<string>;
}

function declaredName(node: ts.Node): string[] {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  const named = node as ts.Node & { name?: ts.Node };
  return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
}

function scanModule(module: Module, resolve: (from: string, spec: string) => string | null, scan: Scan): void {
  const { path, text } = module;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const names: string[] = [];
  const use = (target: string | null, name: string) => target && scan.used.add(`${target}#${name}`);
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(path, node.moduleSpecifier.text);
      const clause = node.importClause;
      if (!clause || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))) use(target, '*');
      if (clause?.name) use(target, 'default');
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        clause.namedBindings.elements.forEach((e) => use(target, (e.propertyName ?? e.name).text));
      }
    } else if (ts.isExportDeclaration(node)) {
      const spec = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
      const target = spec ? resolve(path, spec) : null;
      if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        node.exportClause.elements.forEach((e) => {
          names.push(e.name.text);
          use(target, (e.propertyName ?? e.name).text);
        });
      } else if (target) scan.starFrom.set(path, [...(scan.starFrom.get(path) ?? []), target]);
    } else if (ts.isExportAssignment(node)) names.push('default');
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    if (modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push('default');
      else names.push(...declaredName(node));
    }
  }
  // import('./x'), require('./x') and vi.mock('./x') anywhere in the file use the whole module.
  for (const match of text.matchAll(/\b(?:import|require|mock)\(\s*['"](\.[^'"]+)['"]/g))
    use(resolve(path, match[1] ?? ''), '*');
  scan.exported.set(path, names);
}

/** Barrels pass names through: a barrel offers its sources' names, and a name used there is used at its source. */
function passThroughBarrels(scan: Scan): void {
  const offered = new Map([...scan.exported].map(([path, names]) => [path, new Set(names)]));
  for (let grew = true; grew;) {
    grew = false;
    for (const [barrel, sources] of scan.starFrom) {
      const names = offered.get(barrel) ?? new Set<string>();
      for (const name of sources.flatMap((source) => [...(offered.get(source) ?? [])])) {
        if (!names.has(name)) {
          names.add(name);
          grew = true;
        }
      }
      offered.set(barrel, names);
    }
  }
  for (let marked = true; marked;) {
    marked = false;
    for (const [barrel, sources] of scan.starFrom) {
      for (const source of sources) {
        for (const name of offered.get(source) ?? []) {
          const usedHere = scan.used.has(`${barrel}#${name}`) || scan.used.has(`${barrel}#*`);
          if (usedHere && !scan.used.has(`${source}#${name}`)) {
            scan.used.add(`${source}#${name}`);
            marked = true;
          }
        }
      }
    }
  }
}

/** Exports nobody imports and their own module does not use: `path: name`. */
export function deadExports(modules: Module[]): string[] {
  const known = new Set(modules.map((m) => m.path));
  const resolve = resolver(known);
  const scan: Scan = { exported: new Map(), starFrom: new Map(), used: new Set() };
  modules.forEach((module) => scanModule(module, resolve, scan));
  passThroughBarrels(scan);
  const dead: string[] = [];
  for (const { path, text } of modules) {
    if (!CHECKED.test(path) || /\.test\.tsx?$/.test(path)) continue;
    for (const name of new Set(scan.exported.get(path) ?? [])) {
      const key = `${path}#${name}`;
      if (scan.used.has(key) || scan.used.has(`${path}#*`) || TOOL_LOADED.has(key) || PENDING.has(key)) continue;
      const inFile = text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
      if (name === 'default' || inFile <= 1) dead.push(`${path}: ${name}`);
    }
  }
  return dead.sort();
}

describe('unused exports', () => {
  it('no module of main/, shared/ or renderer/ exports something nobody uses', () => {
    const modules = SCANNED.flatMap(walk).map((path) => ({ path, text: readFileSync(join(REPO_ROOT, path), 'utf8') }));
    expect(modules.length).toBeGreaterThan(100);
    expect(deadExports(modules)).toEqual([]);
  });

  it('finds planted dead exports and follows imports through barrels', () => {
    const planted: Module[] = [
      {
        path: 'shared/x/a.ts',
        text: 'export const usedViaBarrel = 1;\nexport const dead = 2;\nexport type Dead = string;',
      },
      {
        path: 'shared/x/b.ts',
        text: 'export function usedDirectly() {}\nexport const onlyLocal = 1;\nconst y = onlyLocal;',
      },
      { path: 'shared/x/index.ts', text: "export * from './a';" },
      {
        path: 'main/y.ts',
        text: "import { usedViaBarrel } from '../shared/x';\nimport { usedDirectly } from '../shared/x/b';",
      },
      { path: 'main/z.ts', text: "export { gone } from './w';" },
      { path: 'main/w.ts', text: 'export const gone = 1;' },
    ];
    expect(deadExports(planted)).toEqual(['main/z.ts: gone', 'shared/x/a.ts: Dead', 'shared/x/a.ts: dead']);
  });
});
