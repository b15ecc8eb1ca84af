import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame } from 'playwright-core';
import type { Router } from '../ipc/router';
import type { IpcResult } from '../../shared/ipc/result';
import { BRO_ORIGIN, routeRenderer, rendererIndex, type BlockedRequest } from './serve-renderer';

export { BRO_ORIGIN, INDEX_URL, type BlockedRequest } from './serve-renderer';

/** The built renderer, as `npm run build` leaves it. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** Name of the function the bridge exposes; the init script wraps it as `window.bro.invoke`. */
const INVOKE_BINDING = '__broInvoke';

/**
 * What the Electron preload does with contextBridge: one frozen `window.bro` with `invoke`, in the
 * top frame only (sub-frames get nothing, as with nodeIntegrationInSubFrames off).
 */
const INIT_SCRIPT = `(() => {
  if (window !== window.top) return;
  const invoke = (channel, input) => window[${JSON.stringify(INVOKE_BINDING)}](channel, input);
  Object.defineProperty(window, 'bro', { value: Object.freeze({ invoke }), enumerable: true });
})();`;

const FORBIDDEN: IpcResult<never> = { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };

function isAppMainFrame(frame: Frame): boolean {
  if (frame.parentFrame() !== null || frame !== frame.page().mainFrame()) return false;
  try {
    return new URL(frame.url()).origin === BRO_ORIGIN;
  } catch {
    return false;
  }
}

export interface BridgeOptions {
  router: Router;
  rendererDir?: string;
  /** Told of each refused request as it happens (the browser shell prints them). */
  onBlocked?: (request: BlockedRequest) => void;
}

export interface Bridge {
  /** Requests for anything but the renderer's origin; each was aborted. */
  blocked: BlockedRequest[];
  /** Channels invoked so far, in order (names only: inputs may hold personal data). */
  invoked: string[];
}

/**
 * Puts the real app behind a browser context the way Electron does: the built renderer under a
 * fixed origin, every other request refused, and `window.bro.invoke` carried to the real router.
 * Call before the first page navigates.
 */
export async function attachBridge(context: BrowserContext, options: BridgeOptions): Promise<Bridge> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!existsSync(rendererIndex(rendererDir))) {
    throw new Error(`No built renderer at ${rendererDir} (index.html missing). Run \`npm run build\` first.`);
  }
  const bridge: Bridge = { blocked: [], invoked: [] };
  await routeRenderer(context, rendererDir, (request) => {
    bridge.blocked.push(request);
    options.onBlocked?.(request);
  });
  await context.exposeBinding(
    INVOKE_BINDING,
    ({ frame }: { frame: Frame }, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      // The binding exists in every frame; only the app's own top frame is answered, as in Electron.
      if (!isAppMainFrame(frame)) return Promise.resolve(FORBIDDEN);
      bridge.invoked.push(typeof channel === 'string' ? channel : '(not a string)');
      return options.router.invoke(channel, input);
    },
  );
  await context.addInitScript({ content: INIT_SCRIPT });
  return bridge;
}
