import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net, { connect as importedConnect } from 'node:net';
import tls from 'node:tls';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { restoreBackup } from '../../main/backup/restore-backup';
import { backupCommand } from '../../main/cli/commands/backup-commands';
import { search } from '../../main/db/repositories/search-repo';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp } from '../../main/services/registry';
import { readKeyFile } from '../../main/vault/key-file';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { saveObservation } from '../support/observation';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Bro never opens a network connection. Every way Node offers to open one is replaced by a tripwire
 * that records the call and throws, a representative flow of the main-process services runs, and
 * the tripwires must be untouched. The originals are put back afterwards.
 */
type Target = { owner: Record<string, unknown>; key: string; label: string };

function networkEntryPoints(): Target[] {
  const targets: Target[] = [];
  const add = (owner: object, keys: string[], prefix: string) => {
    for (const key of keys)
      if (typeof (owner as Record<string, unknown>)[key] === 'function')
        targets.push({ owner: owner as Record<string, unknown>, key, label: `${prefix}.${key}` });
  };
  add(net, ['connect', 'createConnection'], 'net');
  add(net.Socket.prototype, ['connect'], 'net.Socket.prototype');
  add(http, ['request', 'get'], 'http');
  add(https, ['request', 'get'], 'https');
  add(http2, ['connect'], 'http2');
  add(tls, ['connect'], 'tls');
  add(dgram, ['createSocket'], 'dgram');
  const lookups = (owner: object) => Object.keys(owner).filter((key) => /^(lookup|resolve|reverse)/.test(key));
  add(dns, lookups(dns), 'dns');
  add(dns.promises, lookups(dns.promises), 'dns.promises');
  add(globalThis, ['fetch'], 'globalThis');
  return targets;
}

function installTripwires(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const originals = networkEntryPoints().map((target) => ({ ...target, original: target.owner[target.key] }));
  for (const { owner, key, label } of originals) {
    owner[key] = () => {
      calls.push(label);
      throw new Error(`network use is forbidden: ${label}`);
    };
  }
  // Named imports of built-in modules (`import { connect } from 'node:net'`) see the change only after this.
  syncBuiltinESMExports();
  return {
    calls,
    restore() {
      for (const { owner, key, original } of originals) owner[key] = original;
      syncBuiltinESMExports();
    },
  };
}

const dirs = tempDirs('bro-offline-');
afterEach(() => dirs.cleanup());
const AT = '2026-11-23T09:00:00.000Z';

describe('no network', () => {
  it('catches every entry point, also through a named import, and puts the originals back', () => {
    const original = net.connect;
    const wires = installTripwires();
    try {
      expect(() => importedConnect(9, '127.0.0.1')).toThrow('network use is forbidden');
      expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow('network use is forbidden');
      expect(() => fetch('http://127.0.0.1:9/')).toThrow('network use is forbidden');
      expect(wires.calls).toEqual(['net.connect', 'net.Socket.prototype.connect', 'globalThis.fetch']);
    } finally {
      wires.restore();
    }
    expect(net.connect).toBe(original);
  });

  it('creates, unlocks, writes, audits, searches, locks, backs up and restores a vault without opening a socket', async () => {
    const root = dirs.make();
    const vaultDir = join(root, 'vault');
    mkdirSync(join(root, 'prefs'));
    const wires = installTripwires();
    try {
      const app = createApp({
        vaultDir,
        prefs: createConfPrefsStore(join(root, 'prefs')),
        kdfCost: { logN: 10, r: 8, p: 1 },
      });
      expect(await app.router.invoke('vault.create', { profile: 'DK', passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
      });
      expect(await app.router.invoke('vault.lock', {})).toMatchObject({ ok: true });
      expect(await app.router.invoke('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
      const db = app.session.current().db;
      const saved = saveObservation(db, {
        grading: 'TIL TJENESTEBRUG',
        status: 'final',
        at: AT,
        content: { what: 'Jens Opdigtet talte om rekruttering' },
        searchTitle: 'Observation',
      });
      appendAudit(db, {
        at: AT,
        actor: 'user-1',
        action: 'create',
        objectType: 'document',
        objectId: saved.document.id,
      });
      expect(search(db, 'rekruttering').map((hit) => hit.objectId)).toEqual([saved.document.id]);
      expect(await app.router.invoke('settings.update', { autoLockMinutes: 5 })).toMatchObject({ ok: true });
      expect(await app.router.invoke('vault.lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
      app.dispose();

      const out = join(root, 'bro.backup');
      const cli = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
      expect(await backupCommand(cli.io, ['--vault', vaultDir, '--out', out])).toBe(0);
      const target = join(root, 'restored');
      await restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } });
      const restored = new VaultSession({ dir: target });
      await restored.unlock(PASSPHRASE);
      expect(search(restored.current().db, 'rekruttering')).toHaveLength(1);
      expect(verifyAuditChain(restored.current().db, readKeyFile(restored.files.keys).auditAnchor).ok).toBe(true);
      restored.lock();
    } finally {
      wires.restore();
    }
    expect(wires.calls).toEqual([]);
  });
});
