// electron-builder `afterPack` hook (electron-builder.yml): flips the Electron fuses in build/fuses.mjs
// in the packaged executable, then reads them back and fails the build if any did not take. It runs
// before electron-builder signs the executable, so the signature covers the flipped fuses.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSES, fuseConfig } from './fuses.mjs';

// @electron/fuses writes each fuse as an ASCII digit.
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** The file that holds the fuse wire, named as electron-builder names the executable per platform. */
export function electronExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  throw new Error(`No Electron executable known for platform ${electronPlatformName}`);
}

/** Names of the fuses whose state in `executable` differs from build/fuses.mjs. */
export async function fusesNotSet(executable) {
  const wire = await getCurrentFuseWire(executable);
  return Object.entries(FUSES)
    .filter(([name, enabled]) => wire[FuseV1Options[name]] !== (enabled ? ENABLED : DISABLED))
    .map(([name]) => name);
}

export async function afterPack(context) {
  const executable = electronExecutable(context);
  await flipFuses(executable, fuseConfig());
  const wrong = await fusesNotSet(executable);
  if (wrong.length > 0) throw new Error(`Electron fuses not set as configured: ${wrong.join(', ')}`);
}

export default afterPack;
