import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../main/db/snapshot';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import { contract, type Channel } from '../../shared/ipc/contract';
import { IpcErrorSchema } from '../../shared/ipc/result';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Every channel of the contract (read at run time, so channels added later are fuzzed too) gets
 * thousands of generated inputs in total through the real router on an unlocked vault:
 *  - invalid ones (fc.anything(), and valid-shaped ones with a key dropped, added or retyped) must be
 *    refused with invalid_input and change nothing: no row in any table, no byte of the vault files;
 *  - valid-shaped ones, derived from the channel's zod schema, may succeed or be refused, but always
 *    as a well-formed result without a stack and never as an internal error.
 * No unhandled rejection or uncaught exception may occur.
 */
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const TOTAL_RUNS = 8000;
const channels = Object.keys(contract) as Channel[];
const runsPerKind = Math.max(40, Math.floor(TOTAL_RUNS / 2 / channels.length));

/**
 * Valid inputs that take too long to send by the hundred are not sent: key generation (RSA-3072 takes
 * seconds) and PKCS#12 import (pkijs's integrity check). The fuzzed vault uses a cheap KDF, so
 * vault.changePassphrase and vault.unlock stay in, and a session locked by vault.lock is unlocked again
 * after the call. Invalid inputs of every channel are always fuzzed.
 */
// vault.rotateKey re-encrypts the whole vault and replaces the passphrase the fuzzer unlocks with.
const SKIP_VALID: ReadonlySet<string> = new Set<string>([
  'signing.generateIdentity',
  'signing.importPkcs12',
  'vault.rotateKey',
]);

type Def = { type: string; [key: string]: unknown };

/** Channels whose input has a cross-field rule the schema bridge cannot see: generate each valid shape. */
const CHANNEL_INPUTS: Partial<Record<string, fc.Arbitrary<unknown>>> = {
  // Hours to the hundredth, 1–37 (a refinement the schema walker cannot see), or back to the default.
  'settings.setWorkloadLimit': fc.record({
    hours: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 100, max: 3700 }).map((n) => n / 100),
    ),
  }),
  'signing.trust': fc.oneof(
    fc.record({
      label: fc.string({ minLength: 1, maxLength: 40 }).filter((label) => label.trim().length > 0),
      fingerprint: fc.stringMatching(/^[0-9a-f]{64}$/),
    }),
    fc.record({
      label: fc.string({ minLength: 1, maxLength: 40 }).filter((label) => label.trim().length > 0),
      certificateBase64: fc
        .uint8Array({ minLength: 3, maxLength: 96 })
        .map((bytes) => Buffer.from(bytes).toString('base64')),
    }),
  ),
};
/** Channels whose input has a cross-field refinement (innsyn: a passage ends after it starts). */
const REFINED_INPUT = new Set(['innsyn.export']);
function validShaped(name: keyof typeof contract): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(contract[name].input);
  return REFINED_INPUT.has(name) ? shaped.filter((input) => accepts(name, input)) : shaped;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
type Check = {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};
const checksOf = (def: Def): Check[] =>
  ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((check) => check._zod.def);

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  // File contents cross IPC as base64: generate real base64 of random bytes (never empty).
  if (def.format === 'base64' || checks.some((check) => check.format === 'base64')) {
    return fc.uint8Array({ minLength: 3, maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64'));
  }
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((check) => check.pattern)?.pattern;
  // fast-check cannot generate from a case-insensitive pattern; what matches without the flag matches with it.
  if (pattern)
    return fc.stringMatching(
      pattern.flags.includes('i') ? new RegExp(pattern.source, pattern.flags.replace('i', '')) : pattern,
    );
  const minLength = Math.max(0, ...checks.map((check) => check.minimum ?? check.length ?? 0));
  const maxLength = Math.min(minLength + 60, ...checks.map((check) => check.maximum ?? check.length ?? Infinity));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const lower = checks.find((check) => check.check === 'greater_than');
  const upper = checks.find((check) => check.check === 'less_than');
  const integer = checks.some((check) => check.check === 'number_format' && /int/.test(check.format ?? ''));
  const min = lower ? (lower.value as number) + (lower.inclusive ? 0 : 1) : -1_000_000;
  const max = upper ? (upper.value as number) - (upper.inclusive ? 0 : 1) : 1_000_000;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

/** A small hand-written zod → fast-check bridge for the kinds of schema the contract uses. */
function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  const inner = (next: unknown) => arbitraryFor(next, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'pipe': {
      // Input normalised by a transform (e.g. a fingerprint in any notation): generate what it must become.
      const inDef = defOf(def.in);
      if (inDef.type === 'pipe' && defOf(inDef.out).type === 'transform') return inner(def.out);
      return inner(def.in);
    }
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case 'array': {
      const checks = checksOf(def);
      const minLength = Math.max(0, ...checks.map((check) => check.minimum ?? check.length ?? 0));
      const maxLength = Math.min(minLength + 4, ...checks.map((check) => check.maximum ?? check.length ?? Infinity));
      return fc.array(inner(def.element), { minLength, maxLength });
    }
    case 'record':
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const optional = (value: unknown) => ['optional', 'default'].includes(defOf(value).type);
      const requiredKeys = Object.keys(shape).filter((key) => !optional(shape[key]));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, inner(value)])), {
        requiredKeys,
      });
    }
    default:
      return fc.anything();
  }
}

