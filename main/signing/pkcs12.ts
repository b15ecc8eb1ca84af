import * as pkijs from 'pkijs';
import { AppError, isAppError } from '../ipc/app-error';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { engine, toArrayBuffer } from './crypto';
import { loadIdentity, type SigningIdentityBytes } from './identity';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const X509_CERT = '1.2.840.113549.1.9.22.1';
const MAX_CHAIN = 10;

type Contents = { keys: Uint8Array[]; certificates: ParsedCertificate[] };

/** Maps pkijs failures to what the user can act on: a wrong password or a file Bro cannot read. */
function classify(error: unknown): AppError {
  // Stryker disable next-line ConditionalExpression: the only AppErrors here are openPfx's "unreadable", whose message matches no pattern below either
  if (isAppError(error)) return error;
  // Stryker disable next-line StringLiteral: a thrown non-Error has no message; any text matching no pattern gives the same answer
  const message = error instanceof Error ? error.message : '';
  if (/integrity/i.test(message)) return new AppError('wrong_passphrase', 'signing.pkcs12.wrongPassword');
  // Stryker disable next-line Regex: pkijs writes `Unknown "contentEncryptionAlgorithm"` with the quotes; the optional quote only allows for other wordings
  if (/unknown "?contentEncryptionAlgorithm|unsupported|not supported/i.test(message)) {
    return new AppError('unreadable', 'signing.pkcs12.unsupportedEncryption');
  }
  // A decryption that fails without a MAC to check first is almost always the password.
  if (/decrypt|operation-specific|bad decrypt/i.test(message))
    return new AppError('wrong_passphrase', 'signing.pkcs12.wrongPassword');
  return new AppError('unreadable', 'signing.pkcs12.unreadable');
}

async function openPfx(bytes: Uint8Array, password: ArrayBuffer): Promise<pkijs.AuthenticatedSafe> {
  let pfx: pkijs.PFX;
  try {
    // Stryker disable BlockStatement: the catch block; without its throw, reading pfx.macData below throws a TypeError that classify also calls unreadable
    pfx = pkijs.PFX.fromBER(toArrayBuffer(bytes));
  } catch {
    throw new AppError('unreadable', 'signing.pkcs12.unreadable');
  }
  // Stryker restore BlockStatement
  await pfx.parseInternalValues({ password, checkIntegrity: pfx.macData !== undefined }, engine);
  // Stryker disable next-line OptionalChaining: pkijs's parseInternalValues sets parsedValue (or throws)
  const safe = pfx.parsedValue?.authenticatedSafe;
  // Stryker disable next-line ConditionalExpression,StringLiteral: …and authenticatedSafe in it; this check is for the type and a later pkijs
  if (!safe) throw new AppError('unreadable', 'signing.pkcs12.unreadable');
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) }, engine);
  return safe;
}

async function collectBags(safe: pkijs.AuthenticatedSafe, password: ArrayBuffer): Promise<Contents> {
  const contents: Contents = { keys: [], certificates: [] };
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: pkijs's parseInternalValues always sets parsedValue.safeContents (or throws)
  for (const { value } of safe.parsedValue?.safeContents ?? []) {
    for (const bag of value.safeBags) {
      if (bag.bagId === BAG.key) {
        contents.keys.push(new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)));
      } else if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        const encrypted = new pkijs.EncryptedData({
          encryptedContentInfo: new pkijs.EncryptedContentInfo({
            contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
            encryptedContent: shrouded.encryptedData,
          }),
        });
        // The decrypted bytes are the PKCS#8 DER itself; keep them as they are.
        // Stryker disable ConditionalExpression: the cert-bag test below; every other bag pkijs reads (CRL, secret, nested contents) has no certId and is skipped there
        contents.keys.push(new Uint8Array(await encrypted.decrypt({ password }, engine)));
      } else if (bag.bagId === BAG.cert) {
        // Stryker restore ConditionalExpression
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId !== X509_CERT) continue;
        // The exact DER inside the bag, so the fingerprint is the issuer's.
        const der = new Uint8Array(
          (certBag.certValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView,
        );
        contents.certificates.push(parseCertificate(der));
      }
    }
  }
  return contents;
}

/** The issuers of `leaf` found among `pool`, nearest first; unrelated certificates are dropped. */
export function chainFor(leaf: ParsedCertificate, pool: ParsedCertificate[]): ParsedCertificate[] {
  const chain: ParsedCertificate[] = [];
  let current = leaf;
  while (chain.length < MAX_CHAIN && !current.cert.issuer.isEqual(current.cert.subject)) {
    // `current` is never its own issuer here: the loop stops at a self-issued certificate.
    const issuer = pool.find((item) => !chain.includes(item) && item.cert.subject.isEqual(current.cert.issuer));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

/**
 * Imports a password-protected PKCS#12 (.p12/.pfx) issued by the organisation's CA: the one private
 * key, the certificate that matches it and that certificate's chain. Works with OpenSSL 3 defaults
 * (PBES2, AES-256-CBC, PBKDF2, SHA-256 MAC). Legacy RC2/3DES files are refused with a clear key.
 * The result goes to the vault; nothing is written here.
 */
export async function importPkcs12(bytes: Uint8Array, password: string): Promise<SigningIdentityBytes> {
  if (password.length === 0) throw new AppError('wrong_passphrase', 'signing.pkcs12.passwordRequired');
  const secret = toArrayBuffer(new TextEncoder().encode(password));
  let contents: Contents;
  try {
    contents = await collectBags(await openPfx(bytes, secret), secret);
  } catch (error) {
    throw classify(error);
  }
  if (contents.keys.length === 0) throw new AppError('unreadable', 'signing.pkcs12.noKey');
  if (contents.keys.length > 1) throw new AppError('unreadable', 'signing.pkcs12.multipleKeys');
  const privateKeyPkcs8 = contents.keys[0] as Uint8Array;
  for (const candidate of contents.certificates) {
    const identity = { privateKeyPkcs8, certificate: candidate.der, chain: [] };
    const loaded = await loadIdentity(identity).catch((error: unknown) => {
      if (isAppError(error) && error.messageKey === 'signing.identity.keyMismatch') return null;
      throw error;
    });
    if (loaded) return { ...identity, chain: chainFor(candidate, contents.certificates).map((item) => item.der) };
  }
  throw new AppError('unreadable', 'signing.pkcs12.noMatchingCertificate');
}
