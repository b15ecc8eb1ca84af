import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellArgs } from './argv';

const CWD = resolve('/home/kari');

describe('parseShellArgs', () => {
  it('reads --vault DIR and --vault=DIR anywhere in the arguments, resolved against the working directory', () => {
    expect(parseShellArgs(['/opt/Bro/bro', '--vault', '/data/vault'], CWD).vaultDir).toBe(resolve('/data/vault'));
    expect(parseShellArgs(['electron', '.', '--no-sandbox', '--vault=work/vault'], CWD).vaultDir).toBe(
      resolve(CWD, 'work/vault'),
    );
    expect(parseShellArgs(['electron', '.', '--vault', 'Mitt hvelv', '--user-data-dir', 'ud'], CWD)).toEqual({
      vaultDir: resolve(CWD, 'Mitt hvelv'),
      userDataDir: resolve(CWD, 'ud'),
    });
  });

  it('uses no vault folder of its own when --vault is absent or has no value', () => {
    expect(parseShellArgs(['/opt/Bro/bro'], CWD).vaultDir).toBeNull();
    expect(parseShellArgs(['/opt/Bro/bro', '--vault'], CWD).vaultDir).toBeNull();
    expect(parseShellArgs(['/opt/Bro/bro', '--vault', '--user-data-dir', 'x'], CWD).vaultDir).toBeNull();
    expect(parseShellArgs(['/opt/Bro/bro', '--vault='], CWD).vaultDir).toBeNull();
    expect(parseShellArgs(['/opt/Bro/bro', '--vaultdir', 'x'], CWD).vaultDir).toBeNull();
  });
});
