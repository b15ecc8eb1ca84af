import { afterEach, describe, expect, it, vi } from 'vitest';
import { dangerousSwitches } from '../../../main/app/dangerous-switches';
import { electronDouble } from '../../support/electron-double/electron-double';
import { startShell, type ShellRun } from '../../support/electron-double/start-shell';

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => import('../../support/electron-double/mock-electron-store'));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

const REFUSED = [
  '--remote-debugging-port=9222',
  '--remote-debugging-pipe',
  '--inspect',
  '--inspect-brk=9229',
  '--no-sandbox',
  '--disable-web-security',
  '--js-flags=--allow-natives-syntax',
  '--proxy-server=http://127.0.0.1:8080',
  '--load-extension=/tmp/x',
  '--disable-seccomp-filter-sandbox',
  '--disable-namespace-sandbox',
  '--allow-sandbox-debugging',
  '--disable-win32k-lockdown',
  '--disable-appcontainer',
  '--single-process',
  '--disable-site-isolation-trials',
  '--enable-logging',
];

describe('a packaged Bro refuses dangerous switches', () => {
  it.each(REFUSED)('started with %s it says why and exits before opening anything', async (flag) => {
    run = await startShell({ packaged: true, argv: [flag], ready: false });
    expect(electronDouble.exitCodes).toEqual([1]);
    const [box] = electronDouble.errorBoxes;
    expect(box?.content).toContain(flag.split('=')[0]);
    // Catalog text, not a key: the message is a sentence in one of the three languages.
    expect(box?.title).toMatch(/^Bro (startet ikke|startede ikke|did not start)$/);
    expect(electronDouble.privilegedSchemes).toEqual([]);
    await electronDouble.ready();
    expect(electronDouble.windows).toEqual([]);
    expect(electronDouble.invokeHandlers.size).toBe(0);
  });

  it('a switch Chromium reports though it is not in argv is refused too', async () => {
    electronDouble.reset();
    const found = dangerousSwitches(['bro'], (name) => name === 'remote-debugging-port');
    expect(found).toEqual(['--remote-debugging-port']);
  });

  it('a development build starts with them (developers debug), and a clean packaged start opens the window', async () => {
    run = await startShell({ packaged: false, argv: ['--inspect'] });
    expect(electronDouble.exitCodes).toEqual([]);
    expect(electronDouble.windows).toHaveLength(1);
    run.stop();
    run = await startShell({ packaged: true, argv: ['--lang=nb'] });
    expect(electronDouble.errorBoxes).toEqual([]);
    expect(electronDouble.windows).toHaveLength(1);
  });

  it('tells switches from look-alikes: values, other flags and Windows-style switches', () => {
    expect(dangerousSwitches(['--vault', '/srv/--no-sandbox', '--user-data-dir=/tmp'], () => false, 'linux')).toEqual(
      [],
    );
    expect(dangerousSwitches(['-no-sandbox'], () => false, 'linux')).toEqual(['--no-sandbox']);
    expect(dangerousSwitches(['/remote-debugging-port=1'], () => false, 'win32')).toEqual(['--remote-debugging-port']);
    expect(dangerousSwitches(['/remote-debugging-port=1'], () => false, 'linux')).toEqual([]);
    expect(dangerousSwitches(['--INSPECT-publish-uid=http'], () => false, 'linux')).toEqual(['--inspect-publish-uid']);
  });
});
