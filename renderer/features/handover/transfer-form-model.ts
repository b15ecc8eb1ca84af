import { TransferSchema, type Transfer, type TransferKind } from '../../../shared/domain/transfer';

/** The transfer form as typed: every date a string ('' for none). */
export interface TransferFormValues {
  kind: TransferKind;
  receivingUnit: string;
  plannedDate: string;
  receivingContact: string;
  decisionDate: string;
  contactMadeOn: string;
  contactBeforeDecision: boolean;
  meetingOn: string;
}

export const EMPTY_TRANSFER: TransferFormValues = {
  kind: 'other_unit',
  receivingUnit: '',
  plannedDate: '',
  receivingContact: '',
  decisionDate: '',
  contactMadeOn: '',
  contactBeforeDecision: false,
  meetingOn: '',
};

export function transferFormValues(transfer: Transfer | null): TransferFormValues {
  if (!transfer) return EMPTY_TRANSFER;
  return {
    kind: transfer.kind,
    receivingUnit: transfer.receivingUnit,
    plannedDate: transfer.plannedDate,
    receivingContact: transfer.receivingContact,
    decisionDate: transfer.decisionDate ?? '',
    contactMadeOn: transfer.contactMadeOn ?? '',
    contactBeforeDecision: transfer.contactBeforeDecision,
    meetingOn: transfer.meetingOn ?? '',
  };
}

const OPTIONAL_DATES = ['decisionDate', 'contactMadeOn', 'meetingOn'] as const;

/** The form as the transfer channel takes it, or the fields that do not parse (the same schema main checks). */
export function transferFromForm(
  values: TransferFormValues,
): { ok: true; transfer: Transfer } | { ok: false; fields: string[] } {
  const input: Record<string, unknown> = { ...values };
  for (const field of OPTIONAL_DATES) if (values[field].trim() === '') delete input[field];
  const parsed = TransferSchema.safeParse(input);
  if (parsed.success) return { ok: true, transfer: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] };
}
