import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type BroBridge } from '../../shared/ipc/bridge';
import { INVOKE_CHANNEL } from './invoke-channel';

/**
 * Runs sandboxed, before the page. Exposes exactly one function, `window.bro.invoke`, which carries a
 * channel name and its input to the main process; the renderer gets no ipcRenderer, no Node and no
 * way to pick another IPC channel. The main process checks the sender and the channel.
 */
const bridge = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
} satisfies BroBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
