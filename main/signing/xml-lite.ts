/**
 * A small, strict XML reader for the ASiC manifest: elements, attributes, text, CDATA, comments and
 * namespaces. No DOCTYPE, no entities beyond the five predefined and character references, no
 * processing instructions other than the declaration: nothing that can expand or fetch.
 */
export type XmlElement = {
  namespace: string | null;
  localName: string;
  /** Attributes without a prefix by local name; prefixed ones as "{namespace}local". */
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  text: string;
};

export class XmlError extends Error {}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_DEPTH = 32;
const MAX_ELEMENTS = 10_000;

function decodeEntities(raw: string): string {
  if (raw.includes('<')) throw new XmlError('< in text');
  return raw.replace(/&([^;]{0,10});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('bare &');
    // Own names only: `in` would also find Object.prototype's (&toString; &__proto__;) and decode them.
    if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref] as string;
    const code = /^#x[0-9a-fA-F]+$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#\d+$/.test(ref)
        ? parseInt(ref.slice(1), 10)
        : NaN;
    if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlError(`unknown entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

class Reader {
  pos = 0;
  elements = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new XmlError(`${message} at ${this.pos}`);
  }
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }
  expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`expected ${token}`);
    this.pos += token.length;
  }
  skipSpace(): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end text[pos] is undefined, which ' \t\r\n'.includes never finds, so the loop stops there anyway
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos] as string)) this.pos++;
  }
  until(token: string): string {
    const end = this.text.indexOf(token, this.pos);
    if (end === -1) this.fail(`unterminated, expected ${token}`);
    const value = this.text.slice(this.pos, end);
    this.pos = end + token.length;
    return value;
  }
  name(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) this.fail('expected a name');
    this.pos += match[0].length;
    return match[0];
  }
  /** Comments and whitespace between top-level items. */
  misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) this.until('-->');
      else if (this.startsWith('<!') || this.startsWith('<?'))
        this.fail('DOCTYPE and processing instructions are not allowed');
      else return;
    }
  }
}

type Scope = ReadonlyMap<string, string>;

function resolve(scope: Scope, qualified: string, isAttribute: boolean): { namespace: string | null; local: string } {
  const colon = qualified.indexOf(':');
  if (colon === -1) return { namespace: isAttribute ? null : (scope.get('') ?? null), local: qualified };
  const namespace = scope.get(qualified.slice(0, colon));
  if (namespace === undefined) throw new XmlError(`unbound prefix in ${qualified}`);
  return { namespace, local: qualified.slice(colon + 1) };
}

function readAttributes(reader: Reader): Map<string, string> {
  const raw = new Map<string, string>();
  for (;;) {
    reader.skipSpace();
    if (reader.startsWith('/>') || reader.startsWith('>')) return raw;
    const name = reader.name();
    reader.skipSpace();
    reader.expect('=');
    reader.skipSpace();
    const quote = reader.text[reader.pos];
    if (quote !== '"' && quote !== "'") reader.fail('expected a quoted value');
    reader.pos++;
    if (raw.has(name)) reader.fail(`duplicate attribute ${name}`);
    raw.set(name, decodeEntities(reader.until(quote)));
  }
}

function readElement(reader: Reader, parentScope: Scope, depth: number): XmlElement {
  if (depth > MAX_DEPTH || ++reader.elements > MAX_ELEMENTS) reader.fail('document too deep or too large');
  reader.expect('<');
  const qualified = reader.name();
  const raw = readAttributes(reader);
  const scope = new Map(parentScope);
  for (const [name, value] of raw) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
  }
  const attributes = new Map<string, string>();
  for (const [name, value] of raw) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const { namespace, local } = resolve(scope, name, true);
    attributes.set(namespace === null ? local : `{${namespace}}${local}`, value);
  }
  const { namespace, local } = resolve(scope, qualified, false);
  const element: XmlElement = { namespace, localName: local, attributes, children: [], text: '' };
  if (reader.startsWith('/>')) {
    reader.pos += 2;
    return element;
  }
  reader.expect('>');
  for (;;) {
    if (reader.startsWith('</')) {
      reader.pos += 2;
      if (reader.name() !== qualified) reader.fail(`mismatched end tag for ${qualified}`);
      reader.skipSpace();
      reader.expect('>');
      return element;
    }
    if (reader.startsWith('<!--')) reader.until('-->');
    else if (reader.startsWith('<![CDATA[')) {
      reader.pos += 9;
      element.text += reader.until(']]>');
    } else if (reader.startsWith('<!') || reader.startsWith('<?'))
      reader.fail('DOCTYPE and processing instructions are not allowed');
    else if (reader.startsWith('<')) element.children.push(readElement(reader, scope, depth + 1));
    else {
      const next = reader.text.indexOf('<', reader.pos);
      if (next === -1) reader.fail(`unterminated element ${qualified}`);
      element.text += decodeEntities(reader.text.slice(reader.pos, next));
      reader.pos = next;
    }
  }
}

export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (reader.startsWith('<?xml')) {
    const declaration = reader.until('?>');
    if (!/^<\?xml\s+version\s*=\s*["']1\.\d["']/.test(declaration)) reader.fail('malformed XML declaration');
    const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
    if (encoding && encoding.toUpperCase() !== 'UTF-8') reader.fail('only UTF-8 is supported');
  }
  reader.misc();
  const root = readElement(reader, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
  reader.misc();
  if (reader.pos !== reader.text.length) reader.fail('content after the root element');
  return root;
}
