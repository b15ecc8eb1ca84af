import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWriter, seededRandom } from '../test/integration/crash/crash-harness';
import {
  killDuringBackup,
  killDuringPassphraseChange,
  killDuringRotation,
  killDuringWrites,
} from '../test/integration/crash/crash-scenarios';

/**
 * SIGKILL at random moments, hundreds of times: while documents are written (one transaction each),
 * while the passphrase is changed, while backups are written and while the data key is rotated
 * (the audit chain is verified against the key file after every kill). crash_lost_acknowledged counts
 * acknowledged writes missing afterwards, unopenable vaults and torn backups; it must be 0.
 */
export async function benchCrash(
  options: { writes?: number; passphrase?: number; backup?: number; rotation?: number } = {},
): Promise<Record<string, unknown>> {
  const { writes = 200, passphrase = 30, backup = 30, rotation = 30 } = options;
  const seed = Number(process.env.BRO_CRASH_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const root = mkdtempSync(join(tmpdir(), 'bro-bench-crash-'));
  const writer = await bundleWriter();
  try {
    const started = performance.now();
    const docs = await killDuringWrites({ writer: writer.path, root, kills: writes, random });
    const keys = await killDuringPassphraseChange({ writer: writer.path, root, kills: passphrase, random });
    const backups = await killDuringBackup({ writer: writer.path, root, kills: backup, random });
    const rotations = await killDuringRotation({ writer: writer.path, root, kills: rotation, random });
    return {
      crash_kills: docs.kills + keys.kills + backups.kills + rotations.kills,
      crash_lost_acknowledged: docs.lost + keys.unopenable + backups.torn + rotations.lost + rotations.unopenable,
      crash_detail: {
        seed,
        writes: { kills: docs.kills, acknowledged: docs.acknowledged, lost: docs.lost },
        passphrase_change: { kills: keys.kills, acknowledged: keys.changes, unopenable: keys.unopenable },
        backup: { kills: backups.kills, acknowledged: backups.backups, torn: backups.torn },
        // Documents written between rotations; the audit chain verifies against the key file after each kill.
        key_rotation: {
          kills: rotations.kills,
          rotations: rotations.rotations,
          acknowledged: rotations.acknowledged,
          lost: rotations.lost,
          unopenable: rotations.unopenable,
        },
        seconds: Math.round((performance.now() - started) / 100) / 10,
      },
    };
  } finally {
    writer.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
