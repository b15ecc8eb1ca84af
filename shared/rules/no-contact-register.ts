import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from '../domain';
import { CITATIONS } from './citations';
import { CitationSchema } from './finding';

/**
 * NO pkt 2: the regional coordinator keeps the register of radicalisation contacts and coordinators
 * up to date and sends it to KDI whenever it changes ("oversende KDI ved endringer").
 */
export const ContactRegisterStatusSchema = z.object({
  state: z.enum(['empty', 'never_sent', 'changed', 'sent']),
  entries: z.number().int().nonnegative(),
  /** Day of the latest change to any entry. */
  changedOn: IsoDateSchema.optional(),
  /** Day the register was last sent to KDI. */
  lastSentOn: IsoDateSchema.optional(),
  citation: CitationSchema,
});
export type ContactRegisterStatus = z.infer<typeof ContactRegisterStatusSchema>;

export interface ContactRegisterFacts {
  entries: number;
  /** Digest of the register as it stands (entries and their versions). */
  digest: string;
  lastChangeOn: IsoDate | null;
  lastSend?: { sentOn: IsoDate; digest: string };
}

/** Whether KDI has the register as it stands: never sent, changed since it was sent, or up to date. */
export function contactRegisterStatus(facts: ContactRegisterFacts): ContactRegisterStatus {
  const { entries, lastSend } = facts;
  const changedOn = facts.lastChangeOn ?? undefined;
  const base = { entries, citation: CITATIONS.no2, ...(changedOn ? { changedOn } : {}) };
  if (!lastSend) return { ...base, state: entries === 0 ? 'empty' : 'never_sent' };
  const sent = { ...base, lastSentOn: lastSend.sentOn };
  return { ...sent, state: lastSend.digest === facts.digest ? 'sent' : 'changed' };
}
