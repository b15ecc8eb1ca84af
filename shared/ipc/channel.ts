import type { z } from 'zod';

/** One IPC channel: what it accepts, what it returns, and what it is for. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly description: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  description: string,
  input: I,
  output: O,
): ChannelDef<I, O> {
  return { input, output, description };
}
