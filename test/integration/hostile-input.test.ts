import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/ipc/app-error';
import { importFile } from '../../main/services/import-service';
import type { ServiceDeps } from '../../main/services/service-context';
import { signingHandlers } from '../../main/services/signing-service';
import { openAsiceForImport, verifyAsice, verifyPdf, type VerificationReport } from '../../main/signing';
import type { VerifyOptions } from '../../main/signing/report';
import { VaultSession } from '../../main/vault/vault-session';
import { ConcernReportContentSchema } from '../../shared/domain/concern-report';
import { exportChannels, type ImportResult } from '../../shared/ipc/export';
import { signingChannels } from '../../shared/ipc/signing';
import { FILES } from '../fixtures/hostile/export-files';
import { CHECK_TIME, generateHostileCorpus, type HostileCorpus } from '../fixtures/hostile/generate';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

type Refusal = { status: 'invalid' | 'unreadable'; problem: string };
const unreadable = (problem: string): Refusal => ({ status: 'unreadable', problem });
const invalid = (problem: string): Refusal => ({ status: 'invalid', problem });

/** What the verifier must say about each hostile file: the status and the problem that names the cause. */
const REFUSALS: Readonly<Record<string, Refusal>> = {
  'zip-slip': unreadable('signing.problem.zipParentPath'),
  'zip-slip-backslash': unreadable('signing.problem.zipBackslash'),
  'absolute-path': unreadable('signing.problem.zipAbsolutePath'),
  'drive-letter-path': unreadable('signing.problem.zipAbsolutePath'),
  'zip-bomb': unreadable('signing.problem.zipBomb'),
  'zip-bomb-lying-size': unreadable('signing.problem.zipCorrupt'),
  truncated: unreadable('signing.problem.zipUnreadable'),
  'wrong-mimetype': invalid('signing.problem.mimetypeWrong'),
  'compressed-mimetype': invalid('signing.problem.mimetypeCompressed'),
  'missing-file': invalid('signing.problem.fileMissing'),
  'extra-unsigned-file': invalid('signing.problem.fileNotSigned'),
  'foreign-signature': invalid('signing.problem.contentModified'),
  'expired-certificate': invalid('signing.problem.certificateExpiredAtSigning'),
  'incremental-update': invalid('signing.problem.pdfBytesAfterSignature'),
  'shadow-in-stream': invalid('signing.problem.pdfBytesAfterSignature'),
  'shadow-by-duplicate': invalid('signing.problem.pdfBytesAfterSignature'),
  'not-a-pdf': unreadable('signing.problem.notPdf'),
};

const PDF_CASES: ReadonlySet<string> = new Set([
  'incremental-update',
  'shadow-in-stream',
  'shadow-by-duplicate',
  'not-a-pdf',
]);

/** Signed correctly by the trusted unit: only the import, which reads the JSON, can refuse these. */
const CONTENT_CASES = ['schema-invalid-json', 'huge-json', 'invalid-utf8-json'] as const;

const UNREADABLE = 'export.import.unreadable';
const INVALID = 'export.import.invalid';

/** The reason the import service gives for refusing each corpus file. */
const IMPORT_REFUSALS: Readonly<Record<string, string>> = {
  'zip-slip': UNREADABLE,
  'zip-slip-backslash': UNREADABLE,
  'absolute-path': UNREADABLE,
  'drive-letter-path': UNREADABLE,
  'zip-bomb': UNREADABLE,
  'zip-bomb-lying-size': UNREADABLE,
  truncated: UNREADABLE,
  'wrong-mimetype': INVALID,
  'compressed-mimetype': INVALID,
  'missing-file': INVALID,
  'extra-unsigned-file': INVALID,
  'foreign-signature': INVALID,
  'expired-certificate': INVALID,
  'impostor-signer': 'export.import.untrusted',
  'schema-invalid-json': 'export.import.schemaInvalid',
  'huge-json': 'export.import.schemaInvalid',
  'invalid-utf8-json': 'export.import.jsonUnreadable',
  'incremental-update': 'export.import.notContainer',
  'shadow-in-stream': 'export.import.notContainer',
  'shadow-by-duplicate': 'export.import.notContainer',
  'not-a-pdf': 'export.import.notContainer',
};

const temp = tempDirs('bro-hostile-');
let corpus: HostileCorpus;
let options: VerifyOptions;

