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

describe('ASiC manifest, as written', () => {
  const plan = { name: 'plan.json', mimeType: 'application/json', sha256: new Uint8Array(32).fill(1) };

  it('is the exact XML other verifiers read, one reference after another', () => {
    const text = new TextDecoder().decode(
      buildManifest(
        [plan, { ...plan, name: 'vedlegg/brev.pdf', mimeType: 'application/pdf' }],
        'META-INF/signature.p7s',
      ),
    );
    const digest = Buffer.alloc(32, 1).toString('base64');
    const entry = (uri: string, mimeType: string) =>
      `  <asic:DataObjectReference URI="${uri}" MimeType="${mimeType}">\n` +
      `    <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>\n` +
      `    <ds:DigestValue>${digest}</ds:DigestValue>\n` +
      `  </asic:DataObjectReference>\n`;
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
        `<asic:ASiCManifest xmlns:asic="${ASIC_NS}" xmlns:ds="${DS_NS}">\n` +
        '  <asic:SigReference URI="META-INF/signature.p7s" MimeType="application/pkcs7-signature"/>\n' +
        entry('plan.json', 'application/json') +
        entry('vedlegg/brev.pdf', 'application/pdf') +
        '</asic:ASiCManifest>\n',
    );
  });

  it('escapes XML specials in a media type and reads them back', () => {
    const mimeType = 'application/x-fiktiv; note="a<b>&c"';
    const bytes = buildManifest([{ ...plan, mimeType }], 'META-INF/signature.p7s');
    expect(new TextDecoder().decode(bytes)).toContain(
      'MimeType="application/x-fiktiv; note=&quot;a&lt;b&gt;&amp;c&quot;"',
    );
    expect(parseManifest(bytes).references[0]?.mimeType).toBe(mimeType);
  });
});

describe('ASiC manifest, as read', () => {
  const digestOf = (length: number) => Buffer.alloc(length, 7).toString('base64');

  it('reads SHA-384 (no padding) and SHA-512 (two padding characters) digests', () => {
    const parsed = parseManifest(
      manifestXml(
        sigReference +
          reference('a.pdf', digestOf(48), 'http://www.w3.org/2001/04/xmldsig-more#sha384') +
          reference('b.pdf', digestOf(64), 'http://www.w3.org/2001/04/xmlenc#sha512'),
      ),
    );
    expect(parsed.references.map((item) => [item.name, item.digestAlgorithm, item.digest.length])).toEqual([
      ['a.pdf', 'sha384', 48],
      ['b.pdf', 'sha512', 64],
    ]);
  });

  it('reads a digest value wrapped over lines', () => {
    const wrapped = `\n  ${digestOf(32).slice(0, 20)}\n  ${digestOf(32).slice(20)}\n`;
    expect(parseManifest(manifestXml(sigReference + reference('a.pdf', wrapped))).references[0]?.digest).toEqual(
      new Uint8Array(32).fill(7),
    );
  });

  it('reads percent-encoded names back as the names they encode', () => {
    const parsed = parseManifest(
      manifestXml('<asic:SigReference URI="META-INF/signatur%20A.p7s"/>' + reference('vedlegg/Oppf%C3%B8lging.pdf')),
    );
    expect([parsed.signatureName, parsed.references[0]?.name]).toEqual([
      'META-INF/signatur A.p7s',
      'vedlegg/Oppfølging.pdf',
    ]);
  });

  const wrongRoot = (open: string, close: string) =>
    encode(
      `${open}${sigReference}${reference('a.pdf')}${close}`.replace(
        '%NS%',
        `xmlns:asic="${ASIC_NS}" xmlns:ds="${DS_NS}"`,
      ),
    );

  it.each([
    ['a broken percent escape in a file name', manifestXml(sigReference + reference('a%E0%A4%A.pdf'))],
    [
      'a broken percent escape in the signature name',
      manifestXml('<asic:SigReference URI="META-INF/%zz.p7s"/>' + reference('a.pdf')),
    ],
    ['an empty file name', manifestXml(sigReference + reference(''))],
    ['an empty signature name', manifestXml('<asic:SigReference URI=""/>' + reference('a.pdf'))],
    ['a digest with a character before it', manifestXml(sigReference + reference('a.pdf', `*${digestOf(32)}`))],
    ['a digest with a character after it', manifestXml(sigReference + reference('a.pdf', `${digestOf(32)}*`))],
    [
      'a DigestMethod outside the XML-DSig namespace',
      manifestXml(
        sigReference +
          `<asic:DataObjectReference URI="a.pdf"><asic:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${digestOf(32)}</ds:DigestValue></asic:DataObjectReference>`,
      ),
    ],
    [
      'a reference in another namespace beside the real one',
      manifestXml(
        sigReference +
          reference('a.pdf') +
          `<x:DataObjectReference xmlns:x="urn:fiktiv" URI="b.pdf"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${digestOf(32)}</ds:DigestValue></x:DataObjectReference>`,
      ),
    ],
    ['a root of another name', wrongRoot('<asic:ASiCManifestX %NS%>', '</asic:ASiCManifestX>')],
    [
      'a root in another namespace over ASiC children',
      wrongRoot('<x:ASiCManifest xmlns:x="urn:fiktiv" %NS%>', '</x:ASiCManifest>'),
    ],
    [
      'bytes that are not UTF-8, even in a comment',
      new Uint8Array([
        ...encode('<!-- '),
        0xff,
        ...encode(' -->'),
        ...manifestXml(sigReference + reference('a.pdf'), ''),
      ]),
    ],
  ])('refuses %s as malformed', (_, bytes) => {
    expect(() => parseManifest(bytes)).toThrow(
      expect.objectContaining({ messageKey: 'signing.problem.manifestMalformed' }),
    );
  });
});
