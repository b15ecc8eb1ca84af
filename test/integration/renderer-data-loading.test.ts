import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: the renderer loads data through one hook (renderer/lib/use-load.ts, whose LoadStore is the
 * one stale-response guard), and no loader turns a refusal into an empty list or a missing value. This
 * scan fails on a new hand-written guard, a swallowed error, or a call to the main process made
 * straight from an effect.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(REPO_ROOT, 'renderer');

/**
 * Files that may still break a rule, each with the reason. The test fails when one of them no longer
 * does, so the list only shrinks.
 */
const KNOWN: Readonly<Record<string, { rules: readonly Rule[]; why: string }>> = {
  'renderer/features/vault/vault-health-banner.tsx': {
    rules: ['guard', 'effect-call'],
    why: 'a poller: the flag stops its chain of timers, it does not guard one answer',
  },
  'renderer/components/progress-bar.tsx': {
    rules: ['guard', 'effect-call'],
    why: 'a poller of progress.get while an operation runs: the flag stops its timers',
  },
  'renderer/app/use-auto-lock.ts': { rules: ['effect-call'], why: 'reports activity and polls the lock state' },
  'renderer/features/cases/use-case-pages.ts': {
    rules: ['effect-call'],
    why: 'the case list’s windowed pager: many pages per query, each asked as its rows scroll into view, kept in one cache per query whose key check drops pages of an earlier query (useLoad holds one answer per key)',
  },
  'renderer/features/documents/new-document-screen.tsx': {
    rules: ['effect-call'],
    why: 'not a load but the visit’s one action: creates the first draft once and opens it in the editor',
  },
  'renderer/features/documents/version-history.tsx': {
    rules: ['effect-call'],
    why: 'the diff shown first is computed when the version list arrives; later ones on the user’s choice (the list itself loads through useLoad)',
  },
};

type Rule = 'guard' | 'swallow' | 'effect-call';

