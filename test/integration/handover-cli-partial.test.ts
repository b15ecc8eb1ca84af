// `bro handover` on a write that fails part-way (a full disk, a quota, a pulled stick; here a file-size
// limit, `ulimit -f`, in the real CLI's process): no part of the package may stay at --out. A torn zip
// still holds whole entries before the cut, case.json with the person's name among them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { REFERENCE, seedSender } from './handover-fixtures';

const apps = serviceApps();
const dirs = tempDirs('bro-handover-partial-');
let a: ServiceApp;

beforeAll(async () => {
  a = await apps.make('NO');
  await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  const seeded = await seedSender(a);
  // A package well larger than what the command itself writes to the vault (a few WAL pages), so a
  // limit of half the package lets the vault's writes through and cuts the package.
  for (let i = 0; i < 6; i++) {
    const doc = await a.call('documents.create', {
      caseId: seeded.caseId,
      kind: 'follow_up_plan',
      content: completePlan({ riskAndVulnerabilityFactors: `Plan ${i}`, grading: { level: 'KONFIDENSIELT' } }),
    });
    await a.call('documents.finalise', { id: doc.document.id });
  }
  await a.call('transfer.save', {
    caseId: seeded.caseId,
    transfer: { kind: 'other_unit', receivingUnit: 'Nordby fengsel', plannedDate: '2026-04-01' },
  });
  a.app.dispose();
}, 300_000);
afterAll(() => {
  apps.cleanup();
  dirs.cleanup();
});

/** The real CLI in a child process whose files may not grow past `limitKb` KiB (writes past it fail). */
function broLimited(limitKb: number, args: string[]) {
  const command = `ulimit -f ${limitKb}; exec "${process.execPath}" --import tsx main/cli/index.ts "$@"`;
  const result = spawnSync('bash', ['-c', command, 'bro', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BRO_LANG: 'en', BRO_PASSPHRASE: PASSPHRASE },
  });
  return { code: result.status, stderr: result.stderr };
}

describe('bro handover on a write that fails part-way', () => {
  it('leaves no part of the package and no temp file behind', () => {
    const whole = join(dirs.make(), 'whole.asice');
    const made = broLimited(1_000_000, ['handover', '--vault', a.vaultDir, '--case', REFERENCE, '--out', whole]);
    expect(made.code, made.stderr).toBe(0);
    const limit = Math.floor(statSync(whole).size / 1024 / 2);
    const dir = dirs.make();
    const out = join(dir, 'handover.asice');
    const failed = broLimited(limit, ['handover', '--vault', a.vaultDir, '--case', REFERENCE, '--out', out]);
    expect(failed.code).not.toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
