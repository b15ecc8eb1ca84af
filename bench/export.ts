import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createConfPrefsStore } from '../main/prefs/conf-prefs-store';
import { getStoredIdentity } from '../main/db/repositories/signing-repo';
import { createApp } from '../main/services/registry';
import { exportDocument } from '../main/services/export-service';
import { pemFromDer } from '../main/services/pem';
import { loadVaultIdentity, signingHandlers } from '../main/services/signing-service';
import { decodeIdentity, verifyAsice } from '../main/signing';
import { createDetachedCms } from '../main/signing/cms-sign';
import { readZip } from '../main/signing/zip-read';
import { completePlan } from '../test/support/document-fixtures';
import { BENCH_PASSPHRASE } from './bench-vault';
import { median, round, timeMs } from './stats';

const RUNS = 5;
/** Tuned so the exported follow-up plan is 20 A4 pages; the figure reports the real count. */
const LINES_PER_SECTION = 147;

function longText(section: string): string {
  return Array.from(
    { length: LINES_PER_SECTION },
    (_, i) =>
      `${section} ${i + 1}: Ola Testmann følger samtaler med kontaktbetjent om skole, arbeid og bolig; Åse Eksempel koordinerer med politiet og kommunen.`,
  ).join('\n');
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push((await timeMs(fn)).ms);
  return round(median(times));
}

function opensslMs(dir: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const result = spawnSync(
      'openssl',
      [
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-in',
        'manifest.xml',
        '-signer',
        'signer.pem',
        '-inkey',
        'key.pem',
        '-outform',
        'DER',
        '-out',
        'signature.p7s',
      ],
      { cwd: dir },
    );
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`openssl cms -sign failed: ${result.stderr.toString()}`);
  }
  return round(median(times));
}

/**
 * Export figures on a real vault (fast KDF: unlocking is not what is measured): a signed PDF of a
 * 20-page follow-up plan through the export service (render, sign, log), the same plan as an ASiC-E
 * container, verifying that container, and — in the same run, on the same manifest bytes and key —
 * `openssl cms -sign` (a process start included) next to Bro's own CMS signer.
 */
export async function benchExport(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'bro-bench-export-'));
  mkdirSync(join(root, 'prefs'));
  const app = createApp({
    vaultDir: join(root, 'vault'),
    prefs: createConfPrefsStore(join(root, 'prefs')),
    kdfCost: { logN: 10, r: 8, p: 1 },
  });
  try {
    const invoke = async (channel: string, input: unknown) => {
      const result = await app.router.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.messageKey}`);
      return result.value as { id?: string; document?: { id: string } };
    };
    await invoke('vault.create', { profile: 'NO', passphrase: BENCH_PASSPHRASE });
    const deps = { session: app.session, now: () => new Date(), locale: () => 'nb' as const };
    await signingHandlers(deps)['signing.generateIdentity']({
      unitName: 'Benchmark fengsel',
      algorithm: 'ecdsa-p256',
      replace: false,
    });
    const kase = await invoke('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'BENCH-1',
      unit: 'Benchmark fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const content = completePlan({
      riskAndVulnerabilityFactors: longText('Risiko'),
      measuresDuringSentence: longText('Tiltak'),
      releasePlanning: longText('Løslatelse'),
    });
    const created = await invoke('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content });
    const documentId = created.document?.id ?? '';
    await invoke('documents.finalise', { id: documentId });

    const request = { documentId, recipient: 'kdi' as const };
    const pdf = await exportDocument(deps, 'pdf', request);
    const pages = (await PDFDocument.load(pdf.bytes, { updateMetadata: false })).getPageCount();
    const exportSignPdf = await medianMs(() => exportDocument(deps, 'pdf', request));
    const container = (await exportDocument(deps, 'asice', request)).bytes;
    const exportAsice = await medianMs(() => exportDocument(deps, 'asice', request));
    const verify = await medianMs(() => verifyAsice(container));

    const zip = await readZip(container);
    const manifest = zip.ok
      ? zip.entries.find((entry) => entry.name === 'META-INF/ASiCManifest.xml')?.bytes
      : undefined;
    const stored = getStoredIdentity(app.session.current().db);
    if (!manifest || !stored) throw new Error('no manifest or identity');
    const bytes = decodeIdentity(stored.identity);
    // The bench's own fictional key, written only to its temp folder and removed with it.
    writeFileSync(join(root, 'manifest.xml'), manifest);
    writeFileSync(join(root, 'signer.pem'), pemFromDer(bytes.certificate, 'CERTIFICATE'));
    writeFileSync(join(root, 'key.pem'), pemFromDer(bytes.privateKeyPkcs8, 'PRIVATE KEY'), { mode: 0o600 });
    const identity = await loadVaultIdentity(app.session.current().db);
    return {
      export_pdf_pages: pages,
      export_sign_pdf_ms: exportSignPdf,
      export_pdf_bytes: pdf.bytes.length,
      export_asice_ms: exportAsice,
      export_asice_bytes: container.length,
      verify_asice_ms: verify,
      openssl_cms_sign_ms: opensslMs(root),
      bro_cms_sign_ms: await medianMs(() => createDetachedCms([manifest], identity, { signingTime: new Date() })),
      export_key: 'ecdsa-p256',
    };
  } finally {
    app.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
