import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug } from './folders.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Keeps only the target's own files in its report part (reports/mutation/parts) and its incremental
 * file (build/mutation/baseline). A run whose incremental file was seeded from its folder's, to reuse
 * those results, writes the folder's other files back unchanged; as the newest part they would hide
 * later results for those files. `node build/mutation/trim.mjs <target>` does it by hand.
 */
export function trimToTarget(target, root = ROOT) {
  const paths = target.split(',').map((path) => path.trim().replace(/\/+$/, ''));
  const own = (file) => {
    const name = file.startsWith('/') ? file.slice(root.length + 1) : file;
    return paths.some((path) => name === path || name.startsWith(`${path}/`));
  };
  for (const file of [
    join(root, 'reports', 'mutation', 'parts', `${slug(target)}.json`),
    join(root, 'build', 'mutation', 'baseline', `${slug(target)}.incremental.json`),
  ]) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    report.files = Object.fromEntries(Object.entries(report.files ?? {}).filter(([name]) => own(name)));
    writeFileSync(file, JSON.stringify(report));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const target of process.argv.slice(2)) trimToTarget(target);
}
