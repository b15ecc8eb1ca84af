import type { LeftOutReason, TransferKind } from '../../../shared/domain/transfer';

/** Message keys as literals, so the i18n usage test can check each one exists. */
export const TRANSFER_KIND_KEY = {
  other_unit: 'handover.kind.other_unit',
  community_sentence: 'handover.kind.community_sentence',
} as const satisfies Record<TransferKind, string>;

export const LEFT_OUT_KEY = {
  not_chosen: 'handover.leftOut.not_chosen',
  not_finalised: 'handover.leftOut.not_finalised',
} as const satisfies Record<LeftOutReason, string>;

export const FIELD_LABEL_KEY = {
  receivingUnit: 'handover.form.receivingUnit',
  receivingContact: 'handover.form.receivingContact',
  plannedDate: 'handover.form.plannedDate',
  decisionDate: 'handover.form.decisionDate',
  contactMadeOn: 'handover.form.contactMadeOn',
  meetingOn: 'handover.form.meetingOn',
} as const;
