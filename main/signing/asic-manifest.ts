import { parseXml, type XmlElement } from './xml-lite';

/** ETSI EN 319 162-1 (ASiC) manifest namespace, and XML-DSig for the digest elements. */
export const ASIC_NS = 'http://uri.etsi.org/02918/v1.2.1#';
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';

const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';
const DIGEST_URIS: Readonly<Record<string, { node: string; length: number }>> = {
  [SHA256_URI]: { node: 'sha256', length: 32 },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { node: 'sha384', length: 48 },
  'http://www.w3.org/2001/04/xmlenc#sha512': { node: 'sha512', length: 64 },
};

export type ManifestEntry = { name: string; mimeType: string; sha256: Uint8Array };
export type ManifestReference = { name: string; mimeType: string | null; digestAlgorithm: string; digest: Uint8Array };
export type AsicManifest = { signatureName: string; references: ManifestReference[] };

/** A manifest problem: the message key says what is wrong with it. */
export class ManifestError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Container paths as URI references: each segment percent-encoded, slashes kept. */
export function nameToUri(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function uriToName(uri: string): string {
  try {
    return uri.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new ManifestError('signing.problem.manifestMalformed');
  }
}

export function buildManifest(entries: ManifestEntry[], signatureName: string): Uint8Array {
  const references = entries.map(
    (entry) =>
      `  <asic:DataObjectReference URI="${escapeAttribute(nameToUri(entry.name))}" MimeType="${escapeAttribute(entry.mimeType)}">\n` +
      `    <ds:DigestMethod Algorithm="${SHA256_URI}"/>\n` +
      `    <ds:DigestValue>${Buffer.from(entry.sha256).toString('base64')}</ds:DigestValue>\n` +
      `  </asic:DataObjectReference>\n`,
  );
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<asic:ASiCManifest xmlns:asic="${ASIC_NS}" xmlns:ds="${DS_NS}">\n` +
    `  <asic:SigReference URI="${escapeAttribute(nameToUri(signatureName))}" MimeType="application/pkcs7-signature"/>\n` +
    references.join('') +
    '</asic:ASiCManifest>\n';
  return new TextEncoder().encode(xml);
}

function child(element: XmlElement, namespace: string, localName: string): XmlElement {
  const found = element.children.filter((item) => item.namespace === namespace && item.localName === localName);
  if (found.length !== 1) throw new ManifestError('signing.problem.manifestMalformed');
  return found[0] as XmlElement;
}

function parseReference(element: XmlElement): ManifestReference {
  const uri = element.attributes.get('URI');
  if (!uri) throw new ManifestError('signing.problem.manifestMalformed');
  // Stryker disable next-line StringLiteral: no digest is known under '' or any other made-up name
  const algorithm = DIGEST_URIS[child(element, DS_NS, 'DigestMethod').attributes.get('Algorithm') ?? ''];
  if (!algorithm) throw new ManifestError('signing.problem.manifestDigestUnsupported');
  // Stryker disable next-line Regex: removing white space one character or one run at a time leaves the same text
  const value = child(element, DS_NS, 'DigestValue').text.replace(/\s+/g, '');
  const digest = new Uint8Array(Buffer.from(value, 'base64'));
  if (!/^[A-Za-z0-9+/]+=*$/.test(value) || digest.length !== algorithm.length)
    throw new ManifestError('signing.problem.manifestMalformed');
  return {
    name: uriToName(uri),
    mimeType: element.attributes.get('MimeType') ?? null,
    digestAlgorithm: algorithm.node,
    digest,
  };
}

const ALLOWED_CHILDREN = new Set(['SigReference', 'DataObjectReference', 'ASiCManifestExtensions']);

/** Reads an ASiCManifest strictly; throws ManifestError. */
export function parseManifest(bytes: Uint8Array): AsicManifest {
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ManifestError('signing.problem.manifestMalformed');
  }
  if (root.namespace !== ASIC_NS || root.localName !== 'ASiCManifest')
    throw new ManifestError('signing.problem.manifestMalformed');
  if (root.children.some((item) => item.namespace !== ASIC_NS || !ALLOWED_CHILDREN.has(item.localName))) {
    throw new ManifestError('signing.problem.manifestMalformed');
  }
  const signatureUri = child(root, ASIC_NS, 'SigReference').attributes.get('URI');
  if (!signatureUri) throw new ManifestError('signing.problem.manifestMalformed');
  const references = root.children.filter((item) => item.localName === 'DataObjectReference').map(parseReference);
  if (references.length === 0) throw new ManifestError('signing.problem.manifestEmpty');
  const names = new Set(references.map((reference) => reference.name));
  if (names.size !== references.length) throw new ManifestError('signing.problem.manifestMalformed');
  return { signatureName: uriToName(signatureUri), references };
}
