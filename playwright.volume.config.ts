import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run test:volume`: the specs that need a 10 000-case demo vault. Kept out of `npm test`: making
 * that vault takes minutes on two cores (`bro demo --cases 10000`, 48 s of CPU, 2 min 15 s of wall
 * clock on a shared machine), far more than the rest of the suite can carry. The vault is made once
 * by the setup project and kept under test-results/ for later runs (test/volume/volume-vault.ts).
 */
export default defineConfig({
  ...base,
  outputDir: 'test-results/playwright-volume-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-volume.json' }]],
  projects: [
    { name: 'volume-vault', testDir: 'test/volume', testMatch: /\.setup\.ts$/, timeout: 900_000 },
    { name: 'volume', testDir: 'test/volume', testMatch: /\.spec\.ts$/, dependencies: ['volume-vault'] },
  ],
});
