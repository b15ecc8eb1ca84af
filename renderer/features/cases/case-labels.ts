import type { CaseStatus, DocumentKind } from '../../../shared/domain';
import type { DocumentStatus } from '../../../shared/ipc/record-views';

/**
 * Message keys for values that come from data, listed as literals so the i18n usage test can check
 * that each one exists. Labels of domain values are the `domain` catalog's; only what this feature
 * adds (buttons, headings) is in the `cases` area. Kind names are in renderer/lib/document-labels.ts.
 */

export const CASE_STATUS_KEY = {
  varetekt: 'domain.caseStatus.varetekt',
  fengsel: 'domain.caseStatus.fengsel',
  samfunnsstraff: 'domain.caseStatus.samfunnsstraff',
  proveloslatt: 'domain.caseStatus.proveloslatt',
  loslatt: 'domain.caseStatus.loslatt',
} as const satisfies Record<CaseStatus, string>;

/** "New …" buttons, one per kind (the grammatical gender differs, so no shared "New {kind}"). */
export const NEW_DOCUMENT_KEY = {
  observation: 'cases.new.observation',
  concern: 'cases.new.concern',
  concern_report: 'cases.new.concern_report',
  follow_up_plan: 'cases.new.follow_up_plan',
  future_plan: 'cases.new.future_plan',
  meeting: 'cases.new.meeting',
  visit_routine: 'cases.new.visit_routine',
  mentor_course: 'cases.new.mentor_course',
} as const satisfies Record<DocumentKind, string>;

/** What a kind holds, one sentence for the tab panel (with the provision in the text). */
export const KIND_INTRO_KEY = {
  observation: 'cases.kindIntro.observation',
  concern: 'cases.kindIntro.concern',
  concern_report: 'cases.kindIntro.concern_report',
  follow_up_plan: 'cases.kindIntro.follow_up_plan',
  future_plan: 'cases.kindIntro.future_plan',
  meeting: 'cases.kindIntro.meeting',
  visit_routine: 'cases.kindIntro.visit_routine',
  mentor_course: 'cases.kindIntro.mentor_course',
} as const satisfies Record<DocumentKind, string>;

/** Empty list of one kind: what to do next. */
export const KIND_EMPTY_KEY = {
  observation: 'cases.kindEmpty.observation',
  concern: 'cases.kindEmpty.concern',
  concern_report: 'cases.kindEmpty.concern_report',
  follow_up_plan: 'cases.kindEmpty.follow_up_plan',
  future_plan: 'cases.kindEmpty.future_plan',
  meeting: 'cases.kindEmpty.meeting',
  visit_routine: 'cases.kindEmpty.visit_routine',
  mentor_course: 'cases.kindEmpty.mentor_course',
} as const satisfies Record<DocumentKind, string>;

export const DOCUMENT_STATUS_KEY = {
  draft: 'cases.documentStatus.draft',
  final: 'cases.documentStatus.final',
} as const satisfies Record<DocumentStatus, string>;

/** Audit actions and object types (labels of the services area, shared with the CLI). */
export const AUDIT_ACTION_KEY: Readonly<Record<string, string>> = {
  create: 'services.audit.action.create',
  update: 'services.audit.action.update',
  finalise: 'services.audit.action.finalise',
  export: 'services.audit.action.export',
  print: 'services.audit.action.print',
  import: 'services.audit.action.import',
  delete: 'services.audit.action.delete',
  downgrade: 'services.audit.action.downgrade',
  distribute: 'services.audit.action.distribute',
};
