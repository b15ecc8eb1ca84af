import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileDialogs, OpenDialogRequest } from '../../main/files/file-dialogs';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import { MAX_TRUST_FILE_BYTES } from '../../shared/ipc/trust';
import { CA_EXTENSIONS, LEAF_EXTENSIONS, TestPki } from '../fixtures/signing/pki';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

/** The shell's open dialog, answered from a queue (null: cancel); every request is kept. */
class QueuedDialogs implements FileDialogs {
  readonly asked: OpenDialogRequest[] = [];
  readonly answers: (string | null)[] = [];
  chooseSavePath = () => Promise.resolve(null);
  chooseOpenPath = (request: OpenDialogRequest) => {
    this.asked.push(request);
    return Promise.resolve(this.answers.shift() ?? null);
  };
}

const temp = tempDirs('bro-trust-file-');
const dialogs = new QueuedDialogs();
let app: BroApp;
let pki: TestPki;
let root: string;

async function invoke(channel: string, input: unknown = {}) {
  return app.router.invoke(channel, input);
}

async function entries(): Promise<number> {
  const result = await invoke('trust.list');
  if (!result.ok) throw new Error(result.error.code);
  return (result.value as { entries: unknown[] }).entries.length;
}

beforeAll(async () => {
  root = temp.make();
  mkdirSync(join(root, 'prefs'));
  mkdirSync(join(root, 'pki'));
  pki = new TestPki(join(root, 'pki'));
  pki.cert({ name: 'Fiktiv Rot-CA', extensions: CA_EXTENSIONS });
  pki.cert({ name: 'Fiktiv Enhet', issuer: 'Fiktiv Rot-CA', extensions: LEAF_EXTENSIONS });
  app = createApp({
    vaultDir: join(root, 'vault'),
    prefs: createConfPrefsStore(join(root, 'prefs')),
    kdfCost: { logN: 10, r: 8, p: 1 },
    files: dialogs,
  });
  const created = await invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
}, 60_000);
afterAll(() => {
  app.dispose();
  temp.cleanup();
});

describe('trust.addFromFile (a CA certificate or CRL through the shell open dialog)', () => {
  it('adds nothing when the dialog is cancelled', async () => {
    dialogs.answers.push(null);
    expect(await invoke('trust.addFromFile')).toEqual({ ok: true, value: { chosen: false } });
    expect(await entries()).toBe(0);
  });

  it('offers certificate and CRL files and adds the chosen CA once', async () => {
    dialogs.answers.push(pki.path('Fiktiv Rot-CA.pem'));
    const first = await invoke('trust.addFromFile');
    expect(first).toMatchObject({
      ok: true,
      value: { chosen: true, fileName: 'Fiktiv Rot-CA.pem', alreadyPresent: 0 },
    });
    expect(dialogs.asked.at(-1)?.filters[0]?.extensions).toEqual(['pem', 'crt', 'cer', 'der', 'crl']);
    dialogs.answers.push(pki.path('Fiktiv Rot-CA.pem'));
    expect(await invoke('trust.addFromFile')).toMatchObject({ ok: true, value: { added: [], alreadyPresent: 1 } });
    expect(await entries()).toBe(1);
  });

  it('refuses a certificate that is not a CA, and a file over the limit before reading it', async () => {
    dialogs.answers.push(pki.path('Fiktiv Enhet.pem'));
    expect(await invoke('trust.addFromFile')).toMatchObject({
      ok: false,
      error: { messageKey: 'trust.store.notCa', params: { file: 'Fiktiv Enhet.pem' } },
    });
    const big = join(root, 'stor.pem');
    writeFileSync(big, Buffer.alloc(MAX_TRUST_FILE_BYTES + 1, 0x41));
    dialogs.answers.push(big);
    expect(await invoke('trust.addFromFile')).toMatchObject({
      ok: false,
      error: { messageKey: 'files.open.tooLarge', params: { fileName: 'stor.pem', maxMb: 4 } },
    });
    expect(await entries()).toBe(1);
  });

  it('does not open the dialog while the vault is locked', async () => {
    await invoke('vault.lock');
    const asked = dialogs.asked.length;
    dialogs.answers.push(pki.path('Fiktiv Rot-CA.pem'));
    const result = await invoke('trust.addFromFile');
    expect(result.ok).toBe(false);
    expect(dialogs.asked.length).toBe(asked);
    dialogs.answers.length = 0;
  });
});
