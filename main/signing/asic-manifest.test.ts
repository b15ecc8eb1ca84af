import { describe, expect, it } from 'vitest';
import { ASIC_NS, buildManifest, DS_NS, parseManifest } from './asic-manifest';
import { sha256 } from './crypto';
import { parsePdfDate } from './pdf-date';

const encode = (text: string) => new TextEncoder().encode(text);

function manifestXml(body: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): Uint8Array {
  return encode(`${prolog}<asic:ASiCManifest xmlns:asic="${ASIC_NS}" xmlns:ds="${DS_NS}">${body}</asic:ASiCManifest>`);
}

const reference = (
  uri: string,
  digest = Buffer.alloc(32).toString('base64'),
  algorithm = 'http://www.w3.org/2001/04/xmlenc#sha256',
) =>
  `<asic:DataObjectReference URI="${uri}"><ds:DigestMethod Algorithm="${algorithm}"/><ds:DigestValue>${digest}</ds:DigestValue></asic:DataObjectReference>`;
const sigReference = '<asic:SigReference URI="META-INF/signature.p7s"/>';

describe('ASiC manifest', () => {
  it('round-trips names with spaces, Norwegian letters and XML specials', () => {
    const entries = [
      { name: 'Oppfølgingsplan for Ola & Kari.pdf', mimeType: 'application/pdf', sha256: sha256(encode('a')) },
      { name: 'data/plan "v3".json', mimeType: 'application/json', sha256: sha256(encode('b')) },
    ];
    const parsed = parseManifest(buildManifest(entries, 'META-INF/signature.p7s'));
    expect(parsed.signatureName).toBe('META-INF/signature.p7s');
    expect(parsed.references).toEqual(
      entries.map((entry) => ({
        name: entry.name,
        mimeType: entry.mimeType,
        digestAlgorithm: 'sha256',
        digest: entry.sha256,
      })),
    );
  });

  it('accepts another namespace prefix, a default namespace and comments', () => {
    const xml =
      `<!-- laget av et annet verktøy --><ASiCManifest xmlns="${ASIC_NS}" xmlns:d="${DS_NS}"><SigReference URI="META-INF/signature.p7s"/>` +
      `<DataObjectReference URI="a.pdf"><d:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><d:DigestValue>${Buffer.alloc(32).toString('base64')}</d:DigestValue></DataObjectReference></ASiCManifest>`;
    expect(parseManifest(encode(xml)).references[0]?.name).toBe('a.pdf');
  });

  it.each([
    [
      'a DOCTYPE (entity expansion)',
      manifestXml(sigReference + reference('a.pdf'), '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'),
    ],
    ['an unknown entity', manifestXml(sigReference + reference('a&ext;.pdf'))],
    [
      'a wrong root namespace',
      encode(
        `<asic:ASiCManifest xmlns:asic="urn:other" xmlns:ds="${DS_NS}">${sigReference}${reference('a.pdf')}</asic:ASiCManifest>`,
      ),
    ],
    ['a missing SigReference', manifestXml(reference('a.pdf'))],
    ['the same file twice', manifestXml(sigReference + reference('a.pdf') + reference('a.pdf'))],
    ['a digest of the wrong length', manifestXml(sigReference + reference('a.pdf', 'AAAA'))],
    ['an unknown element', manifestXml(sigReference + reference('a.pdf') + '<asic:Other/>')],
    ['unclosed tags', encode(`<asic:ASiCManifest xmlns:asic="${ASIC_NS}">`)],
    [
      'a non-UTF-8 encoding',
      manifestXml(sigReference + reference('a.pdf'), '<?xml version="1.0" encoding="ISO-8859-1"?>'),
    ],
  ])('refuses %s as malformed', (_, bytes) => {
    expect(() => parseManifest(bytes)).toThrow(
      expect.objectContaining({ messageKey: 'signing.problem.manifestMalformed' }),
    );
  });

  it('refuses SHA-1 digests and an empty list with their own keys', () => {
    const sha1 = manifestXml(
      sigReference + reference('a.pdf', Buffer.alloc(20).toString('base64'), 'http://www.w3.org/2000/09/xmldsig#sha1'),
    );
    expect(() => parseManifest(sha1)).toThrow(
      expect.objectContaining({ messageKey: 'signing.problem.manifestDigestUnsupported' }),
    );
    expect(() => parseManifest(manifestXml(sigReference))).toThrow(
      expect.objectContaining({ messageKey: 'signing.problem.manifestEmpty' }),
    );
  });
});

describe('PDF dates', () => {
  it.each([
    ['D:20260302101500Z', '2026-03-02T10:15:00.000Z'],
    ["D:20260302111500+01'00'", '2026-03-02T10:15:00.000Z'],
    ["D:20260302051500-05'00", '2026-03-02T10:15:00.000Z'],
    ['D:2026', '2026-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parsePdfDate(text)?.toISOString()).toBe(iso);
  });

  it('returns null for anything else', () => {
    expect(parsePdfDate('2026-03-02')).toBeNull();
  });
});
