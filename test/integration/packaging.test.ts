import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { FuseV1Options } from '@electron/fuses';
import { minimatch } from 'minimatch';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { afterPack, electronExecutable, fusesNotSet } from '../../build/after-pack.mjs';
import { FUSES, fuseConfig } from '../../build/fuses.mjs';
import { tempDirs } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const temp = tempDirs('bro-packaging-');
afterEach(() => temp.cleanup());

const StringList = z.array(z.string());
const TargetList = z.array(z.union([z.string(), z.object({ target: z.string() })]));

/** The parts of electron-builder.yml this test asserts on (the schema check covers the rest). */
const BuilderConfigSchema = z.object({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string(), buildResources: z.string() }),
  files: StringList,
  asar: z.boolean(),
  asarUnpack: StringList,
  npmRebuild: z.boolean(),
  nodeGypRebuild: z.boolean().optional(),
  publish: z.null(),
  afterPack: z.string(),
  win: z.object({ target: TargetList, icon: z.string() }),
  nsis: z.object({ perMachine: z.boolean(), oneClick: z.boolean() }),
  msi: z.object({ perMachine: z.boolean() }),
  linux: z.object({ target: TargetList, icon: z.string() }),
  extraResources: z.unknown().optional(),
  extraFiles: z.unknown().optional(),
  includeSubNodeModules: z.boolean().optional(),
  electronFuses: z.unknown().optional(),
});

const PackageJsonSchema = z.object({
  scripts: z.record(z.string(), z.string()),
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});

function loadYaml(path: string): unknown {
  const yaml: { load(text: string): unknown } = require('js-yaml');
  return yaml.load(readFileSync(path, 'utf8'));
}

const rawConfig = loadYaml(join(ROOT, 'electron-builder.yml'));
const config = BuilderConfigSchema.parse(rawConfig);
const pkg = PackageJsonSchema.parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));

let compiled: ReturnType<Ajv['compile']> | null = null;

/** electron-builder's scheme.json compiled once (it is large). */
function schemaValidator() {
  if (compiled) return compiled;
  const schemePath = join(require.resolve('app-builder-lib/package.json'), '..', 'scheme.json');
  const scheme: unknown = JSON.parse(readFileSync(schemePath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  compiled = ajv.compile(z.record(z.string(), z.unknown()).parse(scheme));
  return compiled;
}

const targetNames = (targets: z.infer<typeof TargetList>) =>
  targets.map((target) => (typeof target === 'string' ? target : target.target));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("is valid against the installed electron-builder's own schema", () => {
    const validate = schemaValidator();
    const valid = validate(rawConfig);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema with an option electron-builder does not know', () => {
    const validate = schemaValidator();
    expect(validate({ ...config, nsis: { oneClick: false, installEverywhere: true } })).toBe(false);
  });

  it('builds NSIS and MSI installers for Windows and an AppImage and a .deb for Linux', () => {
    expect(targetNames(config.win.target)).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(targetNames(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('names the app with a reverse-DNS app id', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe('Bro');
  });

  it('takes its icons from build/icons, large enough for Windows and in every Linux size', () => {
    expect(config.win.icon.startsWith('build/icons/')).toBe(true);
    const winIcon = pngSize(join(ROOT, config.win.icon));
    expect(Math.min(winIcon.width, winIcon.height)).toBeGreaterThanOrEqual(256);
    expect(config.linux.icon.replace(/\/$/, '')).toBe('build/icons');
    const sized = readdirSync(join(ROOT, 'build/icons')).filter((name) => /^\d+x\d+\.png$/.test(name));
    expect(sized.length).toBeGreaterThanOrEqual(5);
    for (const name of sized) {
      const [width, height] = name.replace('.png', '').split('x').map(Number);
      expect(pngSize(join(ROOT, 'build/icons', name)), name).toEqual({ width, height });
    }
  });

  it('packs the app into an ASAR but keeps every SQLCipher native binary outside it', () => {
    expect(config.asar).toBe(true);
    const sqlcipher = join(ROOT, 'node_modules/@signalapp/sqlcipher');
    const binaries = readdirSync(sqlcipher, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.node'))
      .map((file) => relative(ROOT, join(sqlcipher, file)).split(sep).join('/'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const binary of binaries) {
      expect(
        config.asarUnpack.some((pattern) => minimatch(binary, pattern)),
        binary,
      ).toBe(true);
    }
  });

  /** Every file of an installed package, relative to the repository, with forward slashes. */
  const packageFiles = (name: string) => {
    const dir = join(ROOT, 'node_modules', name);
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) =>
      relative(ROOT, join(dir, file)).split(sep).join('/'),
    );
  };
  const unpacked = (file: string) => config.asarUnpack.some((pattern) => minimatch(file, pattern));
  const shipped = (file: string) =>
    !config.files.some((pattern) => pattern.startsWith('!') && minimatch(file, pattern.slice(1)));

  it('unpacks only native .node binaries: every SQLCipher one and the pkcs11js one, none of their JavaScript', () => {
    expect(config.asarUnpack.length).toBeGreaterThan(0);
    for (const pattern of config.asarUnpack) expect(pattern, pattern).toMatch(/\.node$/);
    const files = [...packageFiles('@signalapp/sqlcipher'), ...packageFiles('pkcs11js')];
    const binaries = files.filter((file) => file.endsWith('.node') && shipped(file));
    expect(binaries).toEqual(expect.arrayContaining(['node_modules/pkcs11js/build/Release/pkcs11.node']));
    expect(binaries.filter((file) => file.includes('sqlcipher')).length).toBeGreaterThan(0);
    for (const binary of binaries) expect(unpacked(binary), binary).toBe(true);
    const others = files.filter((file) => !file.endsWith('.node'));
    expect(others.length).toBeGreaterThan(3);
    expect(others.filter(unpacked)).toEqual([]);
    // The same patterns the old whole-package rule would have matched everything with.
    expect(unpacked('node_modules/@signalapp/sqlcipher/package.json')).toBe(false);
    expect(unpacked('node_modules/pkcs11js/index.js')).toBe(false);
  });

  it("ships pkcs11js's binary but not its sources or intermediate build files", () => {
    expect(shipped('node_modules/pkcs11js/build/Release/pkcs11.node')).toBe(true);
    expect(shipped('node_modules/pkcs11js/build/Release/obj.target/pkcs11.node')).toBe(false);
    expect(shipped('node_modules/pkcs11js/src/pkcs11.cpp')).toBe(false);
  });

  it('installs per machine on Windows (NSIS and MSI), so a standard user cannot replace the program files', () => {
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.msi.perMachine).toBe(true);
  });

  it('ships no devDependencies: only the built app and package.json are listed, nothing from node_modules', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    expect(config.files.some((pattern) => !pattern.startsWith('!') && pattern.includes('node_modules'))).toBe(false);
    expect(config.extraResources).toBeUndefined();
    expect(config.extraFiles).toBeUndefined();
    expect(config.includeSubNodeModules).not.toBe(true);
    // electron-builder itself refuses electron in dependencies; the two lists never overlap.
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['electron', 'electron-builder']));
    const both = Object.keys(pkg.dependencies).filter((name) => name in pkg.devDependencies);
    expect(both).toEqual([]);
  });

  it.skipIf(!existsSync(join(ROOT, 'out/main/index.js')))(
    'has built bundles that load nothing at run time beyond dependencies, electron and Node',
    () => {
      const allowed = new Set([...Object.keys(pkg.dependencies), 'electron', ...builtinModules]);
      for (const bundle of ['out/main/index.js', 'out/preload/index.cjs']) {
        const text = readFileSync(join(ROOT, bundle), 'utf8');
        const specifiers = [...text.matchAll(/(?:^import[^;'"]*from\s*|require\()\s*["']([^"'./][^"']*)["']/gm)].map(
          (match) => match[1] as string,
        );
        const packages = specifiers
          .filter((name) => !name.startsWith('node:'))
          .map((name) =>
            name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] as string),
          );
        expect(
          packages.filter((name) => !allowed.has(name)),
          bundle,
        ).toEqual([]);
      }
    },
  );

  it('rebuilds no native module, publishes nothing and has no auto-updater', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.publish).toBeNull();
    expect('electron-updater' in pkg.dependencies).toBe(false);
  });

  it('is what `npm run dist` packages', () => {
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});

