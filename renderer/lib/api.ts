import type { z } from 'zod';
import { BRIDGE_GLOBAL, type BroBridge } from '../../shared/ipc/bridge';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract';
import { IpcErrorSchema, type IpcError, type IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    /** Installed by the Electron preload or the Playwright test bridge; absent in a plain browser. */
    bro?: BroBridge;
  }
}

export type ApiResult<C extends Channel> = IpcResult<ChannelOutput<C>>;

export interface Api {
  /** Calls one contract channel. Expected failures come back as `{ ok: false, error }`, never thrown. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiResult<C>>;
  /** Called whenever any call reports that the vault is locked (auto-lock, OS lock, another window). */
  onLocked(listener: () => void): () => void;
}

const INTERNAL: IpcError = { code: 'internal', messageKey: 'error.internal' };

export function readBridge(): BroBridge | null {
  const candidate = typeof window === 'undefined' ? undefined : window[BRIDGE_GLOBAL];
  return candidate && typeof candidate.invoke === 'function' ? candidate : null;
}

export function hasBridge(): boolean {
  return readBridge() !== null;
}

/**
 * Checks what came back against the contract: the bridge is trusted, but a mismatch must surface as a
 * typed error rather than as a crash deep inside a screen.
 */
function checkResult<C extends Channel>(channel: C, raw: unknown): ApiResult<C> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return { ok: false, error: INTERNAL };
  if (raw.ok === true && 'value' in raw) {
    const schema: z.ZodType = contract[channel].output;
    const parsed = schema.safeParse(raw.value);
    // The contract's own output schema just accepted the value, so it has the channel's output type.
    return parsed.success ? { ok: true, value: parsed.data as ChannelOutput<C> } : { ok: false, error: INTERNAL };
  }
  const error = IpcErrorSchema.safeParse('error' in raw ? raw.error : undefined);
  return { ok: false, error: error.success ? error.data : INTERNAL };
}

export function createApi(getBridge: () => BroBridge | null): Api {
  const lockedListeners = new Set<() => void>();
  return {
    async invoke(channel, input) {
      const bridge = getBridge();
      if (!bridge) return { ok: false, error: INTERNAL };
      let result: ApiResult<typeof channel>;
      try {
        result = checkResult(channel, await bridge.invoke(channel, input));
      } catch {
        // A thrown bridge call is a broken process boundary, not something the user did.
        result = { ok: false, error: INTERNAL };
      }
      if (!result.ok && result.error.code === 'locked') lockedListeners.forEach((listener) => listener());
      return result;
    },
    onLocked(listener) {
      lockedListeners.add(listener);
      return () => lockedListeners.delete(listener);
    },
  };
}

/** The one client every screen uses. It reads `window.bro` on each call, so a late bridge still works. */
export const api: Api = createApi(readBridge);
