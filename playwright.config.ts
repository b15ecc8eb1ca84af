import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs, currentSandboxContext, decideSandbox } from './main/browser-shell/chromium';

/** `playwright test --headed` shows the window; otherwise Chromium runs headless. */
const headless = !process.argv.includes('--headed');
/** Chromium's sandbox stays on, except as root (CI containers, this machine), where Chromium cannot use it. */
const sandbox = decideSandbox(currentSandboxContext(true));
const sandboxed = 'sandbox' in sandbox && sandbox.sandbox;

export default defineConfig({
  // Not test-results/ itself: Playwright empties its output folder, and vitest.json and the
  // screenshots live there.
  outputDir: 'test-results/playwright-artifacts',
  fullyParallel: false,
  // One worker unless BRO_E2E_WORKERS says more: each worker drives its own Chromium and its own app.
  // Measured on a 2-core machine: two workers took 10.0 min for the 31 specs, one 9.7 min.
  workers: Number(process.env.BRO_E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    { name: 'e2e', testDir: 'test/e2e' },
    // Electron specs; they skip themselves where the Electron binary is missing.
    { name: 'electron', testDir: 'test/electron' },
  ],
  use: {
    browserName: 'chromium',
    headless,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      chromiumSandbox: sandboxed,
      args: chromiumArgs(headless, sandboxed),
    },
    viewport: { width: 1280, height: 860 },
    // No trace: recording one costs about a third of a run on a 2-core machine (the keyboard and working-day
    // specs took 114 s with retain-on-failure, 90 s with DOM snapshots only, 73 s without). A failure still
    // leaves its screenshot; rerun the spec with `--trace on` to get its trace.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
