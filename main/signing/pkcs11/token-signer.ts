import { createPublicKey, verify, webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Pkcs11 from 'pkcs11js';
import type { Pkcs11Config } from '../../../shared/domain/pkcs11';
import { AppError } from '../../ipc/app-error';
import { describeCertificate, parseCertificate, type ParsedCertificate } from '../certificate';
import { OID, sha256 } from '../crypto';
import { chainFor } from '../pkcs12';
import { ecdsaRawToDer, type Signer } from '../signer';
import { pkcs11ReturnName, tokenError } from './token-errors';

type Binding = typeof Pkcs11;
type Session = { p: Pkcs11.PKCS11; binding: Binding; session: Buffer };

const requireNative = createRequire(import.meta.url);
let binding: Binding | null = null;

/** pkcs11js through `require`, or the catalog's "binding missing" for a build (or install) without it. */
export function requireBinding(require: (id: string) => unknown): Binding {
  try {
    return require('pkcs11js') as Binding;
  } catch {
    throw new AppError('internal', 'token.error.bindingMissing');
  }
}

/** Loaded on first use only, so nothing native is touched by anyone who never signs on a token. */
function pkcs11Binding(): Binding {
  // Stryker disable next-line ConditionalExpression: require() caches the module, so loading it again gives the same binding
  if (binding) return binding;
  binding = requireBinding(requireNative);
  return binding;
}

/** A native CK_ULONG (8 bytes on 64-bit Linux and macOS, 4 on Windows) from the bytes pkcs11js hands over. */
function nativeUlong(bytes: Buffer): bigint {
  return bytes.length >= 8 ? bytes.readBigUInt64LE(0) : BigInt(bytes.readUInt32LE(0));
}

/** A slot handle (CK_SLOT_ID, a native unsigned long) as the decimal number pkcs11-tool prints. */
export function slotIdOf(handle: Buffer): string {
  return nativeUlong(handle).toString();
}

/** The one token the config names (by label and/or slot id; any when it names none), or why not. */
export function theOneToken<T>(matching: readonly T[], config: Pkcs11Config): T {
  const token = config.tokenLabel ?? (config.slotId !== undefined ? `slot ${config.slotId}` : '');
  if (matching.length === 0) throw new AppError('not_found', 'token.error.tokenNotFound', { token });
  if (matching.length > 1) throw new AppError('conflict', 'token.error.tokenAmbiguous');
  return matching[0] as T;
}

/** The token named by label and/or slot id, or the one initialised token present when the config names none. */
function findSlot(p: Pkcs11.PKCS11, b: Binding, config: Pkcs11Config): Buffer {
  // Stryker disable next-line BooleanLiteral: not measurable on SoftHSM, which has no slot without a token; with a real reader, `true` keeps an empty one out of the list (C_GetTokenInfo on it would fail)
  const matching = p.C_GetSlotList(true).filter((slot) => {
    const info = p.C_GetTokenInfo(slot);
    return (
      (info.flags & b.CKF_TOKEN_INITIALIZED) !== 0 &&
      (config.slotId === undefined || slotIdOf(slot) === config.slotId) &&
      (config.tokenLabel === undefined || info.label.trim() === config.tokenLabel)
    );
  });
  return theOneToken(matching, config);
}

function findObjects(s: Session, template: Pkcs11.Template, max = 16): Buffer[] {
  s.p.C_FindObjectsInit(s.session, template);
  try {
    return s.p.C_FindObjects(s.session, max);
  } finally {
    s.p.C_FindObjectsFinal(s.session);
  }
}

function attribute(s: Session, object: Buffer, type: number): Buffer {
  const [result] = s.p.C_GetAttributeValue(s.session, object, [{ type }]);
  // Stryker disable next-line OptionalChaining: pkcs11js answers with one entry per attribute asked for, or throws
  const value = result?.value;
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0);
}

/** The one private key the config names (by label and/or CKA_ID; any when it names none), or why not. */
export function theOneKey<T>(keys: readonly T[], config: Pkcs11Config): T {
  const key = config.keyLabel ?? config.keyId;
  if (keys.length === 0)
    throw key === undefined
      ? new AppError('not_found', 'token.error.noKeys')
      : new AppError('not_found', 'token.error.keyNotFound', { key });
  if (keys.length > 1)
    throw key === undefined
      ? new AppError('conflict', 'token.error.keyNotChosen')
      : new AppError('conflict', 'token.error.keyAmbiguous', { key });
  return keys[0] as T;
}

