import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import { dueFactsMismatches } from '../../main/db/repositories/due-facts-repo';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/result';
import type { Profile } from '../../shared/domain/profile';
import { tempDirs } from './temp-dir';
/** FAST_KDF: these tests are about services, not key stretching. */
import { FAST_KDF, PASSPHRASE } from './vault-fixtures';

export interface ServiceApp {
  app: BroApp;
  vaultDir: string;
  /** Calls a channel through the real router; throws with the typed error if it fails. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel that must fail; returns its typed error. */
  fail(channel: string, input: unknown): Promise<IpcError>;
  /**
   * Every row of every table, hashed per table: equal before and after means no row changed. The kept
   * due list (migration 0018) is left out: the app writes it on its own once an integrity check passes,
   * which may fall between two calls (due-list-store.test.ts tests it).
   */
  rows(): Record<string, string>;
  /** Moves the app's clock. */
  setNow(date: string): void;
  /** A new folder beside the vault, removed with the app's temp folder by cleanup (never left in /tmp). */
  scratch(prefix: string): string;
}

/** The documents (ids and problems) whose stored due facts disagree with them, in an open vault. */
function dueFactsDisagreeing(app: BroApp): string[] {
  if (!app.session.isUnlocked) return [];
  return dueFactsMismatches(app.session.current().db).map((m) => `${m.documentId} (${m.problem})`);
}

/** A real app over a real vault in a temp folder, created with `profile` and unlocked. */
export function serviceApps() {
  const dirs = tempDirs('bro-service-');
  const apps: BroApp[] = [];
  return {
    async make(profile: Profile, now = '2026-03-02T10:00:00.000Z'): Promise<ServiceApp> {
      const root = dirs.make();
      const vaultDir = join(root, 'vault');
      mkdirSync(join(root, 'prefs'));
      let clock = new Date(now);
      const app = createApp({
        vaultDir,
        prefs: createConfPrefsStore(join(root, 'prefs')),
        kdfCost: FAST_KDF,
        now: () => clock,
      });
      apps.push(app);
      const service: ServiceApp = {
        app,
        vaultDir,
        async call(channel, input) {
          const result = await app.router.invoke(channel, input);
          if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
          return result.value as ChannelOutput<typeof channel>;
        },
        async fail(channel, input) {
          const result = await app.router.invoke(channel, input);
          if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
          return result.error;
        },
        rows() {
          const db = app.session.current().db;
          const names = (
            db
              .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'due_list_%' ORDER BY name",
              )
              .all() as { name: string }[]
          ).map((r) => r.name);
          return Object.fromEntries(
            names.map((name) => {
              const all = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
              const text = JSON.stringify(all, (_key, value: unknown) =>
                value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
              );
              return [name, createHash('sha256').update(text).digest('hex')];
            }),
          );
        },
        setNow(date) {
          clock = new Date(date);
        },
        scratch(prefix) {
          return mkdtempSync(join(root, prefix));
        },
      };
      const created = await service.call('vault.create', { profile, passphrase: PASSPHRASE });
      if (created.status.state !== 'unlocked') throw new Error('vault not unlocked after create');
      return service;
    },
    /**
     * Disposes every app. Fails when an open vault's due facts disagree with its documents after what
     * the tests did through the services: the check after the next unlock would raise a false alarm
     * of an edited file (main/vault/vault-repairs.ts). Tests that edit facts as an insider mend them.
     */
    cleanup() {
      const disagreeing = apps.flatMap(dueFactsDisagreeing);
      apps.splice(0).forEach((app) => app.dispose());
      dirs.cleanup();
      if (disagreeing.length > 0)
        throw new Error(`due facts disagree with the documents after the services wrote: ${disagreeing.join(', ')}`);
    },
  };
}
