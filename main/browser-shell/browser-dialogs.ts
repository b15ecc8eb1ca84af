import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { FileDialogs, FileFilter } from '../files/file-dialogs';

/** The first `name` on PATH, or null. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

const zenityFilter = (filter: FileFilter) =>
  `--file-filter=${filter.name} | ${filter.extensions.map((ext) => `*.${ext}`).join(' ')}`;

/** zenity prints the chosen path and exits 0; it exits 1 when the user cancels. */
function zenity(zenityPath: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(zenityPath, args, { encoding: 'utf8' }, (error, stdout) => {
      const path = stdout.trim();
      resolve(error || path === '' ? null : path);
    });
  });
}

/** Asks in the terminal the shell was started from; an empty answer takes the default, "-" cancels. */
async function ask(question: string, fallback: string | null): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const hint = fallback ? ` [${fallback}]` : '';
    const answer = (await rl.question(`${question}${hint} (- to cancel): `)).trim();
    if (answer === '-') return null;
    return answer === '' ? fallback : answer;
  } finally {
    rl.close();
  }
}

/**
 * The browser shell's file dialogs. With zenity installed, the desktop's own file chooser; otherwise
 * the question is asked in the terminal that started the shell. Without either (no zenity and no
 * terminal) nothing can be asked, so every save counts as cancelled: a file never goes anywhere the
 * user did not choose, and never to a hidden temp folder.
 */
export function browserShellDialogs(options: { documentsDir: string; log: (line: string) => void }): FileDialogs {
  const zenityPath = onPath('zenity');
  return {
    async chooseSavePath(request) {
      const proposed = join(request.defaultDir ?? options.documentsDir, request.suggestedName);
      if (zenityPath) {
        const args = ['--file-selection', '--save', '--confirm-overwrite', `--title=${request.title}`];
        return zenity(zenityPath, [...args, `--filename=${proposed}`, zenityFilter(request.filter)]);
      }
      if (!process.stdin.isTTY) {
        options.log('[bro] No file dialog (install zenity, or start the browser shell from a terminal): not saved.');
        return null;
      }
      return ask(`\n${request.title}`, proposed);
    },
    async chooseOpenPath(request) {
      if (zenityPath) {
        const args = ['--file-selection', `--title=${request.title}`, ...request.filters.map(zenityFilter)];
        return zenity(zenityPath, request.defaultDir ? [...args, `--filename=${request.defaultDir}/`] : args);
      }
      if (!process.stdin.isTTY) {
        options.log('[bro] No file dialog (install zenity, or start the browser shell from a terminal).');
        return null;
      }
      return ask(`\n${request.title}`, null);
    },
    async chooseFolderPath(request) {
      if (zenityPath) {
        const args = ['--file-selection', '--directory', `--title=${request.title}`];
        return zenity(zenityPath, request.defaultDir ? [...args, `--filename=${request.defaultDir}/`] : args);
      }
      if (!process.stdin.isTTY) {
        options.log('[bro] No folder dialog (install zenity, or start the browser shell from a terminal).');
        return null;
      }
      return ask(`\n${request.title}`, null);
    },
  };
}
