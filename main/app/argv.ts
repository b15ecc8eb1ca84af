import { resolve } from 'node:path';

export interface ShellArgs {
  /** `--vault DIR` or `--vault=DIR`, resolved against the working directory. */
  vaultDir: string | null;
  /** `--user-data-dir DIR`: where preferences and the crash log go (tests use a temp folder). */
  userDataDir: string | null;
}

function valueOf(argv: readonly string[], flag: string): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1) || null;
    if (arg === flag) {
      const next = argv[index + 1];
      // A flag that is followed by another flag (or nothing) has no value: ignore it.
      return next !== undefined && next !== '' && !next.startsWith('--') ? next : null;
    }
  }
  return null;
}

/**
 * Reads the shell's own options from the process arguments. Electron puts its executable (and, in
 * development, the app path) first and Chromium may add switches, so flags are found anywhere.
 */
export function parseShellArgs(argv: readonly string[], cwd: string = process.cwd()): ShellArgs {
  const vault = valueOf(argv, '--vault');
  const userData = valueOf(argv, '--user-data-dir');
  return {
    vaultDir: vault === null ? null : resolve(cwd, vault),
    userDataDir: userData === null ? null : resolve(cwd, userData),
  };
}
