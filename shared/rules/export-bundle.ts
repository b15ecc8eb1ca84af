import type { DocumentKind, Grading, Profile } from '../domain';
import { checkExportGrading } from './grading-rules';
import { checkPlansKeptSeparate } from './no-future-plan';
import type { Finding } from './finding';

/** What an export (signed PDF, container, print job) holds, as far as the rules care. */
export interface ExportBundleFacts {
  readonly profile: Profile;
  readonly grading: Grading;
  readonly items: readonly { readonly kind: DocumentKind; readonly grading: Grading }[];
  /** The grading of the case whose person data (name, birth date, unit) every page of the export prints. */
  readonly caseGrading?: Grading;
}

/**
 * Checks an export before it is made: its grading is at least the highest of its contents, the
 * case's person data included (DOMAIN.md "Grading"), and a future plan never travels with a
 * follow-up plan (NO pkt 10).
 */
export function checkExportBundle(bundle: ExportBundleFacts): Finding[] {
  const contents = bundle.items.map((item) => item.grading);
  return [
    ...checkExportGrading(
      bundle.profile,
      bundle.grading,
      bundle.caseGrading ? [bundle.caseGrading, ...contents] : contents,
    ),
    ...checkPlansKeptSeparate(bundle.items.map((item) => item.kind)),
  ];
}
