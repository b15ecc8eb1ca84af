import { defineConfig } from 'vitest/config';
import { sqlAsText } from './build/sql-as-text';

export default defineConfig({
  plugins: [sqlAsText()],
  test: {
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
