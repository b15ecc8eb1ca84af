/**
 * Command-line switches that open a packaged Bro to a debugger, turn a protection off or route its
 * traffic elsewhere. The Electron fuses already disable `--inspect` and NODE_OPTIONS; Chromium's own
 * switches have no fuse, so a packaged build refuses to start with any of them.
 */
export const DANGEROUS_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'no-sandbox',
  'disable-gpu-sandbox',
  'disable-setuid-sandbox',
  'disable-seccomp-filter-sandbox',
  'disable-namespace-sandbox',
  'allow-sandbox-debugging',
  'disable-win32k-lockdown',
  'disable-appcontainer',
  // Renderers in the browser process, which holds the vault key.
  'single-process',
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-file-access-from-files',
  'allow-running-insecure-content',
  'ignore-certificate-errors',
  'js-flags',
  'proxy-server',
  'proxy-pac-url',
  'host-rules',
  'host-resolver-rules',
  'load-extension',
  'enable-logging',
  'log-file',
  'v',
  'vmodule',
  'renderer-cmd-prefix',
  'utility-cmd-prefix',
  'gpu-launcher',
  'browser-subprocess-path',
];

const PREFIXED = ['inspect', 'remote-debugging'];

/** The switch name of an argument (`--js-flags=…` → `js-flags`), or null for a non-switch. */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const match = /^(?:--?|\/)([A-Za-z][\w-]*)(?:=.*)?$/s.exec(arg);
  if (!match?.[1] || (arg.startsWith('/') && platform !== 'win32')) return null;
  return match[1].toLowerCase();
}

/**
 * The dangerous switches in `argv` (as `--name`), plus any Chromium reports through `hasSwitch`
 * (switches can also arrive from elsewhere than argv). Empty when the start-up is clean.
 */
export function dangerousSwitches(
  argv: readonly string[],
  hasSwitch: (name: string) => boolean = () => false,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const name = switchName(arg, platform);
    if (name && (DANGEROUS_SWITCHES.includes(name) || PREFIXED.some((prefix) => name.startsWith(prefix))))
      found.add(`--${name}`);
  }
  for (const name of DANGEROUS_SWITCHES) if (hasSwitch(name)) found.add(`--${name}`);
  return [...found];
}