/** The private key named by label and/or CKA_ID, or the one private key on the token when the config names none. */
function findKey(s: Session, config: Pkcs11Config): Buffer {
  const { CKA_CLASS, CKO_PRIVATE_KEY, CKA_LABEL, CKA_ID } = s.binding;
  const template: Pkcs11.Template = [{ type: CKA_CLASS, value: CKO_PRIVATE_KEY }];
  if (config.keyLabel !== undefined) template.push({ type: CKA_LABEL, value: config.keyLabel });
  if (config.keyId !== undefined) template.push({ type: CKA_ID, value: Buffer.from(config.keyId, 'hex') });
  return theOneKey(findObjects(s, template), config);
}

/** A certificate file as picked: DER, or the first PEM block. */
function derOf(file: Uint8Array): Uint8Array {
  const text = Buffer.from(file).toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(text);
  return pem ? new Uint8Array(Buffer.from((pem[1] as string).replace(/\s/g, ''), 'base64')) : file;
}

function parseOrRefuse(bytes: Uint8Array, messageKey: string): ParsedCertificate {
  try {
    return parseCertificate(derOf(bytes));
  } catch {
    throw new AppError('unreadable', messageKey);
  }
}

/** A certificate object on the token: its CKA_ID and CKA_VALUE. */
export type TokenCertificate = { id: Buffer; der: Uint8Array };

function tokenCertificates(s: Session): TokenCertificate[] {
  const { CKA_CLASS, CKO_CERTIFICATE, CKA_ID, CKA_VALUE } = s.binding;
  return findObjects(s, [{ type: CKA_CLASS, value: CKO_CERTIFICATE }], 64).map((object) => ({
    id: attribute(s, object, CKA_ID),
    der: new Uint8Array(attribute(s, object, CKA_VALUE)),
  }));
}

/** The key's certificate (the configured file, or the token's under the key's CKA_ID) and its CA certificates among the token's. */
export function keyCertificates(
  all: readonly TokenCertificate[],
  keyId: Buffer,
  certificateFile: Uint8Array | undefined,
) {
  const own = all.find((item) => item.id.equals(keyId));
  const leafDer = certificateFile ?? own?.der;
  if (!leafDer) throw new AppError('not_found', 'token.error.noCertificate');
  const leaf = parseOrRefuse(
    leafDer,
    certificateFile ? 'token.error.certificateFileUnreadable' : 'token.error.certificateUnreadable',
  );
  const pool = all.flatMap((item) => {
    try {
      return [parseCertificate(item.der)];
    } catch {
      return [];
    }
  });
  return { leaf, chain: chainFor(leaf, pool) };
}

type KeyKind = 'rsa' | 'ecdsa';
const ALGORITHM = { rsa: 'rsa-pkcs1-sha256', ecdsa: 'ecdsa-sha256' } as const satisfies Record<
  KeyKind,
  Signer['algorithm']
>;

/** The key type the certificate says, refusing what Bro does not sign with (RSA < 2048, curves other than P-256/P-384). */
function keyKindOf(s: Session, key: Buffer, certificate: ParsedCertificate): KeyKind {
  const keyType = Number(nativeUlong(attribute(s, key, s.binding.CKA_KEY_TYPE)));
  const spki = certificate.cert.subjectPublicKeyInfo;
  const oid = spki.algorithm.algorithmId;
  if (keyType === s.binding.CKK_RSA && oid === OID.rsaEncryption) {
    // Stryker disable next-line OptionalChaining: Node sets asymmetricKeyDetails on every RSA key it imports
    const bits = createPublicKey({ key: Buffer.from(spki.toSchema().toBER(false)), format: 'der', type: 'spki' })
      .asymmetricKeyDetails?.modulusLength;
    if ((bits ?? 0) >= 2048) return 'rsa';
  }
  if (keyType === s.binding.CKK_EC && oid === OID.ecPublicKey) {
    const curve = (
      spki.algorithm.algorithmParams as { valueBlock: { toString(): string } } | undefined
    )?.valueBlock.toString();
    if (curve === OID.p256 || curve === OID.p384) return 'ecdsa';
  }
  throw new AppError('unreadable', 'token.error.unsupportedKey');
}

