import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAsice } from '../main/signing';
import { run } from '../test/fixtures/signing/signing-fixtures';
import { generateCorpus, signCase, type CorpusCase } from '../test/fixtures/signing/generate-corpus';
import { median, round, timeMs } from './stats';

const RUNS = 15;

/**
 * Verifying a CA-issued ASiC-E through the trust store: Bro's whole verification (ZIP, manifest, CMS,
 * path to the trusted root, both CRLs), and `openssl verify -crl_check_all` on the same certificates
 * and CRLs (chain only, plus process start), in the same run. Medians over RUNS.
 */
export async function benchVerifyChain(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-chain-'));
  try {
    const base = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { pki, cases } = generateCorpus(dir, base);
    const item = cases[0] as CorpusCase;
    const container = await signCase(pki, item, new Date(base.getTime() + 30 * 60_000));
    const trust = { authorities: item.anchors.map((stem) => pki.der(stem)), crls: item.crls.map((f) => pki.crlDer(f)) };
    const bro: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, value } = await timeMs(() => verifyAsice(container, { trust, now: item.at }));
      if (value.indication !== 'TOTAL-PASSED') throw new Error(`bench case did not pass: ${value.subIndication}`);
      bro.push(ms);
    }
    writeFileSync(join(dir, 'crls.pem'), item.crls.map((f) => pki.openssl('crl', '-in', f)).join(''));
    const args = ['verify', '-x509_strict', '-auth_level', '2', '-purpose', 'smimesign', '-crl_check_all'];
    args.push(
      '-attime',
      String(Math.floor(item.at.getTime() / 1000)),
      '-CAfile',
      pki.bundle('anchors.pem', item.anchors),
    );
    args.push('-untrusted', pki.bundle('untrusted.pem', item.carried), '-CRLfile', 'crls.pem', `${item.signer}.pem`);
    const openssl: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, value } = await timeMs(() => Promise.resolve(run('openssl', args, dir)));
      if (value.status !== 0) throw new Error(`openssl verify failed: ${value.stderr}`);
      openssl.push(ms);
    }
    return {
      verify_chain_crl_ms: round(median(bro)),
      openssl_verify_ms: round(median(openssl)),
      verify_chain_note:
        'ASiC-E, P-256 leaf → intermediate → root in the trust store, two CRLs; openssl on the same files',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
