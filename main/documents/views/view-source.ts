import type { Grading, IsoDate, KindedContent, Locale, Profile } from '../../../shared/domain';
import type { Finding } from '../../../shared/rules/finding';

/**
 * Everything a mapper needs to turn one document version into a printable view, gathered by the
 * export service from the vault. Mappers are pure: no database, no clock (the print time is given).
 * Mentor conversation records (NO pkt 13.5) are never part of a source.
 */
export interface ViewSource {
  /** Language of the labels and headings; the content is printed as written. */
  readonly locale: Locale;
  readonly profile: Profile;
  readonly data: KindedContent;
  /** Who the document is about, as the case records it. */
  readonly person: {
    readonly name: string;
    readonly birthDate?: IsoDate;
    readonly unit: string;
    readonly caseReference: string;
  };
  readonly version: {
    readonly number: number;
    readonly status: 'draft' | 'final';
    /** ISO timestamps. */
    readonly documentCreatedAt: string;
    readonly finalisedAt?: string;
  };
  /** ISO timestamp of this print or export. */
  readonly printedAt: string;
  /** The grading the export carries: at least the content's own. */
  readonly grading: Grading;
  /** The template the document was started from, in the version it recorded: title and sections in order. */
  readonly template?: ViewTemplate;
  /** Rule findings to print with their citations (content rules only, not distribution reminders). */
  readonly findings: readonly Finding[];
  /** Names of the mentors a mentor course names, by id; an id without a live record prints as unknown. */
  readonly mentorNames?: Readonly<Record<string, string>>;
}

export interface ViewTemplate {
  readonly title: string;
  readonly sections: readonly { readonly field: string; readonly heading: string }[];
}

/** The template's order for the fields it has sections for, then the kind's own order for the rest. */
export function orderedFields<F extends string>(defaultOrder: readonly F[], template: ViewTemplate | undefined): F[] {
  const known = new Set<string>(defaultOrder);
  const fromTemplate = (template?.sections ?? []).map((s) => s.field).filter((field): field is F => known.has(field));
  const unique = [...new Set(fromTemplate)];
  return [...unique, ...defaultOrder.filter((field) => !unique.includes(field))];
}
