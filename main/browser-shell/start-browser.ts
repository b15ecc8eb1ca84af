/**
 * `npm run start:browser`: the real app in a visible Chromium window, through the same bridge the
 * end-to-end tests use, for machines without the Electron binary. Files the user saves go where they
 * chose in the file dialog (zenity, or a question in this terminal). Closing the window locks the
 * vault and ends the process.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createConfPrefsStore } from '../prefs/conf-prefs-store';
import { createApp } from '../services/registry';
import { attachBridge, DEFAULT_RENDERER_DIR, INDEX_URL } from './bridge';
import { browserShellDialogs } from './browser-dialogs';
import { currentSandboxContext, decideSandbox, languageSettings, launchChromium } from './chromium';
import { integrityChecksSettled } from '../vault/vault-health';

const USAGE = `Usage: npm run start:browser -- [--vault DIR] [--prefs DIR]

Opens Bro in a Chromium window without Electron.
  --vault DIR   vault folder (default: ${defaultVaultDir()})
  --prefs DIR   preferences folder (default: "prefs" beside the vault folder)`;

/** The per-user data folder of each OS, so the default vault is where a user would look for it. */
function defaultVaultDir(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(base, 'bro-browser', 'vault');
}

function readOptions(): { vaultDir: string; prefsDir: string } {
  try {
    const { values } = parseArgs({
      options: { vault: { type: 'string' }, prefs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const vaultDir = resolve(values.vault ?? defaultVaultDir());
    return { vaultDir, prefsDir: resolve(values.prefs ?? join(dirname(vaultDir), 'prefs')) };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** Where a first save dialog starts: the user's Documents folder (XDG on Linux), else home. */
function documentsDir(): string {
  return process.env.XDG_DOCUMENTS_DIR ?? join(homedir(), 'Documents');
}

function requireDisplay(): void {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  console.error(
    'No display: DISPLAY is not set, so Chromium cannot open a window.\n' +
      'Run it under a virtual display instead:  xvfb-run -a npm run start:browser',
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const { vaultDir, prefsDir } = readOptions();
  requireDisplay();
  mkdirSync(prefsDir, { recursive: true });
  console.log(`Bro (browser shell)\n  vault: ${vaultDir}\n  prefs: ${prefsDir}`);

  const sandbox = decideSandbox(currentSandboxContext(false));
  if ('refuse' in sandbox) {
    console.error(
      'Chromium cannot use its sandbox when run as root, and the browser shell does not run without it.\n' +
        'Start it as a normal user (CI containers that run as root set CI=1).',
    );
    process.exit(2);
  }
  const prefs = createConfPrefsStore(prefsDir);
  const language = languageSettings(prefs.read().uiLanguage);
  const app = createApp({
    vaultDir,
    prefs,
    files: browserShellDialogs({ documentsDir: documentsDir(), log: (line) => console.error(line) }),
    // Channel and error code only: never inputs or messages, which may hold personal data.
    onError: ({ channel, code, errorName }) => console.error(`[bro] ${channel}: ${code} (${errorName})`),
  });
  const browser = await launchChromium({
    headless: false,
    sandbox: sandbox.sandbox,
    extraArgs: ['--window-size=1280,900', ...language.args],
  });

  let closing = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!closing) {
      closing = true;
      app.dispose();
      console.log('Vault locked. Bye.');
      await browser.close().catch(() => undefined);
      // Ending the process under a running integrity check would abort it (see vault-health.ts).
      await integrityChecksSettled();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  browser.on('disconnected', () => void shutdown(0));

  const context = await browser.newContext({ viewport: null, locale: language.locale });
  await attachBridge(context, {
    router: app.router,
    rendererDir: DEFAULT_RENDERER_DIR,
    onBlocked: ({ url }) => console.error(`[bro] blocked a request for ${originOf(url)}`),
  });
  const page = await context.newPage();
  page.on('close', () => void shutdown(0));
  await page.goto(INDEX_URL);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable URL)';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