function tokenSign(s: Session, key: Buffer, kind: KeyKind, data: Uint8Array): Uint8Array {
  if (kind === 'rsa') {
    s.p.C_SignInit(s.session, { mechanism: s.binding.CKM_SHA256_RSA_PKCS }, key);
    return new Uint8Array(s.p.C_Sign(s.session, Buffer.from(data), Buffer.alloc(1024)));
  }
  // CKM_ECDSA signs a digest the caller made; the token answers with raw r‖s.
  s.p.C_SignInit(s.session, { mechanism: s.binding.CKM_ECDSA }, key);
  return ecdsaRawToDer(new Uint8Array(s.p.C_Sign(s.session, Buffer.from(sha256(data)), Buffer.alloc(256))));
}

/** Proves the token's key belongs to the certificate (a wrong certificate file would sign unverifiably). */
function assertKeyMatches(sign: (data: Uint8Array) => Uint8Array, certificate: ParsedCertificate): void {
  const probe = webcrypto.getRandomValues(new Uint8Array(32));
  const publicKey = createPublicKey({
    key: Buffer.from(certificate.cert.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
  if (!verify('sha256', probe, publicKey, sign(probe))) throw new AppError('unreadable', 'token.error.keyMismatch');
}

function openSigner(
  s: Session,
  config: Pkcs11Config,
  certificateFile: Uint8Array | undefined,
): { signer: Signer; close: () => void } {
  const key = findKey(s, config);
  const { leaf, chain } = keyCertificates(tokenCertificates(s), attribute(s, key, s.binding.CKA_ID), certificateFile);
  const kind = keyKindOf(s, key, leaf);
  let open = true;
  const signNow = (data: Uint8Array) => {
    if (!open) throw new AppError('internal', 'token.error.sessionClosed');
    return tokenSign(s, key, kind, data);
  };
  assertKeyMatches(signNow, leaf);
  const signer: Signer = {
    algorithm: ALGORITHM[kind],
    certificate: leaf,
    chain,
    summary: describeCertificate(leaf),
    sign: async (data) => {
      try {
        return signNow(data);
      } catch (error) {
        throw tokenError(error);
      }
    },
  };
  return { signer, close: () => (open = false) };
}

function loadModule(b: Binding, modulePath: string): Pkcs11.PKCS11 {
  if (!existsSync(modulePath)) throw new AppError('not_found', 'token.error.moduleMissing', { module: modulePath });
  const p = new b.PKCS11();
  try {
    p.load(modulePath);
  } catch {
    throw new AppError('unreadable', 'token.error.moduleUnloadable', { module: modulePath });
  }
  return p;
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Cleanup after a failure must not hide the failure itself.
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens the token, logs in with `pin`, hands `use` a Signer for the configured key, and always logs
 * out, closes the session and finalises the module afterwards — also when anything fails. Calls are
 * serialised: a PKCS#11 module is initialised once per process at a time. The PIN is used for
 * C_Login only and kept nowhere. Failures become AppErrors with `token.error.*` catalog keys.
 */
export function withTokenSigner<T>(
  config: Pkcs11Config,
  pin: string,
  use: (signer: Signer) => Promise<T>,
  options: { certificateFile?: Uint8Array } = {},
): Promise<T> {
  const run = async (): Promise<T> => {
    if (pin.length === 0) throw new AppError('wrong_passphrase', 'token.error.pinRequired');
    const b = pkcs11Binding();
    const p = loadModule(b, config.modulePath);
    let initialised = false;
    let session: Buffer | null = null;
    // Stryker disable next-line BooleanLiteral: a C_Logout without a login only fails, quietly
    let loggedIn = false;
    let opened: { signer: Signer; close: () => void } | null = null;
    try {
      p.C_Initialize();
      initialised = true;
      session = p.C_OpenSession(findSlot(p, b, config), b.CKF_SERIAL_SESSION);
      p.C_Login(session, b.CKU_USER, pin);
      // Stryker disable next-line BooleanLiteral: C_Finalize below logs out and closes every session anyway
      loggedIn = true;
      opened = openSigner({ p, binding: b, session }, config, options.certificateFile);
      return await use(opened.signer);
    } catch (error) {
      // Token failures get their catalog message; anything else (the caller's own errors) passes as it is.
      throw pkcs11ReturnName(error) === null ? error : tokenError(error);
    } finally {
      opened?.close();
      const s = session;
      // Logging out and closing are for modules whose C_Finalize leaves that undone; SoftHSM's does it
      // itself, so leaving them out changes nothing a test on it can see.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,ArrowFunction: see above
      if (s && loggedIn) quietly(() => p.C_Logout(s));
      // Stryker disable next-line ConditionalExpression,ArrowFunction: see above
      if (s) quietly(() => p.C_CloseSession(s));
      if (initialised) quietly(() => p.C_Finalize());
      quietly(() => p.close());
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
