import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../main/app/csp';
import { DoubleEvent, DoubleFrame, electronDouble } from '../../support/electron-double/electron-double';
import { INVOKE, startShell, value, type ShellRun } from '../../support/electron-double/start-shell';
import { PASSPHRASE } from '../../support/vault-fixtures';

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => import('../../support/electron-double/mock-electron-store'));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

const mainWindow = () => {
  const window = electronDouble.windows[0];
  if (!window) throw new Error('the shell opened no window');
  return window;
};

describe('the real main process under the Electron double', () => {
  it('opens one window: isolated, sandboxed, without Node or webviews, with the preload', async () => {
    run = await startShell();
    expect(electronDouble.windows).toHaveLength(1);
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(mainWindow().webContents.loadedUrl).toBe('app://bro/index.html');
    expect(electronDouble.callsTo('app', 'enableSandbox')).toHaveLength(1);
  });

  it('sends the CSP header with every app:// response, errors included', async () => {
    run = await startShell();
    const handler = electronDouble.session.defaultSession.protocolHandlers.get('app');
    expect(handler, 'app:// is not served').toBeDefined();
    const requests = [
      new Request('app://bro/index.html'),
      new Request('app://bro/no-such-file.js'),
      new Request('app://bro/%2e%2e/%2e%2e/etc/passwd'),
      new Request('app://bro/index.html', { method: 'POST', body: 'x' }),
    ];
    for (const request of requests) {
      const response = await handler!(request);
      expect(response.headers.get('content-security-policy'), `${request.method} ${request.url}`).toBe(CSP);
    }
  });

  it('refuses navigation, redirects, webviews and new windows, in the window and any later contents', async () => {
    run = await startShell();
    const contents = mainWindow().webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = new DoubleEvent();
      contents.emit(name, event, 'https://example.org/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    // A web contents Bro did not make (e.g. the print window) is locked down as it is created.
    const later = new electronDouble.module.BrowserWindow({ show: false });
    const navigate = new DoubleEvent();
    later.webContents.emit('will-navigate', navigate, 'file:///etc/passwd');
    expect(navigate.defaultPrevented).toBe(true);
  });

  it('answers every permission request and check with no, and blocks requests off the app origin', async () => {
    run = await startShell();
    const session = electronDouble.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = await new Promise<boolean>((resolve) => session.permissionRequest?.(null, permission, resolve));
      expect(answer, permission).toBe(false);
    }
    expect(session.permissionCheck?.(null, 'media')).toBe(false);
    const cancelled = (url: string) =>
      new Promise<boolean>((resolve) => session.beforeRequest?.({ url }, (response) => resolve(response.cancel)));
    expect(await cancelled('https://example.org/')).toBe(true);
    expect(await cancelled('app://bro/index.html')).toBe(false);
    expect(session.proxy).toEqual({ mode: 'direct' });
  });

  it('refuses IPC from a sub-frame, another origin or another window, and answers the main frame', async () => {
    run = await startShell();
    const contents = mainWindow().webContents;
    const forbidden = { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };
    const subFrame = new DoubleFrame(contents.mainFrame, 'app://bro/index.html');
    expect(await electronDouble.invokeAs(INVOKE, { frame: subFrame }, 'vault.status', {})).toEqual(forbidden);
    const other = new electronDouble.module.BrowserWindow({ show: false });
    other.webContents.mainFrame.url = 'https://example.org/';
    expect(await electronDouble.invokeAs(INVOKE, { contents: other.webContents }, 'vault.status', {})).toEqual(
      forbidden,
    );
    contents.mainFrame.url = 'app://bro.evil/index.html';
    expect(await electronDouble.invokeAs(INVOKE, {}, 'vault.status', {})).toEqual(forbidden);
    contents.mainFrame.url = 'app://bro/index.html';
    expect(await electronDouble.invokeAs(INVOKE, {}, 'vault.status', {})).toMatchObject({ ok: true });
    expect([...electronDouble.invokeHandlers.keys()]).toEqual([INVOKE]);
  });

  it.each(['lock-screen', 'suspend'])(
    'locks the vault when the system fires %s, and starts the page again on the lock screen',
    async (event) => {
      run = await startShell();
      await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
      expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked' });
      const loads = electronDouble.callsTo('webContents', 'loadURL').length;
      electronDouble.powerMonitor.emit(event);
      expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'locked' });
      // The case that was on screen does not stay there, nor in the page's memory, until its next poll.
      const after = electronDouble.callsTo('webContents', 'loadURL');
      expect(after).toHaveLength(loads + 1);
      expect(after.at(-1)?.args).toEqual(['app://bro/index.html']);
    },
  );

  it('an editor’s unsaved-changes guard does not keep the page over a lock, but keeps it otherwise', async () => {
    run = await startShell();
    await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
    const contents = electronDouble.windows[0]!.webContents;
    const unloadAsked = () => {
      const event = new DoubleEvent();
      contents.emit('will-prevent-unload', event);
      return event.defaultPrevented;
    };
    // Otherwise (closing the window with unsaved changes) the page's guard holds.
    expect(unloadAsked()).toBe(false);
    electronDouble.powerMonitor.emit('lock-screen');
    // The page's beforeunload asks to stay while the lock starts it again: Electron is told to unload.
    expect(unloadAsked()).toBe(true);
  });

  it('a crashed page locks the vault and is started again, not left blank over an open vault', async () => {
    run = await startShell();
    await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
    const loads = electronDouble.callsTo('webContents', 'loadURL').length;
    const contents = electronDouble.windows[0]?.webContents;
    electronDouble.app.emit('render-process-gone', {}, contents, { reason: 'crashed', exitCode: 1 });
    expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'locked' });
    expect(electronDouble.callsTo('webContents', 'loadURL')).toHaveLength(loads + 1);
    // Gone again while locked: started again all the same.
    electronDouble.app.emit('render-process-gone', {}, contents, { reason: 'oom', exitCode: 1 });
    expect(electronDouble.callsTo('webContents', 'loadURL')).toHaveLength(loads + 2);
  });

  it('locks the vault when the idle state says the screen is locked (Linux has no lock-screen event)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      run = await startShell();
      const { SCREEN_LOCK_POLL_MS } = await import('../../../main/app/os-lock');
      await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
      electronDouble.powerMonitor.idleState = 'idle';
      vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
      expect(electronDouble.callsTo('powerMonitor', 'getSystemIdleState').length).toBeGreaterThan(0);
      expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked' });
      electronDouble.powerMonitor.idleState = 'locked';
      vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
      expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'locked' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('quitting locks the vault and overwrites the data key held in memory', async () => {
    run = await startShell();
    await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
    // The same module instance main.ts loaded (imported after the double's fresh module registry).
    const { VaultSession } = await import('../../../main/vault/vault-session');
    const original = VaultSession.prototype.current;
    let key: Buffer | null = null;
    const spy = vi.spyOn(VaultSession.prototype, 'current').mockImplementation(function (
      this: InstanceType<typeof VaultSession>,
    ) {
      key ??= (this as unknown as { open: { dataKey: Buffer } | null }).open?.dataKey ?? null;
      return original.call(this);
    });
    await value(run.invoke('cases.list', {}));
    spy.mockRestore();
    const held = key as Buffer | null;
    expect(
      held?.some((byte) => byte !== 0),
      'no data key held while unlocked',
    ).toBe(true);

    // Closing the one window quits Bro on every platform.
    electronDouble.app.emit('window-all-closed');
    expect(electronDouble.callsTo('app', 'quit')).toHaveLength(1);
    expect(held?.every((byte) => byte === 0)).toBe(true);
    expect(await value(run.invoke('vault.status', {}))).toMatchObject({ state: 'locked' });
  });
});
