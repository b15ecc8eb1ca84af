import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../shared/i18n/translate';
import { isChannel } from '../shared/ipc/contract';
import { assessPassphrase } from '../shared/vault/passphrase-policy';

/**
 * Two guards for "every user-visible string is a message key": no literal text in JSX or in props a
 * person sees or hears, and every key literal in renderer code exists in all three catalogs.
 */

const RENDERER = fileURLToPath(new URL('.', import.meta.url));
const LOCALES = ['nb', 'da', 'en'] as const;

/** Props whose value is shown or read aloud. Our own components take translated text in these. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'title',
  'alt',
  'label',
  'hint',
  'legend',
  'description',
  'error',
]);

const KEY_PATTERN =
  /^(common|error|vault|settings|home|rules|domain|documents|signing|cases|editors|mentors|exchange|export|services|backup|regulatory|innsyn|purge)\.[A-Za-z0-9_.]+$/;
const HAS_LETTER = /\p{L}/u;

function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, extensions);
    const isTest = /\.test\.tsx?$/.test(entry.name);
    return !isTest && extensions.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

function parse(fileName: string, text: string): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

function where(file: ts.SourceFile, node: ts.Node): string {
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${file.fileName}:${line + 1}`;
}

/** Literal text in JSX children and in visible props of one file, as "file:line: text". */
export function findHardCodedText(fileName: string, text: string): string[] {
  const file = parse(fileName, text);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => found.push(`${where(file, node)}: ${JSON.stringify(value.trim())}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const value = literalText(node.expression);
      if (value !== null && HAS_LETTER.test(value)) report(node, value);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(file))) {
      const init = node.initializer;
      const value = init && ts.isJsxExpression(init) ? literalText(init.expression) : literalText(init);
      if (value !== null && HAS_LETTER.test(value)) report(node, value);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Message-key literals in one file, and t() calls whose key is built from a template. */
export function findKeyLiterals(
  fileName: string,
  text: string,
): { keys: { key: string; at: string }[]; dynamic: string[] } {
  const file = parse(fileName, text);
  const keys: { key: string; at: string }[] = [];
  const dynamic: string[] = [];
  const visit = (node: ts.Node) => {
    // Channel names ("vault.status") share the dotted shape; they are not message keys.
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      KEY_PATTERN.test(node.text) &&
      !isChannel(node.text)
    ) {
      keys.push({ key: node.text, at: where(file, node) });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const first = node.arguments[0];
      if (first && ts.isTemplateExpression(first)) dynamic.push(`${where(file, node)}: ${first.getText(file)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { keys, dynamic };
}

const missingInSomeLocale = (key: string) => LOCALES.filter((locale) => !hasMessage(locale, key));

describe('no hard-coded user-visible strings in the renderer', () => {
  it('finds literal JSX text and literal visible props (the check itself works)', () => {
    const sample = [
      'export const A = () => (',
      '  <div aria-label="Close" title={`Tip`}>',
      '    <p>Hello</p>',
      "    <p>{'Inline'}</p>",
      "    <Field label='Name' placeholder={'e.g. Ola'} />",
      "    <p aria-label={t('common.appName')}>{t('common.appName')}{' '}·{count}</p>",
      '    <span className="x" data-testid="recovery-key" />',
      '  </div>',
      ');',
    ].join('\n');
    const found = findHardCodedText('sample.tsx', sample).map((line) => line.replace(/^sample\.tsx:\d+: /, ''));
    expect(found).toEqual(['"Close"', '"Tip"', '"Hello"', '"Inline"', '"Name"', '"e.g. Ola"']);
  });

  it('every .tsx file passes its text through t()', () => {
    const found = sourceFiles(RENDERER, ['.tsx']).flatMap((path) =>
      findHardCodedText(relative(RENDERER, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});

describe('every message key used in the renderer exists', () => {
  const files = sourceFiles(RENDERER, ['.ts', '.tsx']);
  const scanned = files.map((path) => findKeyLiterals(relative(RENDERER, path), readFileSync(path, 'utf8')));

  it('finds key literals and template-built keys (the check itself works)', () => {
    const sample =
      "const a = t('vault.unlock.title'); const b = t(`vault.strength.${n}`); const c = 'not a key'; api.invoke('vault.status', {});";
    const { keys, dynamic } = findKeyLiterals('sample.ts', sample);
    expect(keys.map((k) => k.key)).toEqual(['vault.unlock.title']);
    expect(dynamic).toHaveLength(1);
  });

  it('uses some keys at all (the scan reaches the screens)', () => {
    expect(scanned.flatMap((file) => file.keys).length).toBeGreaterThan(50);
  });

  it('has every key of the common, vault, settings and home areas in nb, da and en', () => {
    const missing = scanned
      .flatMap((file) => file.keys)
      .filter(({ key }) => !key.startsWith('error.'))
      .flatMap(({ key, at }) => missingInSomeLocale(key).map((locale) => `${at}: ${key} (${locale})`));
    expect(missing).toEqual([]);
  });

  it('has every error key the renderer names in nb, da and en', () => {
    const missing = scanned
      .flatMap((file) => file.keys)
      .filter(({ key }) => key.startsWith('error.'))
      .flatMap(({ key, at }) => missingInSomeLocale(key).map((locale) => `${at}: ${key} (${locale})`));
    expect(missing).toEqual([]);
  });

  it('builds no t() key from a template, so every key stays checkable', () => {
    expect(scanned.flatMap((file) => file.dynamic)).toEqual([]);
  });

  it('has a message for every passphrase problem the policy can report', () => {
    const problems = new Set([...assessPassphrase(' aaaa ').problems, ...assessPassphrase('').problems]);
    expect([...problems].sort()).toEqual([
      'vault.passphrase.edgeSpaces',
      'vault.passphrase.repetitive',
      'vault.passphrase.tooShort',
    ]);
    expect([...problems].flatMap((key) => missingInSomeLocale(key).map((locale) => `${key} (${locale})`))).toEqual([]);
  });
});
