import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { flipByte, writeZip } from '../fixtures/signing/signing-fixtures';
import { captureIo } from '../support/cli-harness';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { REFERENCE, seedSender, zipEntries } from './handover-fixtures';

const apps = serviceApps();
const dirs = tempDirs('bro-handover-cli-');
const env = { BRO_PASSPHRASE: PASSPHRASE };
let a: ServiceApp;
let b: ServiceApp;
let fingerprint: string;
let out: string;

beforeAll(async () => {
  [a, b] = await Promise.all([apps.make('NO'), apps.make('NO')]);
  fingerprint = (await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' })).certificate.fingerprint;
  const seeded = await seedSender(a);
  await a.call('transfer.save', {
    caseId: seeded.caseId,
    transfer: { kind: 'other_unit', receivingUnit: 'Nordby fengsel', plannedDate: '2026-04-01' },
  });
  out = join(dirs.make(), 'handover.asice');
}, 300_000);
afterAll(() => {
  apps.cleanup();
  dirs.cleanup();
});

/** The vault's rows and its files, the WAL index (-shm, rewritten by any reader) aside. */
function vaultState(s: ServiceApp) {
  const files = Object.entries(snapshotFiles(s.vaultDir)).filter(([name]) => !name.endsWith('-shm'));
  return { rows: s.rows(), files: Object.fromEntries(files) };
}

async function bro(args: string[]) {
  const run = captureIo(env);
  const code = await runCli(args, run.io);
  return { code, out: run.out.join('\n'), err: run.err.join('\n') };
}

describe('bro handover and bro import', () => {
  it('bro handover writes the signed package of every finalised document and never overwrites', async () => {
    const made = await bro(['handover', '--vault', a.vaultDir, '--case', REFERENCE, '--out', out, '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ ok: true, documents: 2, leftOut: 1, grading: 'KONFIDENSIELT' });
    const again = await bro(['handover', '--vault', a.vaultDir, '--case', REFERENCE, '--out', out]);
    expect(again.code).toBe(1);
    const missing = await bro(['handover', '--vault', a.vaultDir, '--case', 'KOMPIS-FINNES-IKKE', '--out', `${out}.x`]);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('No case has that reference') });
    const intoVault = await bro([
      'handover',
      '--vault',
      a.vaultDir,
      '--case',
      REFERENCE,
      '--out',
      join(a.vaultDir, 'pakke.brohand'),
    ]);
    expect(intoVault).toMatchObject({ code: 2, err: expect.stringContaining('vault folder') });
    expect(existsSync(join(a.vaultDir, 'pakke.brohand'))).toBe(false);
  });

  it('bro handover refuses a --doc that is not a document of the case, writing and logging nothing', async () => {
    const other = join(dirs.make(), 'other.asice');
    const before = vaultState(a);
    const refused = await bro([
      'handover',
      ...['--vault', a.vaultDir, '--case', REFERENCE, '--out', other],
      ...['--doc', '0b9f6c1e-2a3d-4e5f-8a7b-6c5d4e3f2a1e'],
    ]);
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('not a document of this case') });
    expect(existsSync(other)).toBe(false);
    // Unlocking is logged (audit log and its head); nothing else is written.
    const written = (rows: Record<string, string>) =>
      Object.fromEntries(Object.entries(rows).filter(([table]) => table !== 'audit_log' && table !== 'meta'));
    expect(written(vaultState(a).rows)).toEqual(written(before.rows));
  });

  it('bro import refuses an untrusted signer (exit 3) and a changed package (exit 1), leaving the vault folder as it was', async () => {
    const before = vaultState(b);
    const untrusted = await bro(['import', '--vault', b.vaultDir, out]);
    expect(untrusted.code).toBe(3);
    const entries = await zipEntries(new Uint8Array(readFileSync(out)));
    const changed = join(dirs.make(), 'changed.asice');
    writeFileSync(
      changed,
      await writeZip(entries.map((e) => (e.name === 'case.json' ? { ...e, bytes: flipByte(e.bytes, 12) } : e))),
    );
    const failed = await bro(['import', '--vault', b.vaultDir, changed, '--accept-untrusted', '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({ outcome: 'refused', status: 'invalid' });
    expect((await bro(['import', '--vault', b.vaultDir, join(dirs.make(), 'none.asice')])).code).toBe(2);
    expect(vaultState(b)).toEqual(before);
  });

  it('imports with --accept-untrusted (exit 3), then from a trusted signer (exit 0) only with --merge into the same reference', async () => {
    const accepted = await bro(['import', '--vault', b.vaultDir, out, '--accept-untrusted', '--json']);
    expect(accepted.code).toBe(3);
    expect(JSON.parse(accepted.out)).toMatchObject({ outcome: 'imported', merged: false, trusted: false });
    await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint });
    const second = join(dirs.make(), 'second.asice');
    expect((await bro(['handover', '--vault', a.vaultDir, '--case', REFERENCE, '--out', second])).code).toBe(0);
    const before = vaultState(b);
    const exists = await bro(['import', '--vault', b.vaultDir, second]);
    expect(exists).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(vaultState(b)).toEqual(before);
    const merged = await bro(['import', '--vault', b.vaultDir, second, '--merge']);
    // The second package carries the same sender versions the case already received: none is added again.
    expect(merged).toMatchObject({ code: 0, out: expect.stringContaining(`Imported case ${REFERENCE}: 0 documents`) });
    const cases = await b.call('cases.list', {});
    expect(cases.rows.filter((row) => row.caseReference === REFERENCE)).toHaveLength(1);
  });
});
