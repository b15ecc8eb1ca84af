import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAsice } from '../../main/signing';
import { run } from '../fixtures/signing/signing-fixtures';
import { buildAsice } from '../../main/signing/asice-build';
import {
  fileSigner,
  generateCorpus,
  replaceCarried,
  signCase,
  type CorpusCase,
} from '../fixtures/signing/generate-corpus';
import type { TestPki } from '../fixtures/signing/pki';

let dir: string;
let pki: TestPki;
let cases: CorpusCase[];
const base = new Date(Math.floor(Date.now() / 1000) * 1000);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bro-corpus-'));
  ({ pki, cases } = generateCorpus(dir, base));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `openssl verify` with the same anchors, carried certificates and CRLs, at the same time. */
export function opensslVerify(p: TestPki, item: CorpusCase, index: number): { ok: boolean; output: string } {
  const anchors = p.bundle(`anchors-${index}.pem`, item.anchors);
  const args = ['verify', '-x509_strict', '-auth_level', '2', '-purpose', 'smimesign'];
  args.push('-attime', String(Math.floor(item.at.getTime() / 1000)), '-CAfile', anchors, '-crl_check_all');
  const carried = [...new Set(item.carried)].filter((stem) => stem !== item.signer);
  if (carried.length > 0) args.push('-untrusted', p.bundle(`untrusted-${index}.pem`, carried));
  if (item.crls.length > 0) {
    writeFileSync(p.path(`crls-${index}.pem`), item.crls.map((file) => readFileSync(p.path(file), 'utf8')).join(''));
    args.push('-CRLfile', `crls-${index}.pem`);
  }
  const result = run('openssl', [...args, `${item.signer}.pem`], dir);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

describe('adversarial signing corpus (issue 10)', () => {
  it('gives every chain case its expected ETSI verdict, and openssl verify agrees on pass or fail', async () => {
    const outcomes = [];
    const problemKeys = new Set<string>();
    for (const [index, item] of cases.entries()) {
      const container = await signCase(pki, item, new Date(base.getTime() + 30 * 60_000));
      const started = performance.now();
      const report = await verifyAsice(container, {
        trust: {
          authorities: item.anchors.map((stem) => pki.der(stem)),
          crls: item.crls.map((file) => pki.crlDer(file)),
        },
        now: item.at,
      });
      const ms = performance.now() - started;
      for (const problem of report.trustProblems ?? []) problemKeys.add(problem.messageKey);
      const openssl = opensslVerify(pki, item, index);
      outcomes.push({
        name: item.name,
        indication: report.indication,
        subIndication: report.subIndication,
        opensslAgrees: openssl.ok === (report.indication === 'TOTAL-PASSED'),
        fast: ms < 2_000,
        opensslOutput: openssl.ok === (report.indication === 'TOTAL-PASSED') ? '' : openssl.output,
      });
    }
    expect(outcomes).toEqual(
      cases.map((item) => ({
        name: item.name,
        ...item.expected,
        opensslAgrees: true,
        fast: true,
        opensslOutput: '',
      })),
    );
    // Every reason the corpus provokes, said in its own words.
    expect([...problemKeys].sort()).toEqual([
      'trust.problem.caRevoked',
      'trust.problem.crlStale',
      'trust.problem.expired',
      'trust.problem.issuerNotCa',
      'trust.problem.noChain',
      'trust.problem.noRevocationData',
      'trust.problem.pathLength',
      'trust.problem.revoked',
      'trust.problem.signerKeyUsage',
      'trust.problem.weakKey',
      'trust.problem.weakSignatureAlgorithm',
    ]);
  }, 120_000);

  it('uses CRLs carried in the CMS crls field as revocation data, and finds a carried revoked signer', async () => {
    const file = { name: 'notat.txt', bytes: new TextEncoder().encode('Fiktivt notat.\n') };
    const signingTime = new Date(base.getTime() + 30 * 60_000);
    const carriedCrls = ['root.crl', 'int.crl'].map((name) => pki.crlDer(name));
    const trust = { authorities: [pki.der('root')] };
    const now = new Date(base.getTime() + 3_600_000);
    const sign = async (signer: string) =>
      replaceCarried(await buildAsice([file], fileSigner(pki, signer), { signingTime }), [pki.der('int')], carriedCrls);
    expect(await verifyAsice(await sign('leaf'), { trust, now })).toMatchObject({
      indication: 'TOTAL-PASSED',
      trusted: true,
    });
    expect(await verifyAsice(await sign('leaf-revoked'), { trust, now })).toMatchObject({
      indication: 'TOTAL-FAILED',
      subIndication: 'REVOKED',
      status: 'invalid',
    });
  });
});
