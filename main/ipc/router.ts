import type { z } from 'zod';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { AppError, isAppError } from './app-error';
import { storageAppError } from '../db/storage-errors';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface Router {
  invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
}

/** Logs only what is safe: the channel and the error's class and code, never input or messages. */
export type ErrorSink = (event: { channel: string; code: string; errorName: string }) => void;

function zodFields(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'))];
}

function toIpcError(error: unknown): IpcError {
  if (isAppError(error)) {
    return {
      code: error.code,
      messageKey: error.messageKey,
      ...(error.params ? { params: error.params } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  // A failure of the file system or the database is named for what it is (main/db/storage-errors.ts).
  const storage = storageAppError(error, 'notThisChange');
  if (storage) return { code: storage.code, messageKey: storage.messageKey, params: storage.params };
  return { code: 'internal', messageKey: 'error.internal' };
}

/**
 * The one gate between the renderer and the services: checks the channel against the contract,
 * validates input before the handler runs and output after, and turns every failure into a typed
 * error. A stack trace never crosses.
 */
export function createRouter(handlers: Handlers, onError: ErrorSink = () => undefined): Router {
  return {
    async invoke(channelName, rawInput) {
      if (!isChannel(channelName)) {
        return { ok: false, error: { code: 'unknown_channel', messageKey: 'error.unknown_channel' } };
      }
      const def = contract[channelName];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid_input', messageKey: 'error.invalid_input', fields: zodFields(parsed.error) },
        };
      }
      try {
        const handler = handlers[channelName] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          throw new AppError('internal', 'error.internal');
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        const ipcError = toIpcError(error);
        onError({
          channel: channelName,
          code: ipcError.code,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        return { ok: false, error: ipcError };
      }
    },
  };
}
