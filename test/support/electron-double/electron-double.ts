import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';

/**
 * A test-only stand-in for the `electron` module: enough of app, BrowserWindow, webContents, session,
 * protocol, ipcMain, dialog, Menu, powerMonitor, screen, contextBridge, ipcRenderer and webUtils for
 * the real `main/app/main.ts` and the real preload to run in Vitest. Every call is recorded; events
 * are plain EventEmitters, so a test fires them with `emit` and sees what the shell's handlers did.
 * Wire it with `vi.mock('electron', () => electronDouble.module)`; `reset()` before each fresh import.
 */

export interface RecordedCall {
  target: string;
  method: string;
  args: unknown[];
}

/** An event as Electron passes it to listeners: `preventDefault` marks it refused. */
export class DoubleEvent {
  defaultPrevented = false;
  constructor(readonly extra: Record<string, unknown> = {}) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}
export interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class DoubleWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = DoubleWebContents.nextId++;
  readonly mainFrame: DoubleFrame;
  windowOpenHandler: WindowOpenHandler | null = null;
  webRtcPolicy: string | null = null;
  printed: { options: unknown }[] = [];
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(private readonly owner: ElectronDouble) {
    super();
    this.mainFrame = new DoubleFrame(null, 'app://bro/index.html');
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRtcPolicy = policy;
  }
  print(options: unknown, callback?: (success: boolean, reason: string) => void): void {
    this.owner.record('webContents', 'print', [options]);
    this.printed.push({ options });
    callback?.(this.owner.printSucceeds, this.owner.printSucceeds ? '' : this.owner.printFailureReason);
  }
  loadURL(url: string): Promise<void> {
    this.owner.record('webContents', 'loadURL', [url]);
    this.loadedUrl = url;
    // As Chromium does once the page is in: listeners added after loadURL still hear it.
    if (!this.owner.loadStalls) setTimeout(() => this.emit('did-finish-load'), 0);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
  }
}

export class DoubleFrame {
  constructor(
    readonly parent: DoubleFrame | null,
    public url: string,
  ) {}
}

