import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Test support: the real poppler tools, fed through stdin so no PDF touches the disk. */

const TOOLS = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'] as const;

/** poppler-utils may still be installing when tests start; wait for it rather than fail. */
export async function waitForPoppler(timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!TOOLS.every((tool) => existsSync(tool))) {
    if (Date.now() > deadline) throw new Error(`poppler tools missing: ${TOOLS.join(', ')}`);
    await sleep(5_000);
  }
}

function run(tool: string, args: readonly string[], input: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      tool,
      [...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${tool} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(input);
  });
}

/** The text of every page, in order (pdftotext ends each page with a form feed). */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const text = await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The text of one page, asked of pdftotext with -f/-l. */
export function pdfPageText(pdf: Uint8Array, page: number, layout = false): Promise<string> {
  const args = ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), ...(layout ? ['-layout'] : []), '-', '-'];
  return run('/usr/bin/pdftotext', args, pdf);
}

/** pdfinfo's "Key: value" lines as a record. */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  const text = await run('/usr/bin/pdfinfo', ['-enc', 'UTF-8', '-'], pdf);
  const entries = text.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match ? [[match[1] ?? '', match[2] ?? ''] as const] : [];
  });
  return Object.fromEntries(entries);
}
