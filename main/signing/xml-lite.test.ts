import { describe, expect, it } from 'vitest';
import { parseXml, XmlError } from './xml-lite';

/**
 * The ASiC manifest reader (xml-lite.ts) on its own: what it reads, and each construct it refuses,
 * since a crafted manifest reaches it before any signature is trusted.
 */

const ASIC = 'http://uri.etsi.org/02918/v1.2.1#';

function refusal(text: string): string {
  try {
    parseXml(text);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlError);
    return (error as Error).message;
  }
  throw new Error('parsed, but a refusal was expected');
}

describe('parseXml reads', () => {
  it('elements, namespaces, attributes and text, with a declaration and a byte-order mark', () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- before -->\n` +
        `<asic:ASiCManifest xmlns:asic="${ASIC}" xmlns:ds="urn:ds">` +
        `<asic:SigReference URI="META-INF/signature.p7s" MimeType='application/pkcs7-signature'/>` +
        `<asic:DataObjectReference URI="plan.pdf" ds:Id="x"><ds:DigestValue> q0ft </ds:DigestValue></asic:DataObjectReference>` +
        `</asic:ASiCManifest >\n<!-- after -->\n`,
    );
    expect(root.namespace).toBe(ASIC);
    expect(root.localName).toBe('ASiCManifest');
    const [sig, data] = root.children;
    expect(sig?.localName).toBe('SigReference');
    expect(sig?.attributes.get('URI')).toBe('META-INF/signature.p7s');
    expect(sig?.attributes.get('MimeType')).toBe('application/pkcs7-signature');
    expect(sig?.children).toEqual([]);
    expect(data?.attributes.get('{urn:ds}Id')).toBe('x');
    expect(data?.attributes.has('Id')).toBe(false);
    expect(data?.children[0]?.namespace).toBe('urn:ds');
    expect(data?.children[0]?.text).toBe(' q0ft ');
    // Namespace declarations are scope, not attributes.
    expect([...root.attributes.keys()]).toEqual([]);
  });

  it('a default namespace for elements but not for attributes, and the xml prefix bound', () => {
    const root = parseXml(`<a xmlns="urn:one" b="1" xml:lang="nb"><c/></a>`);
    expect(root.namespace).toBe('urn:one');
    expect(root.children[0]?.namespace).toBe('urn:one');
    expect(root.attributes.get('b')).toBe('1');
    expect(root.attributes.get('{http://www.w3.org/XML/1998/namespace}lang')).toBe('nb');
    // The default namespace declaration is scope, not an attribute.
    expect([...root.attributes.keys()]).toEqual(['b', '{http://www.w3.org/XML/1998/namespace}lang']);
    expect(parseXml('<a/>').namespace).toBeNull();
  });

  it('the five predefined entities, character references, CDATA and comments inside elements', () => {
    const root = parseXml(`<a t="&lt;&gt;&amp;&quot;&apos;">x&#65;&#x42;&#x1F600;<![CDATA[<&raw>]]><!-- note -->y</a>`);
    expect(root.attributes.get('t')).toBe(`<>&"'`);
    expect(root.text).toBe('xAB\u{1F600}<&raw>y');
  });

  it('the last code point of Unicode as a character reference', () => {
    expect(parseXml('<a>&#x10FFFF;</a>').text).toBe('\u{10FFFF}');
  });

  it('a declaration with white space around its equals signs', () => {
    expect(parseXml(`<?xml  version = "1.0"\tencoding= 'UTF-8' ?><a/>`).localName).toBe('a');
  });

  it('whitespace around the attribute sign and before the end tag, and a declaration without encoding', () => {
    const root = parseXml(`<?xml version='1.1'?><a  b = "2"\t\n></a\n>`);
    expect(root.attributes.get('b')).toBe('2');
    expect(root.text).toBe('');
  });

  it('32 levels deep', () => {
    const depth = 33;
    const text = '<e>'.repeat(depth) + '</e>'.repeat(depth);
    let element = parseXml(text);
    let levels = 1;
    while (element.children[0]) {
      element = element.children[0];
      levels += 1;
    }
    expect(levels).toBe(depth);
  });

  it('10 000 elements, and no more', () => {
    expect(parseXml(`<r>${'<e/>'.repeat(9_999)}</r>`).children).toHaveLength(9_999);
    expect(refusal(`<r>${'<e/>'.repeat(10_000)}</r>`)).toMatch(/too deep or too large/);
  });
});

