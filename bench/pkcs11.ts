import { signPdf } from '../main/signing/pades-sign';
import { withTokenSigner } from '../main/signing/pkcs11/token-signer';
import { makePdf } from '../test/fixtures/signing/signing-fixtures';
import { makeTestToken, softHsmMissing } from '../test/fixtures/softhsm/token';
import { median, round, timeMs } from './stats';

const RUNS = 7;

/**
 * `sign_pkcs11_pdf_ms`: one signed PDF export's signing on a SoftHSM2 token as a user meets it —
 * load the module, C_Initialize, log in with the PIN, find key and certificate, prove they match,
 * sign the PDF (RSA-3072, CKM_SHA256_RSA_PKCS), log out, close, C_Finalize. Median of 7 runs on a
 * 2-page PDF; the EC P-256 key beside it. Skipped with a reason when softhsm2 is absent.
 */
export async function benchPkcs11(): Promise<Record<string, unknown>> {
  const missing = softHsmMissing();
  if (missing) return { sign_pkcs11_pdf_ms: null, sign_pkcs11_pdf_skipped: missing };
  const token = makeTestToken();
  try {
    const pdf = await makePdf(2);
    const signOnce = (config: typeof token.rsa) =>
      withTokenSigner(config, token.pin, (signer) => signPdf(pdf, signer, { signingTime: new Date() }));
    const measure = async (config: typeof token.rsa) => {
      await signOnce(config);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) times.push((await timeMs(() => signOnce(config))).ms);
      return round(median(times));
    };
    return {
      sign_pkcs11_pdf_ms: await measure(token.rsa),
      sign_pkcs11_pdf_ec_ms: await measure(token.ec),
      sign_pkcs11_pdf_pages: 2,
      sign_pkcs11_pdf_token: 'SoftHSM2, RSA-3072 (ec: P-256), open+login+sign+close per run',
    };
  } finally {
    token.cleanup();
  }
}