describe('Electron fuses at packaging', () => {
  // The requirement, stated apart from build/fuses.mjs, so that a fuse set wrong there fails here.
  const MUST_BE_OFF = [
    'RunAsNode',
    'EnableNodeOptionsEnvironmentVariable',
    'EnableNodeCliInspectArguments',
    'LoadBrowserProcessSpecificV8Snapshot',
    'GrantFileProtocolExtraPrivileges',
  ] as const;
  const MUST_BE_ON = [
    'EnableCookieEncryption',
    'EnableEmbeddedAsarIntegrityValidation',
    'OnlyLoadAppFromAsar',
  ] as const;
  const required = [
    ...MUST_BE_OFF.map((name) => [name, false] as const),
    ...MUST_BE_ON.map((name) => [name, true] as const),
  ];

  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges, and turns on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    expect(Object.entries(FUSES)).toHaveLength(required.length);
    for (const [name, enabled] of required) expect(FUSES[name], name).toBe(enabled);
  });

  it('sets every fuse @electron/fuses knows, so none is left at its default', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
    expect(required.map(([name]) => name).sort()).toEqual(known.sort());
  });

  it('hands @electron/fuses each fuse at its real index', () => {
    const wire = fuseConfig();
    expect(wire.version).toBe('1');
    for (const [name, enabled] of required) expect(wire[FuseV1Options[name]], name).toBe(enabled);
  });

  it('is flipped by the afterPack hook that electron-builder.yml names, and electron-builder does not flip them twice', () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
    expect(config.electronFuses).toBeUndefined();
  });

  // No Electron binary on this machine: a stand-in executable carries a fuse wire as Electron lays it
  // out (sentinel, version, length, one ASCII digit per fuse), with Electron's defaults.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  function fakeElectron(path: string): void {
    const wire = Buffer.concat([Buffer.from([1, 8]), Buffer.from('10110001', 'latin1')]);
    writeFileSync(
      path,
      Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL, 'latin1'), wire, Buffer.alloc(512)]),
    );
  }

  it('sets every fuse in the packaged Linux and Windows executables, as electron-builder names them', async () => {
    for (const platform of ['linux', 'win32'] as const) {
      const appOutDir = temp.make();
      const context = {
        appOutDir,
        electronPlatformName: platform,
        packager: { executableName: 'bro', appInfo: { productFilename: 'Bro' } },
      };
      const executable = electronExecutable(context);
      expect(executable).toBe(join(appOutDir, platform === 'linux' ? 'bro' : 'Bro.exe'));
      fakeElectron(executable);
      expect((await fusesNotSet(executable)).length).toBeGreaterThan(0);
      await afterPack(context);
      expect(await fusesNotSet(executable)).toEqual([]);
    }
  });

  it('fails the build when the executable has no fuse wire', async () => {
    const appOutDir = temp.make();
    writeFileSync(join(appOutDir, 'bro'), Buffer.alloc(4096, 0x90));
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      packager: { executableName: 'bro', appInfo: { productFilename: 'Bro' } },
    };
    await expect(afterPack(context)).rejects.toThrow(/sentinel/i);
  });
});
