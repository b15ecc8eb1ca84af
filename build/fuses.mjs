// Electron fuses: switches compiled into the Electron executable that no environment variable or
// command-line flag can turn back on. build/after-pack.mjs flips them when electron-builder packages
// Bro; test/integration/packaging.test.ts reads this same table.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Fuse name (as in @electron/fuses' FuseV1Options) → wanted state. Every V1 fuse is set explicitly. */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn Bro's executable into a plain Node runtime for any script.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key store (Bro sets no cookies: defence in depth).
  EnableCookieEncryption: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger into the main process, which holds the vault key.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds in the executable (Windows, macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only resources/app.asar is loaded, never a resources/app folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // Bro ships no custom V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app://, never file://, so file:// needs none of its legacy privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** The table as @electron/fuses' flipFuses wants it: fuse index → state. Unknown names throw. */
export function fuseConfig() {
  const config = { version: FuseVersion.V1 };
  for (const [name, enabled] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse: ${name}`);
    config[index] = enabled;
  }
  return config;
}