describe('parseXml refuses', () => {
  it.each([
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DOCTYPE and processing/],
    ['a processing instruction before the root', '<?php x ?><a/>', /DOCTYPE and processing/],
    ['a DOCTYPE inside an element', '<a><!DOCTYPE b></a>', /DOCTYPE and processing/],
    ['a processing instruction inside an element', '<a><?pi x?></a>', /DOCTYPE and processing/],
    ['an unknown entity', '<a>&nbsp;</a>', /unknown entity &nbsp;/],
    ['an inherited name as an entity', '<a>&toString;</a>', /unknown entity &toString;/],
    ['__proto__ as an entity', '<a b="&__proto__;"/>', /unknown entity &__proto__;/],
    ['a bare ampersand', '<a>x & y</a>', /bare &/],
    ['an ampersand without its semicolon in reach', '<a>&verylongname;</a>', /bare &/],
    ['a character reference beyond Unicode', '<a>&#x110000;</a>', /unknown entity/],
    ['a decimal reference that is not a number', '<a>&#12a;</a>', /unknown entity/],
    ['a hexadecimal reference with a tail', '<a>&#x41g;</a>', /unknown entity/],
    // Read from the end, these would pass as references ("c#x41" as hex c, "1#65" as decimal 1).
    ['a name ending in a hexadecimal reference', '<a>&abc#x41;</a>', /unknown entity/],
    ['a name ending in a decimal reference', '<a>&a1#65;</a>', /unknown entity/],
    ['< inside an attribute value', '<a b="x<y"/>', /< in text/],
    ['a duplicate attribute', '<a b="1" b="2"/>', /duplicate attribute b/],
    ['an unquoted attribute', '<a b=1/>', /expected a quoted value/],
    ['an attribute without =', '<a b "1"/>', /expected =/],
    ['an unbound element prefix', '<x:a/>', /unbound prefix in x:a/],
    ['an unbound attribute prefix', '<a x:b="1"/>', /unbound prefix in x:b/],
    ['a mismatched end tag', '<a></b>', /mismatched end tag for a/],
    ['an unterminated element', '<a>text', /unterminated element a/],
    ['an unterminated comment', '<a><!-- x</a>', /unterminated, expected -->/],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>', /unterminated, expected ]]>/],
    ['an unterminated attribute value', '<a b="1/>', /unterminated, expected "/],
    ['content after the root', '<a/><b/>', /content after the root element/],
    ['text after the root', '<a/>x', /content after the root element/],
    ['no root element', '', /expected </],
    ['a name that is not one', '<1a/>', /expected a name/],
    ['an end tag without its >', '<a></a', /expected >/],
    ['33 levels deep', '<e>'.repeat(34) + '</e>'.repeat(34), /too deep or too large/],
    ['a declaration of another version', '<?xml version="2.0"?><a/>', /malformed XML declaration/],
    ['a declaration without a version', '<?xml encoding="UTF-8"?><a/>', /malformed XML declaration/],
    ['another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', /only UTF-8/],
    ['another encoding, spaced', '<?xml version="1.0" encoding = "ISO-8859-1"?><a/>', /only UTF-8/],
    ['a declaration that only contains one', '<?xmlfoo <?xml version="1.0"?><a/>', /malformed XML declaration/],
  ])('%s', (_what, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('says where it stopped', () => {
    expect(refusal('<a></b>')).toMatch(/ at 6$/);
  });
});
