// A CRL for the test CA that createTestCa (test/fixtures/signing/signing-fixtures.ts) makes, via a minimal
// `openssl ca` setup. Fictional data only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Issues `<ca>.crl` (DER, no revoked certificates, 30 days) and `<ca>.der` in `dir`; returns both. */
export function issueTestCrl(
  openssl: (...args: string[]) => string,
  dir: string,
  ca = 'ca',
): { crl: Uint8Array; caDer: Uint8Array } {
  writeFileSync(join(dir, `${ca}-index.txt`), '');
  writeFileSync(join(dir, `${ca}-crlnumber`), '1000\n');
  const config = [
    '[ca]',
    'default_ca = test_ca',
    '[test_ca]',
    `database = ${join(dir, `${ca}-index.txt`)}`,
    `crlnumber = ${join(dir, `${ca}-crlnumber`)}`,
    `certificate = ${join(dir, `${ca}.pem`)}`,
    `private_key = ${join(dir, `${ca}.key`)}`,
    'default_md = sha256',
    'default_crl_days = 30',
  ];
  writeFileSync(join(dir, `${ca}-crl.cnf`), `${config.join('\n')}\n`);
  openssl('ca', '-config', `${ca}-crl.cnf`, '-gencrl', '-out', `${ca}.crl.pem`);
  openssl('crl', '-in', `${ca}.crl.pem`, '-outform', 'DER', '-out', `${ca}.crl`);
  openssl('x509', '-in', `${ca}.pem`, '-outform', 'DER', '-out', `${ca}.der`);
  return {
    crl: new Uint8Array(readFileSync(join(dir, `${ca}.crl`))),
    caDer: new Uint8Array(readFileSync(join(dir, `${ca}.der`))),
  };
}
