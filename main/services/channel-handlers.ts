import type { z } from 'zod';
import type { ChannelDef } from '../../shared/ipc/channel';

/**
 * Handlers typed from a channel map of their own, so a service can be built and tested before its
 * channels are spread into the contract; once they are, the registry's `satisfies Handlers` checks
 * the same types again.
 */
export type HandlersOf<M extends Record<string, ChannelDef>> = {
  [C in keyof M]: (input: z.output<M[C]['input']>) => Promise<z.output<M[C]['output']>> | z.output<M[C]['output']>;
};
