/** The single IPC channel between preload and main; `shared/ipc/contract.ts` names what it carries. */
export const INVOKE_CHANNEL = 'bro:invoke';
