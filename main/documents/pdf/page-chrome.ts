import { translate } from '../../../shared/i18n/translate';
import type { DocumentView } from './document-view';
import type { FontSet, FontStyle } from './fonts';
import { formatDocumentDate } from './format-date';
import { INK, MUTED, PAGE, RULE, type DrawOp, type Rgb } from './page-flow';
import { truncateText } from './text-wrap';

/**
 * The NO exemption marking is a legal marking under offentleglova, like the grading levels, so it is
 * printed in Norwegian whatever the UI language: "Unntatt offentlighet, offl. § 13, jf. fvl. § 13".
 */
export const NO_EXEMPTION_MARKING = 'Unntatt offentlighet';

const MARKING_SIZE = 10;
const SIDE_SIZE = 8;
const EXEMPTION_SIZE = 7.5;
const DRAFT_SIZE = 9;
const HEADER = { marking: 34, exemption: 45, rule: 53 } as const;
const FOOTER = {
  rule: PAGE.height - 58,
  marking: PAGE.height - 42,
  exemption: PAGE.height - 31,
  draft: PAGE.height - 20,
} as const;

export interface PageChrome {
  /** Header and footer of page `index` (0-based) of `count`. */
  ops(index: number, count: number): DrawOp[];
}

/**
 * Running header and footer of every page: the grading marking centred and bold in both, the
 * exemption line under it when given, the document kind and reference in the header, and the print
 * date and "side N av M" in the footer. A draft is marked "UTKAST" at the foot of every page, so a
 * loose page of a draft cannot pass for a final copy.
 */
export function pageChrome(view: DocumentView, fonts: FontSet): PageChrome {
  const { locale } = view;
  const marking = fonts.clean(view.grading.level, 'bold');
  const exemption = view.grading.exemptionBasis
    ? fonts.clean(`${NO_EXEMPTION_MARKING}, ${view.grading.exemptionBasis}`, 'regular')
    : undefined;
  const left = PAGE.marginX;
  const right = PAGE.width - PAGE.marginX;
  const markingWidth = fonts.width(marking, 'bold', MARKING_SIZE);
  const sideRoom = (right - left - markingWidth) / 2 - 14;
  const measure = (style: FontStyle, size: number) => (s: string) => fonts.width(s, style, size);
  const side = (text: string) => truncateText(fonts.clean(text, 'regular'), sideRoom, measure('regular', SIDE_SIZE));

  const kind = side(view.kindLabel);
  // A sheet with facts of its own (not a case document) names what it is about without a version.
  const reference = side(
    view.titleFacts
      ? view.caseReference
      : `${view.caseReference} · ${translate(locale, 'documents.pdf.versionShort', { version: view.version })}`,
  );
  const printed = side(
    translate(locale, 'documents.pdf.printedOn', { date: formatDocumentDate(locale, view.dates.printed) }),
  );
  const exemptionLine = exemption && truncateText(exemption, right - left, measure('regular', EXEMPTION_SIZE));
  const draft = view.draft ? fonts.clean(translate(locale, 'documents.pdf.draftMarking'), 'bold') : undefined;

  const text = (x: number, y: number, value: string, style: FontStyle, size: number, color: Rgb): DrawOp => ({
    op: 'text',
    x,
    y,
    text: value,
    style,
    size,
    color,
  });
  const centred = (y: number, value: string, style: FontStyle, size: number, color: Rgb) =>
    text((PAGE.width - fonts.width(value, style, size)) / 2, y, value, style, size, color);
  const rightAligned = (y: number, value: string, size: number) =>
    text(right - fonts.width(value, 'regular', size), y, value, 'regular', size, MUTED);
  const rule = (y: number): DrawOp => ({ op: 'line', x1: left, y1: y, x2: right, y2: y, thickness: 0.5, color: RULE });

  return {
    ops(index, count) {
      const page = fonts.clean(translate(locale, 'documents.pdf.page', { page: index + 1, pages: count }), 'regular');
      const ops: DrawOp[] = [
        centred(HEADER.marking, marking, 'bold', MARKING_SIZE, INK),
        text(left, HEADER.marking, kind, 'regular', SIDE_SIZE, MUTED),
        rightAligned(HEADER.marking, reference, SIDE_SIZE),
        rule(HEADER.rule),
        rule(FOOTER.rule),
        centred(FOOTER.marking, marking, 'bold', MARKING_SIZE, INK),
        text(left, FOOTER.marking, printed, 'regular', SIDE_SIZE, MUTED),
        rightAligned(FOOTER.marking, page, SIDE_SIZE),
      ];
      if (exemptionLine) {
        ops.push(centred(HEADER.exemption, exemptionLine, 'regular', EXEMPTION_SIZE, INK));
        ops.push(centred(FOOTER.exemption, exemptionLine, 'regular', EXEMPTION_SIZE, INK));
      }
      if (draft) ops.push(centred(FOOTER.draft, draft, 'bold', DRAFT_SIZE, INK));
      return ops;
    },
  };
}