export class DoubleBrowserWindow extends EventEmitter {
  readonly webContents: DoubleWebContents;
  destroyed = false;
  constructor(
    readonly options: Record<string, unknown>,
    owner: ElectronDouble,
  ) {
    super();
    this.webContents = new DoubleWebContents(owner);
    owner.windows.push(this);
    owner.record('BrowserWindow', 'new', [options]);
    // Electron announces every web contents to the app, as `web-contents-created`.
    owner.app.emit('web-contents-created', new DoubleEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadURL(`file://${path}`);
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1200, height: 800 };
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('close', new DoubleEvent());
    this.emit('closed');
  }
  destroy(): void {
    this.close();
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type BeforeRequest = (details: { url: string }, respond: (response: { cancel: boolean }) => void) => void;

export class DoubleSession extends EventEmitter {
  protocolHandlers = new Map<string, ProtocolHandler>();
  beforeRequest: BeforeRequest | null = null;
  permissionRequest: ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  proxy: unknown = null;
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: DoubleSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: DoubleSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: DoubleSession['devicePermission']): void {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(): void {}
  setBluetoothPairingHandler(): void {}
  setSpellCheckerEnabled(): void {}
  setProxy(config: unknown): Promise<void> {
    this.proxy = config;
    return Promise.resolve();
  }
}

/**
 * A download as Electron hands it to `will-download`. If the event is not refused, Electron asks
 * where to save it (the save dialog) and writes the bytes there: the double does the same.
 */
export function fireDownload(double: ElectronDouble, bytes: Uint8Array, suggestedName: string): DoubleEvent {
  const event = new DoubleEvent();
  const item = { getFilename: () => suggestedName, setSavePath: (path: string) => (savePath = path) };
  let savePath: string | null = null;
  double.session.defaultSession.emit('will-download', event, item, double.windows[0]?.webContents);
  if (event.defaultPrevented) return event;
  const target = savePath ?? double.dialogAnswers.save.shift()?.filePath;
  if (target) writeFileSync(target, bytes);
  return event;
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** powerMonitor: its events, and the idle state the system would report (`idleState`, set by a test). */
export class DoublePowerMonitor extends EventEmitter {
  idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  constructor(private readonly owner: ElectronDouble) {
    super();
  }
  getSystemIdleState(idleThreshold: number): string {
    this.owner.record('powerMonitor', 'getSystemIdleState', [idleThreshold]);
    return this.idleState;
  }
}

export class ElectronDouble {
  calls: RecordedCall[] = [];
  windows: DoubleBrowserWindow[] = [];
  app!: EventEmitter & Record<string, unknown>;
  session!: { defaultSession: DoubleSession };
  invokeHandlers = new Map<string, InvokeHandler>();
  exposed = new Map<string, unknown>();
  /** Answers for the next dialogs, in order; an empty queue means the user cancels. */
  dialogAnswers: { save: SaveDialogAnswer[]; open: OpenDialogAnswer[] } = { save: [], open: [] };
  errorBoxes: { title: string; content: string }[] = [];
  exitCodes: number[] = [];
  switches = new Map<string, string>();
  isPackaged = false;
  printSucceeds = true;
  /** Why a print that did not succeed failed, as Electron says it: the dialog was closed, or the job failed. */
  printFailureReason = 'cancelled';
  /** A page that neither loads nor fails (loadURL answers, no load event follows). */
  loadStalls = false;
  paths: Record<string, string> = {};
  privilegedSchemes: unknown[] = [];
  menu: unknown = null;
  powerMonitor = new DoublePowerMonitor(this);
  /** What the preload's ipcRenderer.invoke sent, for the preload tests. */
  rendererInvokes: unknown[][] = [];
  readyResolve: (() => void) | null = null;

  constructor() {
    this.reset();
  }

  record(target: string, method: string, args: unknown[]): void {
    this.calls.push({ target, method, args });
  }

  callsTo(target: string, method: string): RecordedCall[] {
    return this.calls.filter((call) => call.target === target && call.method === method);
  }

  reset(): void {
    this.calls = [];
    this.windows = [];
    this.invokeHandlers = new Map();
    this.exposed = new Map();
    this.dialogAnswers = { save: [], open: [] };
    this.errorBoxes = [];
    this.exitCodes = [];
    this.switches = new Map();
    this.isPackaged = false;
    this.printSucceeds = true;
    this.printFailureReason = 'cancelled';
    this.loadStalls = false;
    this.paths = {};
    this.privilegedSchemes = [];
    this.menu = null;
    this.powerMonitor = new DoublePowerMonitor(this);
    this.rendererInvokes = [];
    this.session = { defaultSession: new DoubleSession() };
    this.app = this.makeApp();
  }

  private makeApp(): EventEmitter & Record<string, unknown> {
    const app = new EventEmitter() as EventEmitter & Record<string, unknown>;
    let ready: Promise<void> | null = null;
    Object.defineProperty(app, 'isPackaged', { get: () => this.isPackaged });
    Object.assign(app, {
      setPath: (name: string, path: string) => (this.paths[name] = path),
      getPath: (name: string) => {
        const path = this.paths[name] ?? this.paths.userData;
        if (!path) throw new Error(`electron double: no path for ${name}; set double.paths first`);
        return path;
      },
      enableSandbox: () => this.record('app', 'enableSandbox', []),
      commandLine: {
        appendSwitch: (name: string, value = '') => this.record('app.commandLine', 'appendSwitch', [name, value]),
        hasSwitch: (name: string) => this.switches.has(name),
        getSwitchValue: (name: string) => this.switches.get(name) ?? '',
      },
      whenReady: () => (ready ??= new Promise<void>((resolve) => (this.readyResolve = resolve))),
      requestSingleInstanceLock: () => true,
      quit: () => {
        this.record('app', 'quit', []);
        app.emit('will-quit', new DoubleEvent());
      },
      exit: (code = 0) => {
        this.record('app', 'exit', [code]);
        this.exitCodes.push(code);
      },
    });
    return app;
  }

  /** Resolves `app.whenReady()` and waits for the shell's ready work to finish. */
  async ready(): Promise<void> {
    for (let i = 0; i < 20 && !this.readyResolve; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    this.readyResolve?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Calls the handler main registered for `channel`, as a given frame of a given window would. */
  invokeAs(
    channel: string,
    sender: { contents?: DoubleWebContents; frame?: DoubleFrame | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.invokeHandlers.get(channel);
    if (!handler) throw new Error(`electron double: nothing handles ${channel}`);
    const contents = sender.contents ?? this.windows[0]?.webContents;
    if (!contents) throw new Error('electron double: no window');
    const frame = sender.frame === undefined ? contents.mainFrame : sender.frame;
    return Promise.resolve(handler({ sender: contents, senderFrame: frame }, ...args));
  }

  /** The module object `vi.mock('electron', …)` returns. */
  get module(): ElectronModule {
    return electronModule(this);
  }
}

export type ElectronModule = ReturnType<typeof electronModule>;

function electronModule(double: ElectronDouble) {
  return {
    get app() {
      return double.app;
    },
    get session() {
      return double.session;
    },
    get powerMonitor() {
      return double.powerMonitor;
    },
    BrowserWindow: class extends DoubleBrowserWindow {
      constructor(options: Record<string, unknown>) {
        super(options, double);
      }
      static getAllWindows() {
        return double.windows.filter((window) => !window.destroyed);
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => double.privilegedSchemes.push(...schemes),
    },
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        double.record('ipcMain', 'handle', [channel]);
        double.invokeHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => double.invokeHandlers.delete(channel),
      removeAllListeners: (channel: string) => double.record('ipcMain', 'removeAllListeners', [channel]),
      on: (channel: string) => double.record('ipcMain', 'on', [channel]),
    },
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        double.record('dialog', 'showSaveDialog', args);
        return Promise.resolve(double.dialogAnswers.save.shift() ?? { canceled: true });
      },
      showOpenDialog: (...args: unknown[]) => {
        double.record('dialog', 'showOpenDialog', args);
        return Promise.resolve(double.dialogAnswers.open.shift() ?? { canceled: true, filePaths: [] });
      },
      showErrorBox: (title: string, content: string) => {
        double.record('dialog', 'showErrorBox', [title, content]);
        double.errorBoxes.push({ title, content });
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (double.menu = menu),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        double.record('contextBridge', 'exposeInMainWorld', [key]);
        double.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        double.rendererInvokes.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  };
}

/** The one double per test file (vi.mock factories are hoisted; they read it when the module loads). */
export const electronDouble = new ElectronDouble();