/** Valid-shaped inputs broken in one place: a key dropped, an unknown key added, a value retyped. */
function brokenArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(schema);
  const mutated = fc
    .tuple(valid, fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), fc.anything())
    .map(([value, pick, extraKey, junk]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const mode = pick % 3;
      if (mode === 0 && keys.length > 0) delete copy[keys[pick % keys.length] as string];
      else if (mode === 1 || keys.length === 0) copy[`x_${extraKey}`] = junk;
      else copy[keys[pick % keys.length] as string] = junk;
      return copy;
    });
  return fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true }),
    mutated,
    fc.constantFrom(0, '', [], 'null', -1, NaN),
  );
}

const accepts = (name: Channel, input: unknown) => contract[name].input.safeParse(input ?? {}).success;

function expectWellFormed(result: unknown): void {
  const text = JSON.stringify(result);
  expect(text).not.toMatch(/"stack"|\n\s+at |Error:/);
  const shape = result as { ok: boolean; value?: unknown; error?: unknown };
  if (shape.ok === true) {
    expect(Object.keys(shape).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(shape).sort()).toEqual(['error', 'ok']);
    expect(IpcErrorSchema.strict().safeParse(shape.error).success).toBe(true);
  }
}

const dirs = tempDirs('bro-fuzz-');
const problems: unknown[] = [];
const onProblem = (reason: unknown) => problems.push(reason instanceof Error ? reason.name : typeof reason);
let app: BroApp;
let root: string;
let vaultDir: string;

async function keepUnlocked(): Promise<void> {
  if (!app.session.isUnlocked) await app.session.unlock(PASSPHRASE);
}

function vaultState() {
  const db = app.session.current().db;
  return { rows: tableCounts(db), files: snapshotFiles(vaultDir) };
}

beforeAll(async () => {
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtException', onProblem);
  root = dirs.make();
  vaultDir = join(root, 'vault');
  mkdirSync(join(root, 'prefs'));
  app = createApp({ vaultDir, prefs: createConfPrefsStore(join(root, 'prefs')), kdfCost: FAST_KDF });
  const created = await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
});

afterAll(() => {
  app.dispose();
  dirs.cleanup();
  process.off('unhandledRejection', onProblem);
  process.off('uncaughtException', onProblem);
});

describe('IPC fuzzing', () => {
  it.each(channels)('%s refuses generated invalid input with invalid_input and changes nothing', async (name) => {
    await keepUnlocked();
    const before = vaultState();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(brokenArbitrary(contract[name].input), async (input) => {
        if (accepts(name, input)) return;
        const result = await app.router.invoke(name, input);
        expectWellFormed(result);
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', messageKey: 'error.invalid_input' },
        });
        refused += 1;
      }),
      { numRuns: runsPerKind },
    );
    expect(refused).toBeGreaterThan(runsPerKind / 2);
    expect(vaultState()).toEqual(before);
  });

  it.each(channels.filter((name) => !SKIP_VALID.has(name)))(
    '%s answers generated valid-shaped input with a well-formed result',
    async (name) => {
      // A channel without fields has one valid input; repeating it hundreds of times proves nothing more.
      const shape = defOf(contract[name].input).shape as Record<string, unknown> | undefined;
      const numRuns = shape && Object.keys(shape).length === 0 ? 20 : runsPerKind;
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(CHANNEL_INPUTS[name] ?? validShaped(name), async (input) => {
          await keepUnlocked();
          const result = await app.router.invoke(name, input);
          expectWellFormed(result);
          if (!result.ok) expect({ name, code: result.error.code }).not.toEqual({ name, code: 'internal' });
          if (accepts(name, input)) sent += 1;
        }),
        { numRuns },
      );
      // The bridge must produce mostly valid input, or this test would only repeat the invalid one.
      expect(sent).toBeGreaterThan(numRuns * 0.8);
    },
  );

  it('refuses generated channel names that are not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), fc.anything(), async (name, input) => {
        fc.pre(!(typeof name === 'string' && name in contract));
        const result = await app.router.invoke(name, input);
        expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', messageKey: 'error.unknown_channel' } });
      }),
      { numRuns: 500 },
    );
  });

  it('raised no unhandled rejection or uncaught exception', () => {
    expect(problems).toEqual([]);
  });
});
