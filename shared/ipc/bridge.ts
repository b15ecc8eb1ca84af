import type { IpcResult } from './result';

/**
 * What the preload (and the test bridge) put on `window.bro`: one function that carries a channel
 * name and its input across, and returns the router's result. Nothing else crosses.
 */
export interface BroBridge {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

export const BRIDGE_GLOBAL = 'bro' as const;