const read = (file: string) => new Uint8Array(readFileSync(join(corpus.dir, file)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fileOf = (id: string) => {
  const item = corpus.files.find((entry) => entry.id === id);
  if (!item) throw new Error(`no corpus file ${id}`);
  return item;
};

async function verify(file: string, format: 'asice' | 'pdf'): Promise<VerificationReport> {
  return format === 'asice'
    ? verifyAsice(read(file), options)
    : verifyPdf(read(file), { ...options, fileName: 'dokument.pdf' });
}

beforeAll(async () => {
  corpus = await generateHostileCorpus(temp.make());
  options = { now: CHECK_TIME, trust: { fingerprints: [corpus.trustedFingerprint] } };
}, 60_000);

afterAll(() => temp.cleanup());

describe('the hostile corpus', () => {
  it('is made from a container and a PDF that verify as valid and trusted', async () => {
    for (const [file, format] of [
      [corpus.controls.asice, 'asice'],
      [corpus.controls.pdf, 'pdf'],
    ] as const) {
      const report = await verify(file, format);
      expect(report.problems).toEqual([]);
      expect(report.status).toBe('valid');
    }
  });

  it('has an expectation for every file and a file for every expectation', () => {
    const ids = corpus.files.map((item) => item.id).sort();
    expect(ids).toEqual([...Object.keys(REFUSALS), ...CONTENT_CASES, 'impostor-signer'].sort());
  });
});

describe('verifying a hostile file', () => {
  it.each(Object.entries(REFUSALS))('refuses %s with the reason named', async (id, expected) => {
    const item = fileOf(id);
    const report = await verify(item.file, item.format);
    expect(report.status, item.what).toBe(expected.status);
    expect(
      report.problems.map((problem) => problem.messageKey),
      item.what,
    ).toContain(expected.problem);
  });

  it('names the other key when altered content is re-signed under the same unit name, and the import gate refuses it', async () => {
    const bytes = read(fileOf('impostor-signer').file);
    const report = await verifyAsice(bytes, options);
    expect(report.status).toBe('valid_untrusted');
    expect(report.trusted).toBe(false);
    expect(report.signer?.commonName).toBe('Testfengsel avdeling A');
    expect(report.signer?.fingerprint).not.toBe(corpus.trustedFingerprint);
    const opened = await openAsiceForImport(bytes, options);
    expect(opened.accepted).toBe(false);
    expect(opened).not.toHaveProperty('files');
  });

  it.each(Object.keys(REFUSALS).filter((id) => !PDF_CASES.has(id)))('hands no file of %s to an import', async (id) => {
    const item = fileOf(id);
    const opened = await openAsiceForImport(read(item.file), { ...options, acceptUntrusted: true });
    expect(opened.accepted).toBe(false);
  });

  it('changes nothing on disk: every corpus file is byte for byte as generated', async () => {
    const before = snapshotFiles(corpus.dir);
    for (const item of corpus.files) await verify(item.file, item.format);
    expect(snapshotFiles(corpus.dir)).toEqual(before);
  });
});

describe('a validly signed container with hostile JSON inside', () => {
  it.each(CONTENT_CASES)('%s passes the signature check, so the refusal must come from the import', async (id) => {
    const report = await verifyAsice(read(fileOf(id).file), options);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
  });

  it('carries JSON that really fails its schema, is not UTF-8, or is about 50 MB', async () => {
    const opened = async (id: string) => {
      const result = await openAsiceForImport(read(fileOf(id).file), options);
      if (!result.accepted) throw new Error(`${id} was not accepted`);
      const file = result.files.find((entry) => entry.name === FILES.json);
      if (!file) throw new Error(`${id} has no ${FILES.json}`);
      return file.bytes;
    };
    const schemaInvalid: unknown = JSON.parse(new TextDecoder().decode(await opened('schema-invalid-json')));
    expect(ConcernReportContentSchema.safeParse(schemaInvalid).success).toBe(false);
    const notUtf8 = await opened('invalid-utf8-json');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(notUtf8)).toThrow();
    expect((await opened('huge-json')).length).toBeGreaterThan(50_000_000);
  });
});

describe('importing a hostile file into a real vault', () => {
  const apps = serviceApps();
  let service: ServiceApp;
  let deps: ServiceDeps;

  beforeAll(async () => {
    service = await apps.make('NO', CHECK_TIME.toISOString());
    deps = { session: service.app.session, now: () => CHECK_TIME };
    const trust = signingChannels['signing.trust'].input.parse({
      label: 'Testfengsel avdeling A',
      fingerprint: corpus.trustedFingerprint,
    });
    await signingHandlers({ ...deps, locale: () => 'nb' })['signing.trust'](trust);
  });

  afterAll(() => apps.cleanup());

  /** The vault's files on disk (the -shm index aside, which readers may touch). */
  const vaultFileHashes = () =>
    Object.fromEntries(Object.entries(snapshotFiles(service.vaultDir)).filter(([name]) => !name.endsWith('-shm')));

  /** As the router does it: the contract's input schema first (size limit included), then the service. */
  async function importBytes(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
    const input = exportChannels['import.file'].input.parse({
      fileName,
      fileBase64: Buffer.from(bytes).toString('base64'),
    });
    return importFile(deps, input);
  }

  it('has an import expectation for every corpus file', () => {
    expect(Object.keys(IMPORT_REFUSALS).sort()).toEqual(corpus.files.map((item) => item.id).sort());
  });

  it.each(Object.entries(IMPORT_REFUSALS))(
    'refuses %s (%s), writing no row and changing no vault file',
    async (id, reason) => {
      const item = fileOf(id);
      const rows = service.rows();
      const files = vaultFileHashes();
      const result = await importBytes(basename(item.file), read(item.file));
      expect(result.outcome, item.what).toBe('refused');
      expect(result.outcome === 'refused' ? result.reason.messageKey : null, item.what).toBe(reason);
      expect(service.rows()).toEqual(rows);
      expect(vaultFileHashes()).toEqual(files);
    },
  );

  it('imports the legitimate container the corpus was made from, and refuses it the second time', async () => {
    const bytes = read(corpus.controls.asice);
    const first = await importBytes('dokument.asice', bytes);
    expect(first.outcome).toBe('imported');
    const rows = service.rows();
    const files = vaultFileHashes();
    const second = await importBytes('dokument.asice', bytes);
    expect(second.outcome === 'refused' ? second.reason.messageKey : second.outcome).toBe('export.import.duplicate');
    expect(service.rows()).toEqual(rows);
    expect(vaultFileHashes()).toEqual(files);
  });
});

describe('a vault folder holding files from another program', () => {
  const FAST_KDF = { logN: 10, r: 8, p: 1 };

  /** A real vault's folder with its key file but without its database and the database's side files. */
  async function vaultWithoutDatabase(): Promise<string> {
    const folder = temp.make();
    const created = new VaultSession({ dir: folder, kdfCost: FAST_KDF });
    await created.create('NO', PASSPHRASE);
    created.lock();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(folder, `vault.db${suffix}`), { force: true });
    return folder;
  }

  it.each([
    ['foreign-sqlite-db', 'vault_missing', 'error.vault_missing'],
    ['random-db', 'vault_missing', 'error.vault_missing'],
    ['kdbx-key-file', 'vault_corrupt', 'error.vault_keys_unreadable'],
    ['foreign-json-key-file', 'vault_corrupt', 'error.vault_keys_unreadable'],
  ])('refuses to open %s with a clear error and leaves it untouched', async (id, code, messageKey) => {
    const folder = join(corpus.dir, 'vault', id);
    const before = snapshotFiles(folder);
    const session = new VaultSession({ dir: folder, kdfCost: FAST_KDF });
    const error = await session.unlock(PASSPHRASE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, messageKey });
    expect(session.isUnlocked).toBe(false);
    expect(snapshotFiles(folder)).toEqual(before);
  });

  it.each(['foreign-sqlite-db', 'random-db'])(
    'refuses a foreign %s put in place of the vault database, with the right passphrase, and leaves it untouched',
    async (id) => {
      const folder = await vaultWithoutDatabase();
      copyFileSync(join(corpus.dir, 'vault', id, 'vault.db'), join(folder, 'vault.db'));
      const before = snapshotFiles(folder);
      const session = new VaultSession({ dir: folder, kdfCost: FAST_KDF });
      const error = await session.unlock(PASSPHRASE).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'vault_corrupt', messageKey: 'error.vault_key_rejected' });
      expect(snapshotFiles(folder)).toEqual(before);
      expect(sha256(new Uint8Array(readFileSync(join(folder, 'vault.db'))))).toBe(
        sha256(read(join('vault', id, 'vault.db'))),
      );
    },
  );

  it('refuses an empty vault.db, or another vault database, beside a valid key file and leaves them untouched', async () => {
    const folder = await vaultWithoutDatabase();
    writeFileSync(join(folder, 'vault.db'), '');
    const before = snapshotFiles(folder);
    const error = await new VaultSession({ dir: folder, kdfCost: FAST_KDF })
      .unlock(PASSPHRASE)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'vault_corrupt', messageKey: 'error.vault_mismatch' });
    expect(snapshotFiles(folder)).toEqual(before);
  });

  it('keeps the bytes of a foreign vault.db when a new vault is created in its folder', async () => {
    const folder = temp.make();
    copyFileSync(join(corpus.dir, 'vault', 'foreign-sqlite-db', 'vault.db'), join(folder, 'vault.db'));
    const original = sha256(read(join('vault', 'foreign-sqlite-db', 'vault.db')));
    const session = new VaultSession({ dir: folder, kdfCost: FAST_KDF, now: () => CHECK_TIME });
    await session.create('NO', PASSPHRASE);
    session.lock();
    const kept = `vault.db.orphan-${CHECK_TIME.getTime()}`;
    expect(sha256(new Uint8Array(readFileSync(join(folder, kept))))).toBe(original);
  });
});
