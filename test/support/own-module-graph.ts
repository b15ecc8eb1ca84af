// Which test files need a module graph of their own. Most node test files share their worker's loaded
// modules (isolate: false): importing the services, zod schemas, catalogs and PDF code again for every
// file cost about half of the suite's time (258 s of import and setup, summed over the workers, for 248
// files). A file that replaces a module or changes process-wide state cannot share: a module another
// file loaded first would not be mocked, and a changed time zone or environment would reach the files
// after it. Such files are found by what they contain, so a new one is isolated without a list to keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * vi.mock and its kin, and writes to the time zone, the environment, the working folder, the umask or
 * the process's limits (prlimit: a shared worker was killed by SIGXFSZ while a file had lowered its
 * file-size limit; a fresh Node process ignores that signal, a worker that had run other files did not).
 */
const PROCESS_WIDE =
  /\bvi\.(mock|doMock|unmock|doUnmock|stubGlobal|stubEnv|resetModules)\(|process\.env\.[A-Za-z_]+\s*=(?!=)|process\.env\[[^\]]+\]\s*=(?!=)|delete\s+process\.env|process\.chdir\(|process\.umask\(\s*[^)\s]|\bprlimit\b/;

/** Whether a test file's source replaces a module or changes state every later file would see. */
export function needsOwnModuleGraph(source: string): boolean {
  return PROCESS_WIDE.test(source);
}

/** The test files (`*.test.ts`) under `folders` of `root` that need their own module graph, as `folder/path`. */
export function filesNeedingOwnModuleGraph(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  for (const top of folders) {
    for (const name of readdirSync(join(root, top), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.test.ts')) continue;
      const path = `${top}/${name.split('\\').join('/')}`;
      if (needsOwnModuleGraph(readFileSync(join(root, path), 'utf8'))) found.push(path);
    }
  }
  return found.sort();
}
