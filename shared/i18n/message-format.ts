/**
 * The message syntax of Bro's catalogs: a small, strict subset of ICU MessageFormat.
 *   {name}                                        the parameter's value
 *   {count, plural, one {# sak} other {# saker}}  a branch chosen by Intl.PluralRules for the
 *                                                 locale (or an exact `=N` branch), `#` = the number
 * Nothing else is special, so ordinary text needs no escaping.
 */

export type MessageParams = Readonly<Record<string, string | number | boolean>>;

export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'hash' }
  | { kind: 'arg'; name: string }
  | { kind: 'plural'; name: string; branches: Readonly<Record<string, readonly MessagePart[]>> };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** Parts up to the end of the text, or up to the `}` that closes a plural branch. */
  parts(inBranch: boolean): MessagePart[] {
    const parts: MessagePart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '}' && inBranch) break;
      if (char === '{') {
        flush();
        parts.push(this.argument());
      } else if (char === '#' && inBranch) {
        flush();
        parts.push({ kind: 'hash' });
        this.pos += 1;
      } else {
        text += char;
        this.pos += 1;
      }
    }
    flush();
    return parts;
  }

  private argument(): MessagePart {
    this.pos += 1;
    const name = this.expect(/\s*(\w+)\s*/y, 'a parameter name');
    if (this.take('}')) return { kind: 'arg', name };
    if (!this.take(',')) this.fail(`"}" or ", plural," after {${name}`);
    this.expect(/\s*(plural)\s*/y, '"plural"');
    if (!this.take(',')) this.fail(`"," after {${name}, plural`);
    const branches: Record<string, MessagePart[]> = {};
    for (;;) {
      this.skipSpace();
      if (this.take('}')) break;
      const selector = this.expect(/(=\d+|zero|one|two|few|many|other)\s*/y, 'a plural selector');
      if (selector in branches) this.fail(`one "${selector}" branch`);
      if (!this.take('{')) this.fail(`"{" after ${selector}`);
      branches[selector] = this.parts(true);
      if (!this.take('}')) this.fail(`"}" closing the ${selector} branch`);
    }
    if (!('other' in branches)) this.fail(`an "other" branch in {${name}, plural}`);
    return { kind: 'plural', name, branches };
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  private take(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos += 1;
    return true;
  }

  private expect(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) this.fail(what);
    this.pos = pattern.lastIndex;
    return match[1]!;
  }

  private fail(what: string): never {
    throw new SyntaxError(`Expected ${what} at ${this.pos} in: ${this.text}`);
  }
}

const parsed = new Map<string, readonly MessagePart[]>();

/** The parts of a message; throws a SyntaxError on a malformed one (the catalog test parses all). */
export function parseMessage(text: string): readonly MessagePart[] {
  let parts = parsed.get(text);
  if (!parts) {
    parts = new Parser(text).parts(false);
    parsed.set(text, parts);
  }
  return parts;
}

/** Every parameter a message uses, plural ones included, each once, sorted. */
export function messageParams(parts: readonly MessagePart[]): string[] {
  const names = new Set<string>();
  const visit = (list: readonly MessagePart[]) => {
    for (const part of list) {
      if (part.kind === 'arg' || part.kind === 'plural') names.add(part.name);
      if (part.kind === 'plural') Object.values(part.branches).forEach(visit);
    }
  };
  visit(parts);
  return [...names].sort();
}

const rules = new Map<string, Intl.PluralRules>();

/** The plural category of `value` in `locale`: 'one' or 'other' in nb, da and en. */
export function pluralCategory(locale: string, value: number): Intl.LDMLPluralRule {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return Number.isFinite(value) ? rule.select(value) : 'other';
}

function render(locale: string, parts: readonly MessagePart[], params: MessageParams, hash: string): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'hash') out += hash;
    else if (params[part.name] === undefined) out += `{${part.name}}`;
    else if (part.kind === 'arg') out += String(params[part.name]);
    else {
      const value = params[part.name]!;
      const number = typeof value === 'number' ? value : Number(value);
      const branch =
        part.branches[`=${number}`] ?? part.branches[pluralCategory(locale, number)] ?? part.branches.other!;
      out += render(locale, branch, params, String(value));
    }
  }
  return out;
}

/** Fills a message's parameters; a missing one stays visible as `{name}`. Never throws. */
export function formatMessage(locale: string, text: string, params: MessageParams = {}): string {
  try {
    return render(locale, parseMessage(text), params, '#');
  } catch {
    return text;
  }
}
