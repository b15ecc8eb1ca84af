import { describe, expect, it } from 'vitest';
import { ErrorCodeSchema } from '../../shared/ipc/result';
import { hasMessage } from '../../shared/i18n/translate';
import { isChannel } from '../../shared/ipc/contract';

describe('error messages', () => {
  it.each(['nb', 'da', 'en'] as const)('every IPC error code has a %s message', (locale) => {
    const missing = ErrorCodeSchema.options.filter((code) => !hasMessage(locale, `error.${code}`));
    expect(missing).toEqual([]);
  });
});

describe('message keys used by the main process', () => {
  it('exist in every catalog', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
      }
    };
    walk('main');
    const keys = new Set(
      files.flatMap((file) =>
        [
          ...readFileSync(file, 'utf8').matchAll(
            /'((?:error|signing|documents|backup|export|services|demo|cli)\.[A-Za-z0-9_.]+)'/g,
          ),
        ].map((m) => m[1] as string),
      ),
    );
    const missing = [...keys]
      .filter((key) => !isChannel(key))
      .filter((key) => !(['nb', 'da', 'en'] as const).every((locale) => hasMessage(locale, key)));
    expect(missing).toEqual([]);
  });
});