const RULES: Readonly<Record<Rule, string>> = {
  guard: 'a hand-written stale-response flag (let x = true … return () => { x = false }): use useLoad',
  swallow: 'a refusal turned into an empty list or a missing value: show the error (LoadFailed) instead',
  'effect-call': 'api.invoke called from a useEffect: load through useLoad (renderer/lib/use-load.ts)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** The text of each `useEffect(...)` call, up to its matching parenthesis. */
export function effectBodies(source: string): string[] {
  const bodies: string[] = [];
  for (let at = source.indexOf('useEffect('); at >= 0; at = source.indexOf('useEffect(', at + 1)) {
    let depth = 0;
    for (let i = at + 'useEffect'.length; i < source.length; i += 1) {
      if (source[i] === '(') depth += 1;
      else if (source[i] === ')' && --depth === 0) {
        bodies.push(source.slice(at, i + 1));
        break;
      }
    }
  }
  return bodies;
}

const CALLS_MAIN = /\bapi\s*\.\s*invoke\(/;

/**
 * The names of this file's functions whose text calls the main process: a declared function, or a
 * `const` holding an arrow or a useCallback (a useLoad loader is the hook's own way and not counted).
 * A declaration runs to the next line at its own indentation, with the line that closes it (prettier's layout).
 */
export function callersOfMain(source: string): string[] {
  const lines = source.split('\n');
  const declared =
    /^(\s*)(?:export\s+)?(?:(?:async\s+)?function\s+(\w+)|const\s+(\w+)\s*(?::[^=]+)?=\s*(?:useCallback\(|async\b|\(.*=>|\w+\s*=>))/;
  return lines.flatMap((line, at) => {
    const match = declared.exec(line);
    if (!match) return [];
    const indent = (match[1] ?? '').length;
    let end = at + 1;
    for (; end < lines.length; end += 1) {
      const next = lines[end] ?? '';
      if (next.trim() === '' || next.length - next.trimStart().length > indent) continue;
      if (/^[}\])]/.test(next.trimStart())) end += 1;
      break;
    }
    return CALLS_MAIN.test(lines.slice(at, end).join('\n')) ? [match[2] ?? match[3] ?? ''] : [];
  });
}

/** The rules a source text breaks. */
export function broken(source: string): Rule[] {
  const found: Rule[] = [];
  const guard = /let\s+(\w+)\s*=\s*(true|false)\s*;[\s\S]*?return\s*\(\)\s*=>\s*\{[^}]*?\b\1\s*=\s*(true|false)/;
  if (guard.test(source)) found.push('guard');
  const swallow = [
    /\.catch\(\s*\(\)\s*=>\s*(\[\]|null|undefined|''|\(\{\}\))\s*\)/,
    /\.ok\s*\?\s*[\w.?]+\s*:\s*(\[\]|null|undefined)(?!\s*[\w.(])/,
    /catch\s*(\([^)]*\))?\s*\{\s*return\s*(\[\]|null)\s*;?\s*\}/,
  ];
  if (swallow.some((pattern) => pattern.test(source))) found.push('swallow');
  const callers = callersOfMain(source);
  const reachesMain = (body: string) =>
    CALLS_MAIN.test(body) || callers.some((name) => new RegExp(`\\b${name}\\b`).test(body));
  if (effectBodies(source).some(reachesMain)) found.push('effect-call');
  return found;
}

describe('renderer data loading goes through one hook', () => {
  const files = sourceFiles(RENDERER).map((path) => ({
    file: relative(REPO_ROOT, path).split(sep).join('/'),
    rules: broken(readFileSync(path, 'utf8')),
  }));

  it('no renderer file has a hand-written guard, a swallowed error or a main-process call in an effect', () => {
    const violations = files.flatMap(({ file, rules }) =>
      rules.filter((rule) => !KNOWN[file]?.rules.includes(rule)).map((rule) => `${file}: ${RULES[rule]}`),
    );
    expect(violations).toEqual([]);
  });

  it('every listed exception still needs its place on the list', () => {
    const stale = Object.entries(KNOWN).flatMap(([file, known]) => {
      const rules = files.find((f) => f.file === file)?.rules ?? [];
      return known.rules.filter((rule) => !rules.includes(rule)).map((rule) => `${file}: ${rule}`);
    });
    expect(stale).toEqual([]);
  });

  it('finds each planted fault (so the scan is not blind)', () => {
    const guarded = `useEffect(() => {\n  let current = true;\n  void load().then((r) => current && set(r));\n  return () => {\n    current = false;\n  };\n}, [key]);`;
    expect(broken(guarded)).toEqual(['guard']);
    expect(broken(`const list = await api.invoke('x', {}).catch(() => []);`)).toContain('swallow');
    expect(broken(`setDocuments(result.ok ? result.value.documents : []);`)).toEqual(['swallow']);
    expect(broken(`const register = register?.ok ? register.value : null;`)).toEqual(['swallow']);
    expect(broken(`try { x(); } catch { return []; }`)).toEqual(['swallow']);
    expect(broken(`useEffect(() => {\n  void api.invoke('cases.units', {}).then(setUnits);\n}, []);`)).toEqual([
      'effect-call',
    ]);
    expect(
      broken(`useEffect(() => {\n  void api\n    .invoke('signing.identity', {})\n    .then(show);\n}, []);`),
    ).toEqual(['effect-call']);
    const throughCallback = `const load = useCallback(() => {\n  void api.invoke('trust.list', {}).then(show);\n}, []);\nuseEffect(load, [load]);`;
    expect(broken(throughCallback)).toEqual(['effect-call']);
    const throughFunction = `async function loadHome() {\n  return api.invoke('due.view', {});\n}\n\nfunction Home() {\n  useEffect(() => {\n    void loadHome().then(show);\n  }, []);\n}`;
    expect(broken(throughFunction)).toEqual(['effect-call']);
  });

  it('leaves the hook’s own ways alone', () => {
    expect(broken(`const { loaded } = useLoad(caseId, () => api.invoke('cases.get', { id: caseId }));`)).toEqual([]);
    expect(broken(`{outcome && !outcome.ok ? <StatusMessage tone="error" /> : null}`)).toEqual([]);
    expect(broken(`useEffect(() => {\n  if (file) setFrom(start);\n}, [file]);`)).toEqual([]);
    const actsOnAnswer = `const load = useLoad('status', () => api.invoke('vault.status', {}));\nuseEffect(() => {\n  if (load.loaded.state === 'ready') start(load.loaded.value);\n}, [load.loaded]);`;
    expect(broken(actsOnAnswer)).toEqual([]);
    const elsewhere = `function save() {\n  return api.invoke('settings.set', {});\n}\n\nfunction Form() {\n  useEffect(() => {\n    focus();\n  }, []);\n}`;
    expect(broken(elsewhere)).toEqual([]);
  });
});
