import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files larger than this are skipped (none of the app's own files come near it in a test). */
const MAX_BYTES = 64 * 1024 * 1024;

/** Top-level entries of the OS temp folder now, to tell later which ones appeared during a test. */
export function tempEntries(): Set<string> {
  return new Set(readdirSync(tmpdir()));
}

/**
 * Folders under the OS temp folder that appeared since `before`. The sandbox's own job folders
 * (bash_jobs*) belong to the machine running the tests, not to the app, and are left out.
 */
export function newTempFolders(before: Set<string>): string[] {
  return readdirSync(tmpdir())
    .filter((name) => !before.has(name) && !name.startsWith('bash_jobs'))
    .map((name) => join(tmpdir(), name));
}

/** Every regular file under `roots` (recursively), skipping `exclude` paths and their contents. */
export function listFiles(roots: readonly string[], exclude: readonly string[] = []): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if (exclude.some((skip) => path === skip || path.startsWith(`${skip}/`))) return;
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // removed while walking (another process's temp file)
    }
    if (stat.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        return;
      }
      for (const name of names) walk(join(path, name));
    } else if (stat.isFile() && stat.size <= MAX_BYTES) {
      found.push(path);
    }
  };
  for (const root of roots) walk(root);
  return found;
}

/** `file: phrase (encoding)` for each phrase found in a file as UTF-8 or UTF-16LE. */
export function plaintextHits(files: readonly string[], phrases: readonly string[]): string[] {
  const needles = phrases.flatMap((phrase) => [
    { phrase, encoding: 'utf8', bytes: Buffer.from(phrase, 'utf8') },
    { phrase, encoding: 'utf16le', bytes: Buffer.from(phrase, 'utf16le') },
  ]);
  const hits: string[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    for (const needle of needles) {
      if (content.includes(needle.bytes)) hits.push(`${file}: "${needle.phrase}" (${needle.encoding})`);
    }
  }
  return hits;
}

/** Files among `files` whose bytes contain `marker` (e.g. the ASiC-E mimetype), to find stray exports. */
export function filesContaining(files: readonly string[], marker: string): string[] {
  const bytes = Buffer.from(marker, 'latin1');
  return files.filter((file) => {
    try {
      return readFileSync(file).includes(bytes);
    } catch {
      return false;
    }
  });
}
